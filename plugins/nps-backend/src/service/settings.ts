import { Config } from '@backstage/config';
import {
  DEFAULT_MIN_COMMENT_GROUP_SIZE,
  DEFAULT_REMIND_LATER_DAYS,
  DEFAULT_WARNING_THRESHOLD,
  DEFAULT_WINDOW_DAYS,
  effectiveMinGroupSize,
} from '@paved/plugin-nps-common';

/** Every setting of the NPS plugin, from the `nps` config section. */
export interface NpsSettings {
  remindLaterDays: number;
  /** k: the smallest group shown, and the smallest batch ever published. */
  minGroupSize: number;
  /** The same for comments. */
  minCommentGroupSize: number;
  warningThreshold: number;
  goal: { baselineCampaign?: string; pointsPerYear: number };
  /** The quarterly campaign the scheduler creates. */
  schedule: { enabled: boolean; windowDays: number };
  /** How often the release job publishes waiting answers. */
  release: { frequencySeconds: number };
}

/** Reads and validates the `nps` config section: the one place NPS config is read. */
export function readNpsSettings(config: Config): NpsSettings {
  const nps = config.getOptionalConfig('nps');
  const remindLaterDays =
    nps?.getOptionalNumber('remindLaterDays') ?? DEFAULT_REMIND_LATER_DAYS;
  if (!(remindLaterDays > 0)) {
    throw new Error('nps.remindLaterDays must be a positive number of days');
  }
  const cadence = nps?.getOptionalString('schedule.cadence') ?? 'quarterly';
  if (cadence !== 'quarterly') {
    throw new Error(
      `nps.schedule.cadence must be "quarterly", got "${cadence}"`,
    );
  }
  const windowDays =
    nps?.getOptionalNumber('schedule.windowDays') ?? DEFAULT_WINDOW_DAYS;
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 90) {
    throw new Error('nps.schedule.windowDays must be a whole number, 1 to 90');
  }
  const frequencySeconds =
    nps?.getOptionalNumber('release.frequencySeconds') ?? 60;
  if (!Number.isInteger(frequencySeconds) || frequencySeconds < 1) {
    throw new Error(
      'nps.release.frequencySeconds must be a whole number of seconds, at least 1',
    );
  }
  return {
    remindLaterDays,
    minGroupSize: effectiveMinGroupSize(nps?.getOptionalNumber('minGroupSize')),
    minCommentGroupSize: effectiveMinGroupSize(
      nps?.getOptionalNumber('minCommentGroupSize'),
      DEFAULT_MIN_COMMENT_GROUP_SIZE,
    ),
    warningThreshold:
      nps?.getOptionalNumber('warningThreshold') ?? DEFAULT_WARNING_THRESHOLD,
    goal: {
      baselineCampaign: nps?.getOptionalString('goal.baselineCampaign'),
      pointsPerYear: nps?.getOptionalNumber('goal.pointsPerYear') ?? 10,
    },
    schedule: {
      enabled: nps?.getOptionalBoolean('schedule.enabled') ?? true,
      windowDays,
    },
    release: { frequencySeconds },
  };
}
