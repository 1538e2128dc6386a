import fc from 'fast-check';
import { adoptionRate, formatRate, meetsAdoptionGoal } from './adoption';
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
