import fc from 'fast-check';
import { Measurement, TargetStatus, targetStatus } from './status';

const up = { value: 80, direction: 'up' as const, atRiskWithin: 10 };
const down = { value: 14, direction: 'down' as const, atRiskWithin: 7 };

describe('targetStatus', () => {
  it.each<[string, Measurement, TargetStatus]>([
    // higher is better, target 80, at risk within 10
    ['interval wholly above', { value: 90, low: 85, high: 95 }, 'on-track'],
    [
      'low end touches the target',
      { value: 85, low: 80, high: 90 },
      'on-track',
    ],
    [
      'interval spans the target',
      { value: 79, low: 70, high: 88 },
      'too-early',
    ],
    [
      'value below, interval spans',
      { value: 75, low: 70, high: 81 },
      'too-early',
    ],
    [
      'high end touches the target',
      { value: 75, low: 70, high: 80 },
      'too-early',
    ],
    ['just short of touching', { value: 75, low: 70, high: 79.999 }, 'at-risk'],
    [
      'short by exactly the margin',
      { value: 65, low: 60, high: 70 },
      'at-risk',
    ],
    ['short by a hair more', { value: 65, low: 60, high: 69.999 }, 'off-track'],
    ['point value on the target', { value: 80 }, 'on-track'],
    ['point value just below', { value: 79.9 }, 'at-risk'],
    ['point value far below', { value: 50 }, 'off-track'],
    [
      'degenerate interval on target',
      { value: 80, low: 80, high: 80 },
      'on-track',
    ],
  ])('up: %s', (_, measurement, expected) => {
    expect(targetStatus(measurement, up)).toBe(expected);
  });

  it.each<[string, Measurement, TargetStatus]>([
    // lower is better, target 14 days, at risk within 7
    ['point value below the target', { value: 9 }, 'on-track'],
    ['point value on the target', { value: 14 }, 'on-track'],
    [
      'high end touches the target',
      { value: 12, low: 10, high: 14 },
      'on-track',
    ],
    [
      'low end touches the target',
      { value: 16, low: 14, high: 18 },
      'too-early',
    ],
    ['over by exactly the margin', { value: 21 }, 'at-risk'],
    ['over by more', { value: 21.5 }, 'off-track'],
  ])('down: %s', (_, measurement, expected) => {
    expect(targetStatus(measurement, down)).toBe(expected);
  });

  it('has no data without a measurement, a target or a finite value', () => {
    expect(targetStatus(null, up)).toBe('no-data');
    expect(targetStatus({ value: 10 }, null)).toBe('no-data');
    expect(targetStatus({ value: NaN }, up)).toBe('no-data');
    expect(targetStatus({ value: 1 }, { ...up, value: Infinity })).toBe(
      'no-data',
    );
  });

  const interval = fc
    .tuple(
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.double({ min: 0, max: 50, noNaN: true }),
      fc.double({ min: 0, max: 50, noNaN: true }),
    )
    .map(([value, below, above]) => ({
      value,
      low: value - below,
      high: value + above,
    }));
  const target = fc.record({
    value: fc.double({ min: -100, max: 100, noNaN: true }),
    direction: fc.constantFrom('up' as const, 'down' as const),
    atRiskWithin: fc.double({ min: 0, max: 30, noNaN: true }),
  });

  it('is too early to tell exactly when the interval holds values on both sides of meeting the target', () => {
    fc.assert(
      fc.property(interval, target, (m, t) => {
        const meets = (v: number) =>
          t.direction === 'up' ? v >= t.value : v <= t.value;
        const mixed = meets(m.low) !== meets(m.high);
        expect(targetStatus(m, t) === 'too-early').toBe(mixed);
      }),
    );
  });

  it('never gets worse when the whole interval moves the better way', () => {
    const rank: Record<TargetStatus, number> = {
      'off-track': 0,
      'at-risk': 1,
      'too-early': 2,
      'on-track': 3,
      'no-data': -1,
    };
    fc.assert(
      fc.property(
        interval,
        target,
        fc.double({ min: 0, max: 100, noNaN: true }),
        (m, t, shift) => {
          const s = t.direction === 'up' ? shift : -shift;
          const moved = {
            value: m.value + s,
            low: m.low + s,
            high: m.high + s,
          };
          expect(rank[targetStatus(moved, t)]).toBeGreaterThanOrEqual(
            rank[targetStatus(m, t)],
          );
        },
      ),
    );
  });

  it('judges a "down" metric as the mirror of an "up" one', () => {
    fc.assert(
      fc.property(interval, target, (m, t) => {
        const mirrored = { value: -m.value, low: -m.high, high: -m.low };
        const flipped = {
          ...t,
          value: -t.value,
          direction: t.direction === 'up' ? ('down' as const) : ('up' as const),
        };
        expect(targetStatus(mirrored, flipped)).toBe(targetStatus(m, t));
      }),
    );
  });

  it('never calls a wider interval more certain', () => {
    fc.assert(
      fc.property(
        interval,
        target,
        fc.double({ min: 0, max: 20, noNaN: true }),
        (m, t, widen) => {
          const wide = { ...m, low: m.low - widen, high: m.high + widen };
          fc.pre(targetStatus(m, t) === 'too-early');
          expect(targetStatus(wide, t)).toBe('too-early');
        },
      ),
    );
  });
});
