import { DAY_MS, HOUR_MS, MONTH_DAYS, MetricId } from './model';

/**
 * The version of the band table every classification is made with. The 2025
 * DORA report replaced the tiers with team profiles; Paved keeps the 2023
 * bands and stores this version with each classification, so a later table
 * never silently relabels history.
 */
export const BAND_VERSION = 'dora-2023';

/** The DORA 2023 performance bands, best first. */
export const BANDS = ['elite', 'high', 'medium', 'low'] as const;
/** One DORA band. */
export type Band = (typeof BANDS)[number];

/** A band, with the version of the table it came from. */
export interface Classification {
  band: Band;
  bandVersion: typeof BAND_VERSION;
}

/** How people read the bands. */
export const BAND_LABELS: Record<Band, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/**
 * The 2023 table in words, per metric (rework rate has no published band).
 * A value exactly on a shared boundary belongs to the better band; "less
 * than" in the table is strict.
 */
export const BAND_TABLE: Record<
  Exclude<MetricId, 'reworkRate'>,
  Record<Band, string>
> = {
  deploymentFrequency: {
    elite: 'on demand: more than once a day',
    high: 'between once a week and once a day',
    medium: 'between once a month and once a week',
    low: 'less than once a month',
  },
  leadTime: {
    elite: 'less than one day',
    high: 'one day to one week',
    medium: 'more than a week, up to one month',
    low: 'more than one month',
  },
  changeFailureRate: {
    elite: '0–5%',
    high: 'more than 5%, up to 10%',
    medium: 'more than 10%, up to 15%',
    low: 'more than 15%',
  },
  recoveryTime: {
    elite: 'less than one hour',
    high: 'one hour to less than one day',
    medium: 'one day to one week',
    low: 'more than one week',
  },
};

const classified = (band: Band): Classification => ({
  band,
  bandVersion: BAND_VERSION,
});

function assertCount(value: number, name: string) {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
}

/**
 * Deployment frequency from `deployments` production deployments over `days`
 * days. Compared as whole numbers (deployments × 7 against days, …) so that
 * exactly once a week is exactly on the boundary, never a rounding away.
 */
export function classifyDeploymentFrequency(
  deployments: number,
  days: number,
): Classification {
  assertCount(deployments, 'deployments');
  if (!(days > 0)) throw new RangeError(`days must be > 0, got ${days}`);
  if (deployments > days) return classified('elite');
  if (deployments * 7 >= days) return classified('high');
  if (deployments * MONTH_DAYS >= days) return classified('medium');
  return classified('low');
}

/** Change lead time (a median, in milliseconds). */
export function classifyLeadTime(ms: number): Classification {
  if (ms < DAY_MS) return classified('elite');
  if (ms <= 7 * DAY_MS) return classified('high');
  if (ms <= MONTH_DAYS * DAY_MS) return classified('medium');
  return classified('low');
}

/** Change failure rate from whole counts: exactly 5% is elite, exactly 15% medium. */
export function classifyChangeFailureRate(
  failures: number,
  deployments: number,
): Classification {
  assertCount(failures, 'failures');
  assertCount(deployments, 'deployments');
  if (deployments === 0 || failures > deployments) {
    throw new RangeError(
      `need 0 ≤ failures ≤ deployments and deployments > 0, got ${failures}/${deployments}`,
    );
  }
  if (failures * 20 <= deployments) return classified('elite');
  if (failures * 10 <= deployments) return classified('high');
  if (failures * 100 <= deployments * 15) return classified('medium');
  return classified('low');
}

/** Failed deployment recovery time (a median, in milliseconds). */
export function classifyRecoveryTime(ms: number): Classification {
  if (ms < HOUR_MS) return classified('elite');
  if (ms < DAY_MS) return classified('high');
  if (ms <= 7 * DAY_MS) return classified('medium');
  return classified('low');
}
