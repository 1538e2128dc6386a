import type { Direction } from './metrics';
import { Measurement, TargetStatus, targetStatus } from './status';

/** What a key result's progress is computed from. */
export interface KeyResultPlan {
  start: number;
  target: number;
  /** Which way the bound metric gets better; a manual key result follows target vs start. */
  direction?: Direction;
  /** When the key result starts counting (the quarter's first day), ISO 8601. */
  startsAt: string;
  /** The day it is due, YYYY-MM-DD (the end of that day, UTC, counts). */
  due: string;
}

/** A key result's progress now. */
export interface KeyResultProgress {
  /** (current − start) ÷ (target − start), clamped to [0, 1]; null without a value. */
  fraction: number | null;
  /** The same over the value's 95% interval, when it has one. */
  fractionLow: number | null;
  fractionHigh: number | null;
  /** How far along the time from start to due date is, 0–1. */
  elapsed: number;
  /** The value the key result should have reached by now on a straight line from start to target. */
  pace: number;
  status: TargetStatus;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The moment a due date (YYYY-MM-DD) ends: the next day at 00:00 UTC. */
export function dueMoment(due: string): Date {
  return new Date(Date.parse(`${due}T00:00:00Z`) + DAY_MS);
}

/** Which way a key result gets better: its metric's way, or from start to target. */
export function keyResultDirection(plan: KeyResultPlan): Direction {
  if (plan.direction) return plan.direction;
  return plan.target < plan.start ? 'down' : 'up';
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Share of the way from start to target that `value` has come, clamped to [0, 1]. */
export function progressFraction(
  plan: Pick<KeyResultPlan, 'start' | 'target' | 'direction'>,
  value: number,
): number {
  const { start, target } = plan;
  if (target === start) {
    const up = (plan.direction ?? 'up') === 'up';
    return (up ? value >= target : value <= target) ? 1 : 0;
  }
  return clamp01((value - start) / (target - start));
}

/**
 * A key result's progress and status at `now`: on track when the value meets
 * the target, or is on pace (a straight line from start at the quarter's start
 * to target at the due date); too early to tell when its interval spans the
 * pace; at risk within a tenth of the way (or `atRiskWithin`), off track
 * beyond. After the due date the target itself is the bar.
 */
export function keyResultProgress(
  plan: KeyResultPlan,
  current: Measurement | null,
  now: Date,
  atRiskWithin?: number,
): KeyResultProgress {
  const direction = keyResultDirection(plan);
  const begin = Date.parse(plan.startsAt);
  const end = dueMoment(plan.due).getTime();
  const elapsed =
    end > begin ? clamp01((now.getTime() - begin) / (end - begin)) : 1;
  const pace = plan.start + (plan.target - plan.start) * elapsed;
  const margin = atRiskWithin ?? Math.abs(plan.target - plan.start) / 10;
  if (!current || !Number.isFinite(current.value)) {
    return {
      fraction: null,
      fractionLow: null,
      fractionHigh: null,
      elapsed,
      pace,
      status: 'no-data',
    };
  }
  const fractionOf = (v: number | null | undefined) =>
    typeof v === 'number' && Number.isFinite(v)
      ? progressFraction({ ...plan, direction }, v)
      : null;
  const final = targetStatus(current, {
    value: plan.target,
    direction,
    atRiskWithin: margin,
  });
  const status =
    final === 'on-track'
      ? final
      : targetStatus(current, { value: pace, direction, atRiskWithin: margin });
  const low = fractionOf(current.low);
  const high = fractionOf(current.high);
  return {
    fraction: fractionOf(current.value),
    fractionLow: low === null || high === null ? null : Math.min(low, high),
    fractionHigh: low === null || high === null ? null : Math.max(low, high),
    elapsed,
    pace,
    status,
  };
}
