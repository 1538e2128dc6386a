/** Where a single 0–10 answer lands in the NPS calculation. */
export type ScoreBand = 'promoter' | 'passive' | 'detractor';

/** Bands one answer; throws RangeError unless score is an integer 0..10, so a stray 7.5 or NaN never counts as a detractor. */
export function scoreBand(score: number): ScoreBand {
  if (!Number.isInteger(score) || score < 0 || score > 10) {
    throw new RangeError(
      `An NPS score must be an integer from 0 to 10, got ${score}`,
    );
  }
  if (score >= 9) {
    return 'promoter';
  }
  if (score >= 7) {
    return 'passive';
  }
  return 'detractor';
}

/** How many answers fell into each band. */
export interface BandCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** A 95% interval in NPS points. */
export interface NpsInterval {
  low: number;
  high: number;
}

/** Everything a report shows about one set of answers. */
export interface NpsSummary {
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** 0..100, rounded to one decimal. */
  promoterPercent: number;
  /** 0..100, rounded to one decimal. */
  passivePercent: number;
  /** 0..100, rounded to one decimal. */
  detractorPercent: number;
  /** Integer in [-100, 100]. */
  nps: number;
  /** In NPS points, rounded to one decimal. */
  standardError: number;
  /** 95% interval around the unrounded NPS, clamped to [-100, 100]. */
  interval: NpsInterval;
}

/** The change between two periods, with the uncertainty of both taken into account. */
export interface NpsChange {
  /** current.nps - previous.nps. */
  difference: number;
  /** 95% interval of the difference, one decimal. */
  interval: NpsInterval;
  /** True only when the interval excludes 0. */
  significant: boolean;
  /** 'none' unless the change is significant, so noise is never reported as a trend. */
  direction: 'up' | 'down' | 'none';
}

const Z_95 = 1.96;
const MS_PER_YEAR = 365.25 * 24 * 60 * 60 * 1000;

// Math.round(-0.04) is -0, which would render as "-0" in reports.
function withoutNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}

function roundToOneDecimal(value: number): number {
  return withoutNegativeZero(Math.round(value * 10) / 10);
}

function clampToNpsRange(value: number): number {
  return Math.min(100, Math.max(-100, value));
}

function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(
      `${name} must be a non-negative integer count, got ${value}`,
    );
  }
}

function answerCount(counts: BandCounts): number {
  checkCount('promoters', counts.promoters);
  checkCount('passives', counts.passives);
  checkCount('detractors', counts.detractors);
  return counts.promoters + counts.passives + counts.detractors;
}

// Kept unrounded so that comparisons are not built on already-rounded inputs.
function unroundedStandardError(
  promoters: number,
  detractors: number,
  n: number,
): number {
  const promoterShare = promoters / n;
  const detractorShare = detractors / n;
  // The variance is 0 when all answers share a band; guard against floating
  // point landing a hair below it, where sqrt would return NaN.
  const variance = Math.max(
    0,
    promoterShare + detractorShare - (promoterShare - detractorShare) ** 2,
  );
  return 100 * Math.sqrt(variance / n);
}

/** The numbers a report shows; undefined when n = 0 (an NPS of nobody is not 0); throws RangeError for negative or non-integer counts. */
export function summarizeNps(counts: BandCounts): NpsSummary | undefined {
  const n = answerCount(counts);
  if (n === 0) {
    return undefined;
  }
  const { promoters, passives, detractors } = counts;
  const exactNps = (100 * (promoters - detractors)) / n;
  const standardError = unroundedStandardError(promoters, detractors, n);
  const margin = Z_95 * standardError;
  return {
    n,
    promoters,
    passives,
    detractors,
    promoterPercent: roundToOneDecimal((100 * promoters) / n),
    passivePercent: roundToOneDecimal((100 * passives) / n),
    detractorPercent: roundToOneDecimal((100 * detractors) / n),
    nps: withoutNegativeZero(Math.round(exactNps)),
    standardError: roundToOneDecimal(standardError),
    interval: {
      low: roundToOneDecimal(clampToNpsRange(exactNps - margin)),
      high: roundToOneDecimal(clampToNpsRange(exactNps + margin)),
    },
  };
}

function standardErrorOf(summary: NpsSummary): number {
  const n = answerCount(summary);
  if (n === 0) {
    throw new RangeError('Cannot compare an NPS summary without answers');
  }
  return unroundedStandardError(summary.promoters, summary.detractors, n);
}

/** Compares two periods; a move only counts as up or down when its 95% interval excludes 0, so small samples raise no false alarms. */
export function compareNps(
  previous: NpsSummary,
  current: NpsSummary,
): NpsChange {
  const difference = withoutNegativeZero(current.nps - previous.nps);
  const margin =
    Z_95 * Math.hypot(standardErrorOf(previous), standardErrorOf(current));
  const interval = {
    low: roundToOneDecimal(difference - margin),
    high: roundToOneDecimal(difference + margin),
  };
  // Decided on the interval as displayed so the verdict never contradicts it.
  let direction: NpsChange['direction'] = 'none';
  if (interval.low > 0) {
    direction = 'up';
  } else if (interval.high < 0) {
    direction = 'down';
  }
  return { difference, interval, significant: direction !== 'none', direction };
}

/** The goal line: baseline + pointsPerYear (default 10) per elapsed year (365.25 days) since the baseline date, capped at 100; before the baseline date it is the baseline. */
export function npsGoal(options: {
  baselineNps: number;
  baselineDate: Date;
  at: Date;
  pointsPerYear?: number;
}): number {
  const { baselineNps, baselineDate, at, pointsPerYear = 10 } = options;
  if (!Number.isFinite(baselineNps) || Math.abs(baselineNps) > 100) {
    throw new RangeError(
      `baselineNps must be between -100 and 100, got ${baselineNps}`,
    );
  }
  if (!Number.isFinite(pointsPerYear) || pointsPerYear < 0) {
    throw new RangeError(
      `pointsPerYear must be a non-negative number, got ${pointsPerYear}`,
    );
  }
  const elapsedMs = at.getTime() - baselineDate.getTime();
  if (Number.isNaN(elapsedMs)) {
    throw new RangeError('baselineDate and at must be valid dates');
  }
  const elapsedYears = Math.max(0, elapsedMs / MS_PER_YEAR);
  return roundToOneDecimal(
    Math.min(100, baselineNps + pointsPerYear * elapsedYears),
  );
}
