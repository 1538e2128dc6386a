import fc from 'fast-check';
import {
  BAND_VERSION,
  BANDS,
  classifyChangeFailureRate,
  classifyDeploymentFrequency,
  classifyLeadTime,
  classifyRecoveryTime,
} from './bands';
import { DAY_MS, HOUR_MS } from './model';

const band = (c: { band: string; bandVersion: string }) => {
  expect(c.bandVersion).toBe(BAND_VERSION);
  return c.band;
};

describe('DORA 2023 bands, at every boundary', () => {
  it.each([
    // deployments, days, band
    [181, 90, 'elite'], // twice a day
    [91, 90, 'elite'], // just more than daily
    [90, 90, 'high'], // exactly daily: "daily–weekly"
    [13, 91, 'high'], // exactly weekly: the better band
    [12, 91, 'medium'], // just less than weekly
    [3, 90, 'medium'], // exactly monthly (30 days)
    [2, 90, 'low'], // less than monthly
    [0, 90, 'low'],
    [1, 7, 'high'],
    [1, 30, 'medium'],
    [1, 31, 'low'],
  ])('deployment frequency: %i in %i days → %s', (n, days, expected) => {
    expect(band(classifyDeploymentFrequency(n, days))).toBe(expected);
  });

  it.each([
    [DAY_MS - 1, 'elite'],
    [DAY_MS, 'high'], // exactly 1 day is not "< 1 day"
    [7 * DAY_MS, 'high'], // exactly 1 week: the better band
    [7 * DAY_MS + 1, 'medium'],
    [30 * DAY_MS, 'medium'], // exactly 1 month is not "> 1 month"
    [30 * DAY_MS + 1, 'low'],
  ])('lead time %i ms → %s', (ms, expected) => {
    expect(band(classifyLeadTime(ms))).toBe(expected);
  });

  it.each([
    [0, 20, 'elite'],
    [1, 20, 'elite'], // exactly 5%
    [1, 19, 'high'], // 5.26%
    [2, 20, 'high'], // exactly 10%
    [21, 200, 'medium'], // 10.5%
    [3, 20, 'medium'], // exactly 15%
    [31, 200, 'low'], // 15.5%
    [20, 20, 'low'],
  ])('change failure rate %i/%i → %s', (f, n, expected) => {
    expect(band(classifyChangeFailureRate(f, n))).toBe(expected);
  });

  it.each([
    [HOUR_MS - 1, 'elite'],
    [HOUR_MS, 'high'], // exactly 1 hour is not "< 1 hour"
    [DAY_MS - 1, 'high'],
    [DAY_MS, 'medium'], // exactly 1 day is not "< 1 day"
    [7 * DAY_MS, 'medium'], // exactly 1 week: "1 day – 1 week"
    [7 * DAY_MS + 1, 'low'],
  ])('recovery time %i ms → %s', (ms, expected) => {
    expect(band(classifyRecoveryTime(ms))).toBe(expected);
  });

  it('refuses impossible counts', () => {
    expect(() => classifyChangeFailureRate(3, 2)).toThrow(RangeError);
    expect(() => classifyChangeFailureRate(0, 0)).toThrow(RangeError);
    expect(() => classifyDeploymentFrequency(-1, 90)).toThrow(RangeError);
    expect(() => classifyDeploymentFrequency(1, 0)).toThrow(RangeError);
  });

  const rank = (b: string) => BANDS.indexOf(b as any);

  it('more failures never give a better band; more deployments never a worse frequency band', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 730 }),
        (n, f0, days) => {
          const f = Math.min(f0, n - 1);
          expect(
            rank(band(classifyChangeFailureRate(f + 1, n))),
          ).toBeGreaterThanOrEqual(rank(band(classifyChangeFailureRate(f, n))));
          expect(
            rank(band(classifyDeploymentFrequency(n + 1, days))),
          ).toBeLessThanOrEqual(
            rank(band(classifyDeploymentFrequency(n, days))),
          );
        },
      ),
    );
  });

  it('longer times never give a better band', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 90 * DAY_MS }),
        fc.integer({ min: 0, max: 10 * DAY_MS }),
        (ms, more) => {
          expect(
            rank(band(classifyLeadTime(ms + more))),
          ).toBeGreaterThanOrEqual(rank(band(classifyLeadTime(ms))));
          expect(
            rank(band(classifyRecoveryTime(ms + more))),
          ).toBeGreaterThanOrEqual(rank(band(classifyRecoveryTime(ms))));
        },
      ),
    );
  });
});
