import fc from 'fast-check';
import { EMPTY_AGGREGATE, WindowAggregate } from './dora';
import { metricImpact, quantile, ServiceWindows } from './impact';
import { DAY_MS } from './model';

const agg = (over: Partial<WindowAggregate>): WindowAggregate => ({
  ...EMPTY_AGGREGATE,
  ...over,
});

const lead = (
  service: string,
  goldenPath: boolean,
  before: number,
  after: number,
): ServiceWindows => ({
  service,
  goldenPath,
  before: agg({
    deployments: 10,
    leadTimeMs: before * DAY_MS,
    leadTimeCommits: 10,
  }),
  after: agg({
    deployments: 10,
    leadTimeMs: after * DAY_MS,
    leadTimeCommits: 10,
  }),
});

const days = { before: 30, after: 30 };

describe('release impact', () => {
  it('hand-computed: golden-path services 2 days faster, the rest unchanged', () => {
    const services = [
      lead('gp1', true, 4, 2),
      lead('gp2', true, 5, 3),
      lead('gp3', true, 3, 1),
      lead('o1', false, 4, 4),
      lead('o2', false, 5, 5),
      lead('o3', false, 3, 3),
    ];
    const impact = metricImpact('leadTime', services, days, 'r1');
    expect(impact.goldenPath).toEqual({
      services: 3,
      before: 4 * DAY_MS,
      after: 2 * DAY_MS,
      change: -2 * DAY_MS,
    });
    expect(impact.others.change).toBe(0);
    expect(impact.difference).toBe(-2 * DAY_MS);
    // Every service moved by exactly its group's change: no spread at all.
    expect(impact.interval).toEqual([-2 * DAY_MS, -2 * DAY_MS]);
    expect(impact.verdict).toBe('improved');
  });

  it('says "no detectable change" when the interval includes zero', () => {
    const services = [
      lead('gp1', true, 4, 2),
      lead('gp2', true, 5, 7),
      lead('gp3', true, 3, 3),
      lead('o1', false, 4, 5),
      lead('o2', false, 5, 3),
      lead('o3', false, 3, 3),
    ];
    const impact = metricImpact('leadTime', services, days, 'r1');
    expect(impact.interval![0]).toBeLessThan(0);
    expect(impact.interval![1]).toBeGreaterThan(0);
    expect(impact.verdict).toBe('no-detectable-change');
    expect(impact.summary).toMatch(/^No detectable change/);
  });

  it('compares each service only with itself: a service without a value in both windows is left out', () => {
    const newService: ServiceWindows = {
      service: 'gp-new',
      goldenPath: true,
      before: EMPTY_AGGREGATE,
      after: agg({ deployments: 10, leadTimeMs: 0.1 * DAY_MS }),
    };
    const services = [
      lead('gp1', true, 4, 2),
      lead('gp2', true, 5, 3),
      newService,
      lead('o1', false, 4, 4),
      lead('o2', false, 5, 5),
    ];
    expect(
      metricImpact('leadTime', services, days, 'r').goldenPath.services,
    ).toBe(2);
  });

  it('too few services in a group is too little data, in words', () => {
    const impact = metricImpact(
      'leadTime',
      [
        lead('gp1', true, 4, 2),
        lead('o1', false, 4, 4),
        lead('o2', false, 4, 4),
      ],
      days,
      'r',
    );
    expect(impact.verdict).toBe('too-little-data');
    expect(impact.interval).toBeNull();
    expect(impact.summary).toMatch(
      /^Too little data: 1 golden-path and 2 other services/,
    );
  });

  it('for frequency, more deployments after is an improvement', () => {
    const freq = (
      s: string,
      gp: boolean,
      b: number,
      a: number,
    ): ServiceWindows => ({
      service: s,
      goldenPath: gp,
      before: agg({ deployments: b }),
      after: agg({ deployments: a }),
    });
    const impact = metricImpact(
      'deploymentFrequency',
      [
        freq('g1', true, 10, 40),
        freq('g2', true, 12, 42),
        freq('o1', false, 10, 10),
        freq('o2', false, 11, 11),
      ],
      days,
      'r',
    );
    expect(impact.difference).toBeCloseTo(1, 10); // 30 more in 30 days: +1 per day
    expect(impact.verdict).toBe('improved');
  });

  it('properties: seeded (same answer every time); shifting golden-path values shifts the difference exactly; identical groups include zero', () => {
    const arbServices = fc.array(
      fc.record({
        before: fc.integer({ min: 1, max: 50 }),
        after: fc.integer({ min: 1, max: 50 }),
      }),
      { minLength: 2, maxLength: 8 },
    );
    fc.assert(
      fc.property(
        arbServices,
        arbServices,
        fc.integer({ min: -5, max: 5 }),
        (gp, rest, shift) => {
          const services = [
            ...gp.map((v, i) => lead(`g${i}`, true, v.before, v.after)),
            ...rest.map((v, i) => lead(`o${i}`, false, v.before, v.after)),
          ];
          const a = metricImpact('leadTime', services, days, 'seed');
          expect(metricImpact('leadTime', services, days, 'seed')).toEqual(a);
          expect(a.interval![0]).toBeLessThanOrEqual(a.interval![1]);

          const shifted = services.map(s =>
            s.goldenPath
              ? {
                  ...s,
                  after: {
                    ...s.after,
                    leadTimeMs: s.after.leadTimeMs! + shift * DAY_MS,
                  },
                }
              : s,
          );
          const b = metricImpact('leadTime', shifted, days, 'seed');
          expect(b.difference! - a.difference!).toBeCloseTo(shift * DAY_MS, 3);

          const mirrored = [
            ...gp.map((v, i) => lead(`g${i}`, true, v.before, v.after)),
            ...gp.map((v, i) => lead(`o${i}`, false, v.before, v.after)),
          ];
          const c = metricImpact('leadTime', mirrored, days, 'seed');
          expect(c.difference).toBe(0);
          expect(c.interval![0]).toBeLessThanOrEqual(0);
          expect(c.interval![1]).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('quantile interpolates', () => {
    expect(quantile([0, 10], 0.5)).toBe(5);
    expect(quantile([1, 2, 3, 4, 5], 0.025)).toBeCloseTo(1.1, 10);
  });
});
