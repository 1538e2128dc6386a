/**
 * Golden-path adoption rate for a period = new components first registered in
 * the catalog in that period whose `backstage.io/source-template` names an
 * approved golden path ÷ all new components first registered in that period,
 * including those created outside the Scaffolder (PRODUCT.md).
 */

/** The adoption goal: 80% of new services on a golden path. */
export const ADOPTION_GOAL = 0.8;

/** Counts behind a rate, as the SQL aggregates return them. */
export type AdoptionCounts = {
  /** New components in the period. */
  newComponents: number;
  /** Of those, created from an approved golden path. */
  fromGoldenPaths: number;
};

/** A rate with its 95% interval; null when there were no new components. */
export type AdoptionRate = {
  rate: number;
  low: number;
  high: number;
} | null;

const Z95 = 1.959963984540054;

/**
 * The adoption rate with a 95% Wilson score interval: honest for the small
 * counts a team has in a quarter (3 of 4 is not "75%, full stop"), and never
 * outside [0, 1], unlike the normal approximation.
 */
export function adoptionRate(counts: AdoptionCounts): AdoptionRate {
  const n = counts.newComponents;
  const k = counts.fromGoldenPaths;
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0 || k < 0 || k > n) {
    throw new RangeError(
      `Adoption counts must be whole numbers with 0 ≤ golden (${k}) ≤ new (${n})`,
    );
  }
  if (n === 0) {
    return null;
  }
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half =
    (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return {
    rate: p,
    // The interval contains p by construction; clamp away rounding noise.
    low: Math.max(0, Math.min(p, centre - half)),
    high: Math.min(1, Math.max(p, centre + half)),
  };
}

/** Whether a rate meets the goal (at or above 80%). */
export function meetsAdoptionGoal(rate: number, goal = ADOPTION_GOAL): boolean {
  // Floating-point slack only: 4/5 meets 0.8, 0.79999 does not.
  return rate + 1e-12 >= goal;
}

/** A rate as a whole percentage, e.g. 0.6667 → "67%". */
export function formatRate(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** The change between two periods' adoption rates with its 95% interval. */
export type AdoptionChange = {
  /** Later rate − earlier rate, as a fraction (0.2 = 20 points). */
  difference: number;
  low: number;
  high: number;
  /** True only when the 95% interval excludes 0. */
  significant: boolean;
} | null;

/**
 * The difference of two independent adoption rates (`later` − `earlier`) with
 * Newcombe's hybrid score interval (Newcombe 1998, method 10), built from each
 * rate's Wilson interval: it stays inside [−1, 1] and keeps its coverage for the
 * small counts of a quarter or a month, where the Wald interval does not.
 * Null when either period had no new components.
 */
export function adoptionChange(
  later: AdoptionCounts,
  earlier: AdoptionCounts,
): AdoptionChange {
  const a = adoptionRate(later);
  const b = adoptionRate(earlier);
  if (!a || !b) {
    return null;
  }
  const difference = a.rate - b.rate;
  const low = difference - Math.hypot(a.rate - a.low, b.high - b.rate);
  const high = difference + Math.hypot(a.high - a.rate, b.rate - b.low);
  // Clamp away rounding noise: the interval contains the difference and lies in [−1, 1].
  const bounded = {
    low: Math.max(-1, Math.min(difference, low)),
    high: Math.min(1, Math.max(difference, high)),
  };
  return {
    difference,
    ...bounded,
    significant: bounded.low > 0 || bounded.high < 0,
  };
}

/**
 * The same interval for any two independent proportions, `successes` of
 * `trials` later against earlier (a change failure rate, a rework rate):
 * Newcombe's hybrid score interval of their difference. Null when either has
 * no trials.
 */
export function proportionChange(
  later: { successes: number; trials: number },
  earlier: { successes: number; trials: number },
): AdoptionChange {
  return adoptionChange(
    { newComponents: later.trials, fromGoldenPaths: later.successes },
    { newComponents: earlier.trials, fromGoldenPaths: earlier.successes },
  );
}
