import {
  Classification,
  classifyChangeFailureRate,
  classifyDeploymentFrequency,
  classifyLeadTime,
  classifyRecoveryTime,
} from './bands';
import { DAY_MS, MIN_DEPLOYMENTS, MetricId } from './model';

/**
 * What the database counts for one window (and one scope: a service, a
 * team's services, or the organisation). Every figure is computed in SQL;
 * this is the shape the store returns, per window, per week or per service.
 */
export interface WindowAggregate {
  /** Production deployments: reached production (success or rolled back). */
  deployments: number;
  /** Production deployments that were rolled back or caused an incident, each once. */
  changeFailures: number;
  /** Production deployments marked `rework` (unplanned, to fix a user-facing bug). */
  rework: number;
  /** Production deployments that failed before reaching production. */
  pipelineFailures: number;
  /** Median over first-shipped commits of deploy finish − commit time, in ms. */
  leadTimeMs: number | null;
  /** How many commits that median is over. */
  leadTimeCommits: number;
  /** Median over recovered change failures of restore − failure, in ms. */
  recoveryMs: number | null;
  /** How many change failures that median is over. */
  recovered: number;
}

/** An aggregate with nothing in it. */
export const EMPTY_AGGREGATE: WindowAggregate = {
  deployments: 0,
  changeFailures: 0,
  rework: 0,
  pipelineFailures: 0,
  leadTimeMs: null,
  leadTimeCommits: 0,
  recoveryMs: null,
  recovered: 0,
};

/** Whether a metric could be judged, and if not, why, in words. */
export type MetricStatus = 'ok' | 'too-little-data';

/** One metric over a window: its value, its band (never for too little data) and why not. */
export interface MetricValue {
  metric: MetricId;
  /** Per day for frequency, milliseconds for times, 0–1 for rates; null when undefined. */
  value: number | null;
  /** Deployments per week, for deployment frequency. */
  perWeek?: number;
  status: MetricStatus;
  /** The band, with the band version it was classified under; null for rework rate and too little data. */
  classification: Classification | null;
  /** The reason in words when the status is not ok. */
  note: string | null;
  /** How many things the value is over (deployments, commits, failures). */
  sample: number;
}

/** The five metrics of a window. */
export type DoraMetrics = Record<MetricId, MetricValue>;

/**
 * The median of a list: the middle value, or the mean of the two middle
 * values. The store's SQL computes the same (rows numbered by value, the
 * rows at (n + 1) / 2 and (n + 2) / 2 in whole-number division, averaged).
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const a = sorted[Math.floor((n + 1) / 2) - 1];
  const b = sorted[Math.floor((n + 2) / 2) - 1];
  return (a + b) / 2;
}

function tooFew(deployments: number, days: number): string {
  return `Too little data: ${deployments} production deployment${
    deployments === 1 ? '' : 's'
  } in ${days} days (at least ${MIN_DEPLOYMENTS} are needed).`;
}

/**
 * The five DORA metrics of a window from what the database counted. A metric
 * over fewer than {@link MIN_DEPLOYMENTS} production deployments, or a
 * recovery time with no failure to recover from, is "too little data": said
 * in words and never banded.
 */
export function doraMetrics(a: WindowAggregate, days: number): DoraMetrics {
  const enough = a.deployments >= MIN_DEPLOYMENTS;
  const little = enough ? null : tooFew(a.deployments, days);
  const perDay = a.deployments / days;

  const frequency: MetricValue = {
    metric: 'deploymentFrequency',
    value: perDay,
    perWeek: perDay * 7,
    status: enough ? 'ok' : 'too-little-data',
    classification: enough
      ? classifyDeploymentFrequency(a.deployments, days)
      : null,
    note: little,
    sample: a.deployments,
  };

  let leadNote = little;
  if (enough && a.leadTimeMs === null) {
    leadNote =
      'Too little data: no commit in this window has a lead time (a service’s first recorded deployment is left out).';
  }
  const lead: MetricValue = {
    metric: 'leadTime',
    value: a.leadTimeMs,
    status: leadNote ? 'too-little-data' : 'ok',
    classification:
      leadNote || a.leadTimeMs === null ? null : classifyLeadTime(a.leadTimeMs),
    note: leadNote,
    sample: a.leadTimeCommits,
  };

  const cfr: MetricValue = {
    metric: 'changeFailureRate',
    value: a.deployments > 0 ? a.changeFailures / a.deployments : null,
    status: enough ? 'ok' : 'too-little-data',
    classification: enough
      ? classifyChangeFailureRate(a.changeFailures, a.deployments)
      : null,
    note: little,
    sample: a.deployments,
  };

  let recoveryNote: string | null = null;
  if (a.changeFailures === 0) {
    recoveryNote = 'No failures to recover from in this window.';
  } else if (a.recoveryMs === null) {
    recoveryNote = `Too little data: none of the ${
      a.changeFailures
    } change failure${a.changeFailures === 1 ? '' : 's'} has recovered yet.`;
  }
  const recovery: MetricValue = {
    metric: 'recoveryTime',
    value: a.recoveryMs,
    status: recoveryNote ? 'too-little-data' : 'ok',
    classification:
      recoveryNote || a.recoveryMs === null
        ? null
        : classifyRecoveryTime(a.recoveryMs),
    note: recoveryNote,
    sample: a.recovered,
  };

  const rework: MetricValue = {
    metric: 'reworkRate',
    value: a.deployments > 0 ? a.rework / a.deployments : null,
    status: enough ? 'ok' : 'too-little-data',
    // DORA published no band for rework rate: value and trend only.
    classification: null,
    note: little,
    sample: a.deployments,
  };

  return {
    deploymentFrequency: frequency,
    leadTime: lead,
    changeFailureRate: cfr,
    recoveryTime: recovery,
    reworkRate: rework,
  };
}

/** The value of one metric in a week of the series (null where undefined). */
export function seriesValue(
  metric: MetricId,
  a: WindowAggregate,
  days: number,
): number | null {
  switch (metric) {
    case 'deploymentFrequency':
      return (a.deployments / days) * 7;
    case 'leadTime':
      return a.leadTimeMs;
    case 'changeFailureRate':
      return a.deployments > 0 ? a.changeFailures / a.deployments : null;
    case 'recoveryTime':
      return a.recoveryMs;
    case 'reworkRate':
      return a.deployments > 0 ? a.rework / a.deployments : null;
    default:
      return null;
  }
}

/** Whole days of a window, from its bounds in milliseconds. */
export function windowDays(from: number, to: number): number {
  return (to - from) / DAY_MS;
}
