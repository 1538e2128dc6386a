import fc from 'fast-check';
import {
  adoptionChange,
  adoptionRate,
  formatRate,
  meetsAdoptionGoal,
} from './adoption';
import { compareVersions, isOlderVersion } from './versions';
import { adoptionQuerySchema, offPathQuerySchema } from './schemas';
import { sourceTemplateRef, isGoldenPathTemplate } from './annotations';

describe('adoption rate', () => {
  it.each([
    // new, golden, rate, 95% Wilson interval (to 3 places)
    [10, 3, 0.3, 0.108, 0.603],
    [10, 7, 0.7, 0.397, 0.892],
    [100, 80, 0.8, 0.711, 0.867],
    [4, 4, 1, 0.51, 1],
    [4, 0, 0, 0, 0.49],
    [1, 1, 1, 0.207, 1],
  ])('%i new, %i golden → %f in [%f, %f]', (n, k, rate, low, high) => {
    const r = adoptionRate({ newComponents: n, fromGoldenPaths: k })!;
    expect(r.rate).toBeCloseTo(rate, 10);
    expect(r.low).toBeCloseTo(low, 3);
    expect(r.high).toBeCloseTo(high, 3);
  });

  it('has no rate without new components', () => {
    expect(adoptionRate({ newComponents: 0, fromGoldenPaths: 0 })).toBeNull();
  });

  it('refuses impossible counts', () => {
    expect(() =>
      adoptionRate({ newComponents: 2, fromGoldenPaths: 3 }),
    ).toThrow(RangeError);
    expect(() =>
      adoptionRate({ newComponents: -1, fromGoldenPaths: 0 }),
    ).toThrow(RangeError);
    expect(() =>
      adoptionRate({ newComponents: 2.5, fromGoldenPaths: 1 }),
    ).toThrow(RangeError);
  });

  it('always lies in [0, 1] with the interval around the rate, narrowing with more data', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const k = Math.round(share * n);
          const r = adoptionRate({ newComponents: n, fromGoldenPaths: k })!;
          expect(r.rate).toBe(k / n);
          expect(r.low).toBeGreaterThanOrEqual(0);
          expect(r.high).toBeLessThanOrEqual(1);
          expect(r.low).toBeLessThanOrEqual(r.rate);
          expect(r.high).toBeGreaterThanOrEqual(r.rate);
          const bigger = adoptionRate({
            newComponents: n * 4,
            fromGoldenPaths: k * 4,
          })!;
          expect(bigger.high - bigger.low).toBeLessThanOrEqual(
            r.high - r.low + 1e-12,
          );
        },
      ),
    );
  });

  it('meets the 80% goal exactly at 80%, not just below', () => {
    expect(meetsAdoptionGoal(4 / 5)).toBe(true);
    expect(meetsAdoptionGoal(0.79999)).toBe(false);
    expect(meetsAdoptionGoal(799 / 1000)).toBe(false);
    expect(meetsAdoptionGoal(1)).toBe(true);
    expect(formatRate(2 / 3)).toBe('67%');
  });
});

describe('template versions', () => {
  it('compares numerically and flags older services only', () => {
    expect(compareVersions('1.10.0', '1.9.9')).toBe(1);
    expect(compareVersions('v2.0.0', '2.0')).toBe(0);
    expect(isOlderVersion('1.4.0', '2.1.0')).toBe(true);
    expect(isOlderVersion('2.1.0', '2.1.0')).toBe(false);
    expect(isOlderVersion(null, '2.1.0')).toBe(false);
    expect(isOlderVersion('2.1.0', null)).toBe(false);
  });
});

describe('request schemas', () => {
  it('accepts a window of quarters and names what is wrong', () => {
    expect(
      adoptionQuerySchema.parse({ from: '2025-Q1', to: '2026-Q4' }),
    ).toEqual({
      from: '2025-Q1',
      to: '2026-Q4',
    });
    const bad = adoptionQuerySchema.safeParse({ from: '2025-13' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toMatch(/from must be a quarter/);
    const reversed = adoptionQuerySchema.safeParse({
      from: '2026-Q2',
      to: '2026-Q1',
    });
    expect(reversed.error!.issues[0].message).toBe('from must not be after to');
    expect(adoptionQuerySchema.safeParse({ quarter: '2026-Q1' }).success).toBe(
      false,
    );
  });

  it.each([
    [{ from: '0000-Q1' }, 'from'],
    [{ to: 'x' }, 'to'],
    [{ from: '9999-Q4' }, 'from'],
    [{ to: '0000-Q1' }, 'to'],
    [{ from: '1999-Q4', to: '2026-Q1' }, 'from'],
    [{ from: '2026-Q1', to: '2101-Q1' }, 'to'],
  ])('refuses quarters out of range or unparsable: %p', (query, field) => {
    const result = adoptionQuerySchema.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual([field]);
    expect(result.error!.issues[0].message).toBe(
      `${field} must be a quarter from 2000-Q1 to 2100-Q4, such as 2026-Q4`,
    );
  });

  it('bounds the off-path list', () => {
    expect(offPathQuerySchema.parse({ limit: '20' })).toEqual({ limit: 20 });
    expect(offPathQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(offPathQuerySchema.safeParse({ limit: '500' }).success).toBe(false);
    expect(offPathQuerySchema.safeParse({ limit: 'ten' }).success).toBe(false);
  });
});

describe('annotations', () => {
  const entity = (kind: string, annotations: Record<string, string>) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name: 'x', annotations },
  });

  it('knows approved golden-path templates', () => {
    expect(
      isGoldenPathTemplate(
        entity('Template', { 'paved.dev/golden-path': 'true' }),
      ),
    ).toBe(true);
    expect(
      isGoldenPathTemplate(
        entity('Template', { 'paved.dev/golden-path': 'yes' }),
      ),
    ).toBe(false);
    expect(
      isGoldenPathTemplate(
        entity('Component', { 'paved.dev/golden-path': 'true' }),
      ),
    ).toBe(false);
  });

  it('normalises the source-template reference', () => {
    const ref = (value: string) =>
      sourceTemplateRef(
        entity('Component', { 'backstage.io/source-template': value }),
      );
    expect(ref('template:default/typescript-service')).toBe(
      'template:default/typescript-service',
    );
    expect(ref('typescript-service')).toBe(
      'template:default/typescript-service',
    );
    expect(ref('Template:Default/TypeScript-Service')).toBe(
      'template:default/typescript-service',
    );
    expect(ref('')).toBeUndefined();
    expect(sourceTemplateRef(entity('Component', {}))).toBeUndefined();
  });
});

