import fc from 'fast-check';
import {
  BandCounts,
  NpsChange,
  NpsSummary,
  bandCounts,
  compareNps,
  npsGoal,
  participationRate,
  roundHalfAwayFromZero,
  scoreBand,
  summarizeNps,
} from './nps';

function summary(
  promoters: number,
  passives: number,
  detractors: number,
): NpsSummary {
  const result = summarizeNps({ promoters, passives, detractors });
  if (!result) {
    throw new Error('expected answers');
  }
  return result;
}

function exactNps({ promoters, passives, detractors }: BandCounts): number {
  return (100 * (promoters - detractors)) / (promoters + passives + detractors);
}

// Small surveys hit the edges (n = 1, one band only); large ones hit rounding.
const countsArb: fc.Arbitrary<BandCounts> = fc
  .oneof(
    fc.record({
      promoters: fc.nat({ max: 12 }),
      passives: fc.nat({ max: 12 }),
      detractors: fc.nat({ max: 12 }),
    }),
    fc.record({
      promoters: fc.nat({ max: 5000 }),
      passives: fc.nat({ max: 5000 }),
      detractors: fc.nat({ max: 5000 }),
    }),
  )
  .filter(c => c.promoters + c.passives + c.detractors > 0);

function summarize(counts: BandCounts): NpsSummary {
  return summary(counts.promoters, counts.passives, counts.detractors);
}

// Half of the last displayed decimal.
const ROUNDING = 0.05 + 1e-9;

describe('scoreBand', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ])('puts %p in the %s band', (score, band) => {
    expect(scoreBand(score)).toBe(band);
  });

  it.each([-1, 11, 7.5, NaN, Infinity, -Infinity])('rejects %p', score => {
    expect(() => scoreBand(score)).toThrow(RangeError);
  });
});

