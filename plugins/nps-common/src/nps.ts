/** Where a single 0–10 answer lands in the NPS calculation. */
export type ScoreBand = 'promoter' | 'passive' | 'detractor';

/** The lowest score of a promoter (9–10). */
export const PROMOTER_MIN_SCORE = 9;
/** The lowest score of a passive (7–8); below it, a detractor (0–6). */
export const PASSIVE_MIN_SCORE = 7;

/** Bands one answer; throws RangeError unless score is an integer 0..10, so a stray 7.5 or NaN never counts as a detractor. */
export function scoreBand(score: number): ScoreBand {
  if (!Number.isInteger(score) || score < 0 || score > 10) {
    throw new RangeError(
      `An NPS score must be an integer from 0 to 10, got ${score}`,
    );
  }
  if (score >= PROMOTER_MIN_SCORE) {
    return 'promoter';
  }
  if (score >= PASSIVE_MIN_SCORE) {
    return 'passive';
  }
  return 'detractor';
}

/** Band counts from answers per score (index = score 0..10). */
export function bandCounts(perScore: readonly number[]): BandCounts {
  const counts: BandCounts = { promoters: 0, passives: 0, detractors: 0 };
  perScore.forEach((n, score) => {
    const band = scoreBand(score);
    if (band === 'promoter') counts.promoters += n;
    else if (band === 'passive') counts.passives += n;
    else counts.detractors += n;
  });
  return counts;
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
  /** The exact (unrounded) NPS difference, current − previous, shown to one decimal. */
  difference: number;
  /** 95% interval of the difference, one decimal. */
  interval: NpsInterval;
  /** True only when the exact difference exceeds 1.96·√(se₁² + se₂²) in size. */
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

/**
 * Rounds half away from zero, the same on both signs: 12.5 → 13, −12.5 → −13
 * (Math.round would give −12). Never returns −0.
 */
export function roundHalfAwayFromZero(value: number, decimals = 0): number {
  const factor = 10 ** decimals;
  // The epsilon absorbs binary noise such as 1.005 * 100 = 100.49999999999999.
  const scaled = Math.abs(value) * factor;
  const rounded = Math.floor(scaled + 0.5 + 1e-9 * Math.max(1, scaled));
  return withoutNegativeZero((Math.sign(value) * rounded) / factor);
}

function roundToOneDecimal(value: number): number {
  return roundHalfAwayFromZero(value, 1);
}

/**
 * The NPS of band counts as shown: an integer, rounded half away from zero on the
 * exact fraction (integer arithmetic, so 37.5 is never 37.4999…).
 */
export function roundedNps(promoters: number, detractors: number, n: number) {
  const margin = promoters - detractors;
  const magnitude = Math.floor((200 * Math.abs(margin) + n) / (2 * n));
  return withoutNegativeZero(Math.sign(margin) * magnitude);
}

/** The exact NPS of band counts, unrounded: every comparison uses it. */
export function exactNps(counts: BandCounts): number {
  const n = answerCount(counts);
  if (n === 0) throw new RangeError('An NPS needs at least one answer');
  return (100 * (counts.promoters - counts.detractors)) / n;
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
  const exact = (100 * (promoters - detractors)) / n;
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
    nps: roundedNps(promoters, detractors, n),
    standardError: roundToOneDecimal(standardError),
    interval: {
      low: roundToOneDecimal(clampToNpsRange(exact - margin)),
      high: roundToOneDecimal(clampToNpsRange(exact + margin)),
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

/**
 * Compares two periods on their exact NPS: a move only counts as up or down when the
 * exact difference exceeds 1.96·√(se₁² + se₂²), so small samples raise no false alarms
 * and rounding never decides significance.
 */
export function compareNps(
  previous: NpsSummary,
  current: NpsSummary,
): NpsChange {
  const exactDifference = exactNps(current) - exactNps(previous);
  const margin =
    Z_95 * Math.hypot(standardErrorOf(previous), standardErrorOf(current));
  let direction: NpsChange['direction'] = 'none';
  if (exactDifference > margin) {
    direction = 'up';
  } else if (exactDifference < -margin) {
    direction = 'down';
  }
  return {
    difference: roundToOneDecimal(exactDifference),
    interval: {
      low: roundToOneDecimal(exactDifference - margin),
      high: roundToOneDecimal(exactDifference + margin),
    },
    significant: direction !== 'none',
    direction,
  };
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

/**
 * Participation rate = respondents ÷ eligible developers (catalog users in the
 * campaign's audience), 0..1; null when nobody is eligible. Capped at 1: people
 * who left the audience after answering still count as respondents.
 */
export function participationRate(
  respondents: number,
  eligible: number,
): number | null {
  return eligible > 0 ? Math.min(1, respondents / eligible) : null;
}