describe('adoption change', () => {
  const counts = (fromGoldenPaths: number, newComponents: number) => ({
    fromGoldenPaths,
    newComponents,
  });

  // Newcombe (1998), Statistics in Medicine 17:873-890, Table II, method 10
  // (the hybrid score interval); recomputed independently to four places.
  it.each([
    // later k/n, earlier k/n, difference, low, high
    [56, 70, 48, 80, 0.2, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.6, 0.1705, 0.809],
    [6, 7, 2, 7, 0.5714, 0.0582, 0.8062],
    [5, 56, 0, 29, 0.0893, -0.0381, 0.1926],
    [0, 10, 0, 20, 0, -0.1611, 0.2775],
    [0, 10, 0, 10, 0, -0.2775, 0.2775],
    [10, 10, 0, 20, 1, 0.6791, 1],
    [10, 10, 0, 10, 1, 0.6075, 1],
  ])(
    '%i/%i vs %i/%i → %f in [%f, %f]',
    (k1, n1, k2, n2, difference, low, high) => {
      const c = adoptionChange(counts(k1, n1), counts(k2, n2))!;
      expect(c.difference).toBeCloseTo(difference, 4);
      expect(c.low).toBeCloseTo(low, 4);
      expect(c.high).toBeCloseTo(high, 4);
      expect(c.significant).toBe(low > 0 || high < 0);
    },
  );

  it('is significant only when the interval excludes zero', () => {
    // 56/70 vs 48/80: 0.0524 to 0.3339, above zero.
    expect(adoptionChange(counts(56, 70), counts(48, 80))!.significant).toBe(
      true,
    );
    // 8/10 vs 4/10: a 40-point rise, but −0.0226 to 0.6725 includes zero.
    const small = adoptionChange(counts(8, 10), counts(4, 10))!;
    expect(small.difference).toBeCloseTo(0.4, 10);
    expect(small.low).toBeCloseTo(-0.0226, 4);
    expect(small.significant).toBe(false);
    // A fall: the mirror of the first example.
    const fall = adoptionChange(counts(48, 80), counts(56, 70))!;
    expect(fall.high).toBeCloseTo(-0.0524, 4);
    expect(fall.significant).toBe(true);
  });

  it('has no change when either period had no new components', () => {
    expect(adoptionChange(counts(0, 0), counts(3, 4))).toBeNull();
    expect(adoptionChange(counts(3, 4), counts(0, 0))).toBeNull();
    expect(adoptionChange(counts(0, 0), counts(0, 0))).toBeNull();
  });

  it('refuses impossible counts', () => {
    expect(() => adoptionChange(counts(5, 4), counts(1, 4))).toThrow(
      RangeError,
    );
  });

  it('mirrors when the periods swap, contains the difference and stays in [−1, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n1, s1, n2, s2) => {
          const a = counts(Math.round(s1 * n1), n1);
          const b = counts(Math.round(s2 * n2), n2);
          const c = adoptionChange(a, b)!;
          const back = adoptionChange(b, a)!;
          expect(c.difference).toBeCloseTo(
            a.fromGoldenPaths / n1 - b.fromGoldenPaths / n2,
            12,
          );
          expect(c.low).toBeGreaterThanOrEqual(-1);
          expect(c.high).toBeLessThanOrEqual(1);
          expect(c.low).toBeLessThanOrEqual(c.difference);
          expect(c.high).toBeGreaterThanOrEqual(c.difference);
          expect(back.low).toBeCloseTo(-c.high, 12);
          expect(back.high).toBeCloseTo(-c.low, 12);
          expect(back.significant).toBe(c.significant);
          expect(c.significant).toBe(c.low > 0 || c.high < 0);
        },
      ),
    );
  });

  it('never calls equal rates a change, and narrows with more data', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 20 }),
        (n, k0, m) => {
          const k = Math.min(k0, n);
          const same = adoptionChange(counts(k, n), counts(k * m, n * m))!;
          expect(same.difference).toBeCloseTo(0, 12);
          expect(same.significant).toBe(false);
          const c = adoptionChange(counts(k, n), counts(n - k, n))!;
          const bigger = adoptionChange(
            counts(k * 4, n * 4),
            counts((n - k) * 4, n * 4),
          )!;
          expect(bigger.high - bigger.low).toBeLessThanOrEqual(
            c.high - c.low + 1e-12,
          );
        },
      ),
    );
  });
});