describe('summarizeNps', () => {
  it('has nothing to say without answers', () => {
    expect(
      summarizeNps({ promoters: 0, passives: 0, detractors: 0 }),
    ).toBeUndefined();
  });

  it.each([
    { promoters: -1, passives: 3, detractors: 0 },
    { promoters: 1, passives: 1.5, detractors: 0 },
    { promoters: 1, passives: 0, detractors: NaN },
    { promoters: Infinity, passives: 0, detractors: 0 },
  ])('rejects invalid counts %p', counts => {
    expect(() => summarizeNps(counts)).toThrow(RangeError);
  });

  // 50/30/20 of 100: p+ = 0.5, p- = 0.2, NPS = 30.
  // SE = 100 * sqrt((0.5 + 0.2 - 0.3^2) / 100) = 100 * sqrt(0.0061) = 7.8102
  // interval = 30 ± 1.96 * 7.8102 = 30 ± 15.3081 = [14.6919, 45.3081]
  it('summarizes 50 promoters, 30 passives and 20 detractors', () => {
    expect(summary(50, 30, 20)).toEqual({
      n: 100,
      promoters: 50,
      passives: 30,
      detractors: 20,
      promoterPercent: 50,
      passivePercent: 30,
      detractorPercent: 20,
      nps: 30,
      standardError: 7.8,
      interval: { low: 14.7, high: 45.3 },
    });
  });

  // 40/30/30 of 100: p+ = 0.4, p- = 0.3, NPS = 10.
  // SE = 100 * sqrt((0.4 + 0.3 - 0.1^2) / 100) = 100 * sqrt(0.0069) = 8.3066
  // interval = 10 ± 1.96 * 8.3066 = 10 ± 16.2810 = [-6.2810, 26.2810]
  it('gives 100 answers an interval of about ±16 points', () => {
    const result = summary(40, 30, 30);
    expect(result.nps).toBe(10);
    expect(result.standardError).toBe(8.3);
    expect(result.interval).toEqual({ low: -6.3, high: 26.3 });
  });

  it.each([
    // counts, nps, standardError, interval, percents (promoter, passive, detractor)
    [[1, 0, 0], 100, 0, [100, 100], [100, 0, 0]],
    [[0, 1, 0], 0, 0, [0, 0], [0, 100, 0]],
    [[0, 0, 1], -100, 0, [-100, -100], [0, 0, 100]],
    [[200, 0, 0], 100, 0, [100, 100], [100, 0, 0]],
    // n = 3: SE = 100 * sqrt((2/3) / 3) = 47.1405, ±92.3953
    [[1, 1, 1], 0, 47.1, [-92.4, 92.4], [33.3, 33.3, 33.3]],
    // n = 5: 40 ± 1.96 * 35.7771 = [-30.12, 110.12], clamped at 100
    [[3, 1, 1], 40, 35.8, [-30.1, 100], [60, 20, 20]],
    // 25 answers: 44 ± 1.96 * 15.0519 = [14.4983, 73.5017]
    [[15, 6, 4], 44, 15.1, [14.5, 73.5], [60, 24, 16]],
    // exactly +0.5 rounds to +1 and -0.5 to -1: half away from zero, both signs
    [[1, 199, 0], 1, 0.5, [-0.5, 1.5], [0.5, 99.5, 0]],
    [[0, 199, 1], -1, 0.5, [-1.5, 0.5], [0, 99.5, 0.5]],
    // +12.5 → +13 and −12.5 → −13 (1 of 8 net); +37.5 → +38, −37.5 → −38
    [[2, 5, 1], 13, 21.2, [-29, 54], [25, 62.5, 12.5]],
    [[1, 5, 2], -13, 21.2, [-54, 29], [12.5, 62.5, 25]],
    [[4, 3, 1], 38, 24.6, [-10.7, 85.7], [50, 37.5, 12.5]],
    [[1, 3, 4], -38, 24.6, [-85.7, 10.7], [12.5, 37.5, 50]],
    // -1/3 rounds to -0 as well
    [[0, 299, 1], 0, 0.3, [-1, 0.3], [0, 99.7, 0.3]],
  ])(
    '%p gives NPS %p, SE %p, interval %p',
    ([promoters, passives, detractors], nps, se, [low, high], percents) => {
      const result = summary(promoters, passives, detractors);
      expect(result.nps).toBe(nps);
      expect(result.standardError).toBe(se);
      expect(result.interval).toEqual({ low, high });
      expect([
        result.promoterPercent,
        result.passivePercent,
        result.detractorPercent,
      ]).toEqual(percents);
    },
  );

  // 5 of 987 answers: exact NPS 0.5066 rounds to 1, but the interval
  // 0.5066 ± 0.4429 = [0.0637, 0.9495] is centred on the exact value and so
  // does not reach 1. This is the smallest n where that can happen.
  it('centres the interval on the unrounded NPS', () => {
    const result = summary(5, 982, 0);
    expect(result.nps).toBe(1);
    expect(result.interval).toEqual({ low: 0.1, high: 0.9 });
  });

  it('reports an integer NPS in [-100, 100] and never -0', () => {
    fc.assert(
      fc.property(countsArb, counts => {
        const { nps } = summarize(counts);
        expect(Number.isInteger(nps)).toBe(true);
        expect(nps).toBeGreaterThanOrEqual(-100);
        expect(nps).toBeLessThanOrEqual(100);
        expect(Object.is(nps, -0)).toBe(false);
        expect(Math.abs(nps - exactNps(counts))).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it('keeps the interval within [-100, 100] and around the exact NPS', () => {
    fc.assert(
      fc.property(countsArb, counts => {
        const { interval } = summarize(counts);
        const exact = exactNps(counts);
        expect(interval.low).toBeGreaterThanOrEqual(-100);
        expect(interval.high).toBeLessThanOrEqual(100);
        expect(interval.low).toBeLessThanOrEqual(exact + ROUNDING);
        expect(interval.high).toBeGreaterThanOrEqual(exact - ROUNDING);
      }),
    );
  });

  // Below 987 answers the rounding of the NPS (at most 0.5) never exceeds the
  // margin; checked exhaustively for every split when choosing this bound.
  it('has the interval contain the reported NPS for fewer than 987 answers', () => {
    const smallSurvey = fc
      .tuple(fc.integer({ min: 1, max: 986 }), fc.nat(), fc.nat())
      .map(([n, a, b]) => {
        const promoters = a % (n + 1);
        const detractors = b % (n - promoters + 1);
        return { promoters, detractors, passives: n - promoters - detractors };
      });
    fc.assert(
      fc.property(smallSurvey, counts => {
        const { nps, interval } = summarize(counts);
        expect(interval.low).toBeLessThanOrEqual(nps);
        expect(interval.high).toBeGreaterThanOrEqual(nps);
      }),
    );
  });

  it('never reports a negative SE', () => {
    fc.assert(
      fc.property(countsArb, counts => {
        expect(summarize(counts).standardError).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('has no uncertainty when all answers share a band', () => {
    const oneBand = fc
      .tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 2 }))
      .map(([n, band]) => ({
        promoters: band === 0 ? n : 0,
        passives: band === 1 ? n : 0,
        detractors: band === 2 ? n : 0,
      }));
    fc.assert(
      fc.property(oneBand, counts => {
        const { nps, standardError, interval } = summarize(counts);
        expect([-100, 0, 100]).toContain(nps);
        expect(standardError).toBe(0);
        expect(interval).toEqual({ low: nps, high: nps });
      }),
    );
  });

  // Past a few thousand answers a lone dissenter's SE rounds to 0.0, so the
  // size is bounded: at n = 750 the smallest possible SE is still 0.13.
  it('has a visible SE when answers differ, up to 750 answers', () => {
    const mixed = fc
      .record({
        promoters: fc.nat({ max: 250 }),
        passives: fc.nat({ max: 250 }),
        detractors: fc.nat({ max: 250 }),
      })
      .filter(
        c =>
          [c.promoters, c.passives, c.detractors].filter(Boolean).length >= 2,
      );
    fc.assert(
      fc.property(mixed, counts => {
        const { standardError, interval } = summarize(counts);
        expect(standardError).toBeGreaterThan(0);
        expect(interval.high).toBeGreaterThan(interval.low);
      }),
    );
  });

  it('has percentages that add up to 100 within rounding', () => {
    fc.assert(
      fc.property(countsArb, counts => {
        const s = summarize(counts);
        const total = s.promoterPercent + s.passivePercent + s.detractorPercent;
        expect(Math.abs(total - 100)).toBeLessThanOrEqual(0.2);
      }),
    );
  });

  // Half away from zero is symmetric: the mirror image of +1 (1 promoter in 200)
  // is −1, so swapping promoters and detractors negates the NPS exactly.
  it('negates the NPS when promoters and detractors swap', () => {
    fc.assert(
      fc.property(countsArb, counts => {
        const s = summarize(counts);
        const swapped = summarize({
          promoters: counts.detractors,
          passives: counts.passives,
          detractors: counts.promoters,
        });
        expect(swapped.nps).toBe(-s.nps || 0);
        expect(swapped.standardError).toBe(s.standardError);
        expect(Math.abs(swapped.interval.low + s.interval.high)).toBeLessThan(
          0.1 + 1e-9,
        );
        expect(Math.abs(swapped.interval.high + s.interval.low)).toBeLessThan(
          0.1 + 1e-9,
        );
      }),
    );
  });
});

describe('bandCounts', () => {
  it('bands answers per score at 6|7 and 8|9', () => {
    expect(bandCounts([1, 0, 0, 0, 0, 0, 2, 3, 4, 5, 6])).toEqual({
      detractors: 3,
      passives: 7,
      promoters: 11,
    });
  });
});

type Counts = [promoters: number, passives: number, detractors: number];

describe('compareNps', () => {
  it.each<[Counts, Counts, number, [number, number], NpsChange['direction']]>([
    // 10 → 60: margin 1.96 * sqrt(8.3066^2 + 6.6332^2) = 20.8351
    [[40, 30, 30], [70, 20, 10], 50, [29.2, 70.8], 'up'],
    [[70, 20, 10], [40, 30, 30], -50, [-70.8, -29.2], 'down'],
    // 10 → 30 is within the noise of 100 answers: margin 22.3474
    [[40, 30, 30], [50, 30, 20], 20, [-2.3, 42.3], 'none'],
    // 25 → 44 on 20 and 25 answers: margin 46.8071
    [[10, 5, 5], [15, 6, 4], 19, [-27.8, 65.8], 'none'],
    [[0, 0, 3], [3, 0, 0], 200, [200, 200], 'up'],
    [[3, 0, 0], [3, 0, 0], 0, [0, 0], 'none'],
    // -40 → +37.5 (shown -40 → +38, 78 apart): the exact change 77.5 is within
    // its margin 1.96 * sqrt(35.7771^2 + 17.1163^2) = 77.7349, so no change
    [[1, 1, 3], [3, 5, 0], 77.5, [-0.2, 155.2], 'none'],
    [[3, 5, 0], [1, 1, 3], -77.5, [-155.2, 0.2], 'none'],
    // -37.5 → +66.7: exact change 104.1667 > margin 1.96 * sqrt(24.6063^2 + 13.6083^2) = 55.1124
    [[1, 3, 4], [8, 4, 0], 104.2, [49.1, 159.3], 'up'],
  ])(
    '%p → %p is a change of %p, interval %p, direction %p',
    (before, after, difference, [low, high], direction) => {
      const change = compareNps(summary(...before), summary(...after));
      expect(change).toEqual({
        difference,
        interval: { low, high },
        significant: direction !== 'none',
        direction,
      });
    },
  );

  it('uses the SEs of the counts, not the rounded ones in the summaries', () => {
    const previous = summary(40, 30, 30);
    const current = summary(50, 30, 20);
    const tampered = { ...current, standardError: 0 };
    expect(compareNps(previous, tampered)).toEqual(
      compareNps(previous, current),
    );
  });

  it('rejects a hand-made summary without answers', () => {
    const empty: NpsSummary = {
      ...summary(1, 0, 0),
      n: 0,
      promoters: 0,
    };
    expect(() => compareNps(empty, summary(1, 0, 0))).toThrow(RangeError);
  });

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(countsArb, countsArb, (a, b) => {
        const forward = compareNps(summarize(a), summarize(b));
        const backward = compareNps(summarize(b), summarize(a));
        expect(forward.difference + backward.difference).toBe(0);
        expect(Object.is(forward.difference, -0)).toBe(false);
        expect(forward.significant).toBe(backward.significant);
        const mirrored = { up: 'down', down: 'up', none: 'none' };
        expect(backward.direction).toBe(mirrored[forward.direction]);
        expect(
          Math.abs(forward.interval.low + backward.interval.high),
        ).toBeLessThan(0.1 + 1e-9);
      }),
    );
  });

  it('calls a change significant exactly when the exact difference exceeds 1.96 SE', () => {
    fc.assert(
      fc.property(countsArb, countsArb, (a, b) => {
        const change = compareNps(summarize(a), summarize(b));
        // Computed here from the counts, independently of the implementation.
        const se = (c: BandCounts) => {
          const n = c.promoters + c.passives + c.detractors;
          const p = c.promoters / n;
          const d = c.detractors / n;
          return 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
        };
        const exact = exactNps(b) - exactNps(a);
        const margin = 1.96 * Math.sqrt(se(a) ** 2 + se(b) ** 2);
        let expected = 'none';
        if (exact > margin) {
          expected = 'up';
        } else if (exact < -margin) {
          expected = 'down';
        }
        expect(change.direction).toBe(expected);
        expect(change.significant).toBe(expected !== 'none');
        expect(Math.abs(change.difference - exact)).toBeLessThanOrEqual(
          0.05 + 1e-9,
        );
        expect(change.interval.low).toBeLessThanOrEqual(change.difference);
        expect(change.interval.high).toBeGreaterThanOrEqual(change.difference);
      }),
    );
  });

  it.each([
    [12.5, 13],
    [-12.5, -13],
    [37.5, 38],
    [-37.5, -38],
    [0.5, 1],
    [-0.5, -1],
    [0.49, 0],
    [-0.49, 0],
    [2.4999, 2],
    [-2.5001, -3],
  ])('rounds %p half away from zero to %p', (value, rounded) => {
    expect(roundHalfAwayFromZero(value)).toBe(rounded);
  });

  it.each([
    [0.05, 0.1],
    [-0.05, -0.1],
    [77.25, 77.3],
    [-77.25, -77.3],
    [1.04, 1],
  ])('rounds %p to one decimal as %p', (value, rounded) => {
    expect(roundHalfAwayFromZero(value, 1)).toBe(rounded);
  });

  it('finds no significant change between a period and itself', () => {
    fc.assert(
      fc.property(countsArb, counts => {
        const change = compareNps(summarize(counts), summarize(counts));
        expect(change.difference).toBe(0);
        expect(change.significant).toBe(false);
      }),
    );
  });
});

describe('participationRate', () => {
  it('is respondents over eligible developers, never above 1, none without anyone eligible', () => {
    expect(participationRate(12, 40)).toBe(0.3);
    expect(participationRate(0, 40)).toBe(0);
    expect(participationRate(41, 40)).toBe(1);
    expect(participationRate(3, 0)).toBeNull();
  });
});

describe('npsGoal', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const baselineDate = new Date('2025-01-01T00:00:00Z');
  const daysLater = (days: number) =>
    new Date(baselineDate.getTime() + days * DAY);

  it.each([
    // baselineNps, days after baseline, pointsPerYear, goal
    [20, 0, undefined, 20],
    [20, -30, undefined, 20],
    [20, 365.25, undefined, 30],
    [20, 182.625, undefined, 25],
    // 20 + 10 * 100 / 365.25 = 22.7379
    [20, 100, undefined, 22.7],
    [20, 730.5, 4, 28],
    [-10, 3 * 365.25, undefined, 20],
    // a 365-day year would give -19.9 here
    [-100, 8 * 365.25, undefined, -20],
    [95, 365.25, undefined, 100],
    [100, -1, undefined, 100],
    [-42, 365.25, 0, -42],
  ])(
    'from %p, %p days later at %p points per year, is %p',
    (baselineNps, days, pointsPerYear, goal) => {
      expect(
        npsGoal({
          baselineNps,
          baselineDate,
          at: daysLater(days),
          pointsPerYear,
        }),
      ).toBe(goal);
    },
  );

  it.each([
    { baselineNps: 101 },
    { baselineNps: NaN },
    { pointsPerYear: -1 },
    { pointsPerYear: Infinity },
    { at: new Date('not a date') },
  ])('rejects %p', override => {
    expect(() =>
      npsGoal({ baselineNps: 0, baselineDate, at: daysLater(1), ...override }),
    ).toThrow(RangeError);
  });

  it('rises with time and never passes 100', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 100 }),
        fc.integer({ min: -3650, max: 36500 }),
        fc.integer({ min: 0, max: 36500 }),
        fc.integer({ min: 0, max: 50 }),
        (baselineNps, days, moreDays, pointsPerYear) => {
          const earlier = npsGoal({
            baselineNps,
            baselineDate,
            at: daysLater(days),
            pointsPerYear,
          });
          const later = npsGoal({
            baselineNps,
            baselineDate,
            at: daysLater(days + moreDays),
            pointsPerYear,
          });
          expect(earlier).toBeGreaterThanOrEqual(baselineNps);
          expect(later).toBeGreaterThanOrEqual(earlier);
          expect(later).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});
