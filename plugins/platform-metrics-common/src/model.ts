/** One minute, in milliseconds. */
export const MINUTE_MS = 60 * 1000;
/** One hour, in milliseconds. */
export const HOUR_MS = 60 * MINUTE_MS;
/** One day, in milliseconds. */
export const DAY_MS = 24 * HOUR_MS;
/** One week, in milliseconds. */
export const WEEK_MS = 7 * DAY_MS;
/** A month as the DORA bands mean it: 30 days. */
export const MONTH_DAYS = 30;

/** The environment DORA counts. */
export const PRODUCTION = 'production';

/** How a deployment ended, as CI/CD tools report it. */
export const DEPLOYMENT_STATUSES = [
  'success',
  'failed',
  'rolled_back',
] as const;
/** A deployment's outcome. */
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

/**
 * Statuses of a deployment that reached production: `failed` never changed
 * production (a pipeline failure, not a DORA event).
 */
export const REACHED_PRODUCTION: readonly DeploymentStatus[] = [
  'success',
  'rolled_back',
];

/** Whether a deployment counts for DORA: production, and it reached it. */
export function isProductionDeployment(d: {
  environment: string;
  status: DeploymentStatus;
}): boolean {
  return d.environment === PRODUCTION && REACHED_PRODUCTION.includes(d.status);
}

/** At most this many events in one delivery. */
export const MAX_BATCH = 5000;
/** At most this many commits in one deployment. */
export const MAX_COMMITS = 1000;

/** The DORA window unless the caller picks another, in days. */
export const DEFAULT_WINDOW_DAYS = 90;
/** The windows the Delivery page offers, in days. */
export const WINDOW_CHOICES = [30, 90, 180, 365] as const;
/** The longest window a query may ask for, in days. */
export const MAX_WINDOW_DAYS = 730;
/** Below this many production deployments a metric is "too little data". */
export const MIN_DEPLOYMENTS = 5;

/** Release impact: days before and after a release, unless asked otherwise. */
export const DEFAULT_IMPACT_DAYS = 30;
/** Release impact: fewer services than this in a group is "too little data". */
export const MIN_IMPACT_SERVICES = 2;

/** The five DORA metrics, in the order the page shows them. */
export const METRICS = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recoveryTime',
  'reworkRate',
] as const;
/** One of the five metrics. */
export type MetricId = (typeof METRICS)[number];

/** How people name each metric. */
export const METRIC_LABELS: Record<MetricId, string> = {
  deploymentFrequency: 'Deployment frequency',
  leadTime: 'Change lead time',
  changeFailureRate: 'Change failure rate',
  recoveryTime: 'Failed deployment recovery time',
  reworkRate: 'Deployment rework rate',
};

/** Whether a lower value of the metric is better. */
export const LOWER_IS_BETTER: Record<MetricId, boolean> = {
  deploymentFrequency: false,
  leadTime: true,
  changeFailureRate: true,
  recoveryTime: true,
  reworkRate: true,
};

export { JOINED_AT_ANNOTATION } from '@paved/common';

/**
 * Weeks start on Monday 00:00 UTC. 1970-01-05 was the first Monday after the
 * epoch: a moment's week is `floor((t - WEEK_EPOCH_MS) / WEEK_MS)`.
 */
export const WEEK_EPOCH_MS = 4 * DAY_MS;

/** The Monday (UTC) starting the week of `t`, in epoch milliseconds. */
export function weekStart(t: number): number {
  return WEEK_EPOCH_MS + Math.floor((t - WEEK_EPOCH_MS) / WEEK_MS) * WEEK_MS;
}

/** "YYYY-MM" (UTC) of a moment: a joining cohort. */
export function monthKey(t: number): string {
  return new Date(t).toISOString().slice(0, 7);
}
