import { WindowAggregate } from './dora';
import { LOWER_IS_BETTER, MIN_IMPACT_SERVICES, MetricId } from './model';

/** One service's figures in the windows before and after a release. */
export interface ServiceWindows {
  service: string;
  goldenPath: boolean;
  before: WindowAggregate;
  after: WindowAggregate;
}

/** What the interval says about the difference between the two groups' changes. */
export type ImpactVerdict =
  | 'improved'
  | 'worsened'
  | 'no-detectable-change'
  | 'too-little-data';

/** One group's figures: the mean over its services of each service's value. */
export interface GroupChange {
  services: number;
  before: number | null;
  after: number | null;
  /** Mean over the group's services of (after − before). */
  change: number | null;
}

/** The impact of one release on one metric. */
export interface MetricImpact {
  metric: MetricId;
  goldenPath: GroupChange;
  others: GroupChange;
  /** Golden-path change − others' change; null with too little data. */
  difference: number | null;
  /** The 95% bootstrap interval of the difference. */
  interval: [number, number] | null;
  verdict: ImpactVerdict;
  /** The verdict in words. */
  summary: string;
}

/**
 * A service's value of a metric in one window, or null when the window has
 * nothing to compute it from: frequency in deployments per day, times in
 * milliseconds, rates 0–1.
 */
export function serviceValue(
  metric: MetricId,
  a: WindowAggregate,
  days: number,
): number | null {
  switch (metric) {
    case 'deploymentFrequency':
      return a.deployments > 0 ? a.deployments / days : null;
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

/** A small seeded generator (mulberry32), so an interval is the same on every read. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mean = (xs: readonly number[]) =>
  xs.reduce((sum, x) => sum + x, 0) / xs.length;

/** The q-quantile (0–1) of sorted values, by linear interpolation. */
export function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** How many resamples the bootstrap draws. */
export const BOOTSTRAP_RESAMPLES = 2000;

type Pair = { before: number; after: number };

/**
 * The impact of a release on one metric: each group's mean change over its
 * own services (each service compared with itself before and after, never
 * across unlike services; a service counts when it has a value in both
 * windows), the difference golden-path change − others' change, and its 95%
 * interval from a paired bootstrap over services (resampled within each group,
 * seeded, {@link BOOTSTRAP_RESAMPLES} times). When the interval includes zero
 * the verdict is "no detectable change".
 */
export function metricImpact(
  metric: MetricId,
  services: readonly ServiceWindows[],
  days: { before: number; after: number },
  seed: string,
): MetricImpact {
  const pairs = (goldenPath: boolean): Pair[] =>
    services
      .filter(s => s.goldenPath === goldenPath)
      .map(s => ({
        before: serviceValue(metric, s.before, days.before),
        after: serviceValue(metric, s.after, days.after),
      }))
      .filter((p): p is Pair => p.before !== null && p.after !== null);
  const gp = pairs(true);
  const rest = pairs(false);
  const group = (ps: Pair[]): GroupChange =>
    ps.length === 0
      ? { services: 0, before: null, after: null, change: null }
      : {
          services: ps.length,
          before: mean(ps.map(p => p.before)),
          after: mean(ps.map(p => p.after)),
          change: mean(ps.map(p => p.after - p.before)),
        };
  const goldenPath = group(gp);
  const others = group(rest);

  if (gp.length < MIN_IMPACT_SERVICES || rest.length < MIN_IMPACT_SERVICES) {
    return {
      metric,
      goldenPath,
      others,
      difference: null,
      interval: null,
      verdict: 'too-little-data',
      summary: `Too little data: ${gp.length} golden-path and ${
        rest.length
      } other service${
        rest.length === 1 ? '' : 's'
      } have this metric both before and after (at least ${MIN_IMPACT_SERVICES} each are needed).`,
    };
  }

  const gpChanges = gp.map(p => p.after - p.before);
  const restChanges = rest.map(p => p.after - p.before);
  const difference = mean(gpChanges) - mean(restChanges);
  const random = seededRandom(`${seed}:${metric}`);
  const draw = (xs: number[]) => {
    let sum = 0;
    for (let i = 0; i < xs.length; i++) {
      sum += xs[Math.floor(random() * xs.length)];
    }
    return sum / xs.length;
  };
  const resampled: number[] = [];
  for (let b = 0; b < BOOTSTRAP_RESAMPLES; b++) {
    resampled.push(draw(gpChanges) - draw(restChanges));
  }
  resampled.sort((a, b) => a - b);
  const interval: [number, number] = [
    quantile(resampled, 0.025),
    quantile(resampled, 0.975),
  ];

  let verdict: ImpactVerdict = 'no-detectable-change';
  if (interval[0] > 0 || interval[1] < 0) {
    const up = interval[0] > 0;
    verdict = up !== LOWER_IS_BETTER[metric] ? 'improved' : 'worsened';
  }
  const summary =
    verdict === 'no-detectable-change'
      ? 'No detectable change: the 95% interval of the difference includes zero.'
      : `Golden-path services ${
          verdict === 'improved' ? 'improved' : 'worsened'
        } more than the others (the 95% interval excludes zero).`;
  return { metric, goldenPath, others, difference, interval, verdict, summary };
}
