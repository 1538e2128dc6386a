import { quarterBounds } from '@paved/common';
import {
  HEALTH_METRICS,
  KeyResult,
  KeyResultProgress,
  Measurement,
  keyResultProgress,
} from '@paved/plugin-platform-health-common';
import type { MetricReading } from './readings';

/** A key result with its live value and progress. */
export interface KeyResultView {
  keyResult: KeyResult;
  /** The live metric's value, or the latest check-in for a manual key result. */
  current: Measurement | null;
  progress: KeyResultProgress;
}

/** Each key result's current value and progress: from the live metric, or its latest check-in. */
export function keyResultViews(
  quarter: string,
  keyResults: KeyResult[],
  readings: Map<string, MetricReading>,
  now: Date,
): KeyResultView[] {
  const startsAt = quarterBounds(quarter).start.toISOString();
  return keyResults.map(keyResult => {
    let current: Measurement | null = null;
    if (keyResult.metric === 'manual') {
      const latest = keyResult.checkIns[0];
      current = latest ? { value: latest.value } : null;
    } else {
      const reading = readings.get(keyResult.metric);
      current =
        reading && reading.value !== null
          ? { value: reading.value, low: reading.low, high: reading.high }
          : null;
    }
    const direction =
      keyResult.metric === 'manual'
        ? undefined
        : HEALTH_METRICS[keyResult.metric].direction;
    return {
      keyResult,
      current,
      progress: keyResultProgress(
        {
          start: keyResult.start,
          target: keyResult.target,
          direction,
          startsAt,
          due: keyResult.due,
        },
        current,
        now,
      ),
    };
  });
}

/** A key result's value in its unit. */
export function formatKeyResultValue(kr: KeyResult, value: number): string {
  if (kr.metric === 'manual') {
    const rounded = Math.round(value * 10) / 10;
    return kr.unit ? `${rounded} ${kr.unit}` : String(rounded);
  }
  const unit = HEALTH_METRICS[kr.metric].unit;
  const rounded = Math.round(value * 10) / 10;
  switch (unit) {
    case 'points':
      return `${rounded > 0 ? '+' : ''}${rounded}`;
    case 'percent':
      return `${rounded}%`;
    case 'days':
      return `${rounded} days`;
    case 'hours':
      return `${rounded} h`;
    default:
      return `${rounded}/week`;
  }
}
