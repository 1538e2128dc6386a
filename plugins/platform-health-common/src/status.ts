import type { Direction } from './metrics';

/**
 * Where a metric stands against its target. `too-early`: its 95% interval holds
 * both values that meet the target and values that do not, so nobody can say
 * yet; `no-data`: nothing to judge (no measurement, or it is suppressed).
 */
export type TargetStatus =
  | 'on-track'
  | 'at-risk'
  | 'off-track'
  | 'too-early'
  | 'no-data';

/** How people read each status. */
export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  'too-early': 'Too early to tell',
  'no-data': 'No data',
};

/** A measured value with, where the owning plugin gives one, its 95% interval. */
export interface Measurement {
  value: number;
  /** Lower end of the 95% interval; absent for values without one (medians, bands). */
  low?: number | null;
  high?: number | null;
}

/** A target: the value to meet, which way is better, and how far short is still "at risk". */
export interface Target {
  value: number;
  direction: Direction;
  /** Short of the target by at most this much (in the metric's unit): at risk, not off track. */
  atRiskWithin: number;
}

/**
 * The status of a measurement against a target, respecting its uncertainty.
 * A value meets an "up" target when it is at least the target (at most, for
 * "down"). Over the closed interval [low, high]:
 * - every value meets the target → on track (an interval that touches the
 *   target from the good side is on track: its worst case meets it);
 * - some do and some do not → too early to tell (an interval that touches
 *   it from the bad side holds the target itself, so it may be met);
 * - none does → at risk when the interval's best case is short by at most
 *   `atRiskWithin`, otherwise off track.
 * Without an interval the value alone is judged the same way.
 */
export function targetStatus(
  measurement: Measurement | null | undefined,
  target: Target | null | undefined,
): TargetStatus {
  if (!measurement || !target || !Number.isFinite(measurement.value)) {
    return 'no-data';
  }
  if (!Number.isFinite(target.value)) return 'no-data';
  // Flip "down" metrics so that higher is always better below.
  const s = target.direction === 'up' ? 1 : -1;
  const value = s * measurement.value;
  const ends = [measurement.low, measurement.high]
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    .map(v => s * v);
  const worst = Math.min(value, ...ends);
  const best = Math.max(value, ...ends);
  const goal = s * target.value;
  if (worst >= goal) return 'on-track';
  if (best >= goal) return 'too-early';
  const shortBy = goal - best;
  return shortBy <= Math.max(0, target.atRiskWithin) ? 'at-risk' : 'off-track';
}

/** Worst first: how the page orders and sums up statuses. */
export const TARGET_STATUS_SEVERITY: Record<TargetStatus, number> = {
  'off-track': 0,
  'at-risk': 1,
  'too-early': 2,
  'on-track': 3,
  'no-data': 4,
};
