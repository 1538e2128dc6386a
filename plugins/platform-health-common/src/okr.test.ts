import fc from 'fast-check';
import { dueMoment, keyResultProgress, progressFraction } from './okr';

const plan = {
  start: 40,
  target: 60,
  direction: 'up' as const,
  startsAt: '2026-10-01T00:00:00Z',
  due: '2026-12-31',
};
const middle = new Date('2026-11-15T12:00:00Z');

describe('OKR progress', () => {
  it('measures the share of the way from start to target, clamped', () => {
    expect(progressFraction(plan, 50)).toBe(0.5);
    expect(progressFraction(plan, 40)).toBe(0);
    expect(progressFraction(plan, 30)).toBe(0);
    expect(progressFraction(plan, 75)).toBe(1);
    // Lower is better: 20 days down to 10.
    expect(progressFraction({ start: 20, target: 10 }, 12.5)).toBe(0.75);
  });

  it('treats a target equal to the start as done or not', () => {
    expect(progressFraction({ start: 5, target: 5 }, 5)).toBe(1);
    expect(progressFraction({ start: 5, target: 5 }, 4)).toBe(0);
    expect(
      progressFraction({ start: 5, target: 5, direction: 'down' }, 4),
    ).toBe(1);
  });

  it('ends a due date at the end of that day (UTC)', () => {
    expect(dueMoment('2026-12-31').toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });

  it.each([
    // value, low, high → status at mid-quarter (pace ≈ 50, at risk within 2)
    [55, null, null, 'on-track'],
    [60, null, null, 'on-track'],
    [49, null, null, 'at-risk'],
    [45, null, null, 'off-track'],
    [48, 40, 56, 'too-early'],
    [52, 50.1, 54, 'on-track'],
  ])('%f [%p, %p] at mid-quarter is %s', (value, low, high, status) => {
    const p = keyResultProgress(plan, { value, low, high }, middle);
    expect(p.elapsed).toBeCloseTo(0.5, 1);
    expect(p.status).toBe(status);
  });

  it('judges against the target itself after the due date', () => {
    const after = new Date('2027-01-05T00:00:00Z');
    expect(keyResultProgress(plan, { value: 59 }, after).status).toBe(
      'at-risk',
    );
    expect(keyResultProgress(plan, { value: 60 }, after).status).toBe(
      'on-track',
    );
    expect(
      keyResultProgress(plan, { value: 58, low: 50, high: 66 }, after).status,
    ).toBe('too-early');
  });

  it('has no data without a value', () => {
    const p = keyResultProgress(plan, null, middle);
    expect(p.status).toBe('no-data');
    expect(p.fraction).toBeNull();
  });

  it('keeps every fraction in [0, 1] with the interval around the value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -200, max: 200, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (start, target, value, half) => {
          const p = keyResultProgress(
            { ...plan, start, target, direction: undefined },
            { value, low: value - half, high: value + half },
            middle,
          );
          for (const f of [p.fraction, p.fractionLow, p.fractionHigh]) {
            expect(f).not.toBeNull();
            expect(f!).toBeGreaterThanOrEqual(0);
            expect(f!).toBeLessThanOrEqual(1);
          }
          expect(p.fractionLow!).toBeLessThanOrEqual(p.fraction!);
          expect(p.fraction!).toBeLessThanOrEqual(p.fractionHigh!);
        },
      ),
    );
  });

  it('is on track whenever the value already meets the target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.date({
          min: new Date('2026-09-01T00:00:00Z'),
          max: new Date('2027-03-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (start, gain, beyond, now) => {
          const target = start + gain;
          const p = keyResultProgress(
            { ...plan, start, target },
            { value: target + beyond },
            now,
          );
          expect(p.status).toBe('on-track');
          expect(p.fraction).toBe(1);
        },
      ),
    );
  });
});
