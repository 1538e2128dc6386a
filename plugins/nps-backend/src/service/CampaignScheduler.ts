import { Config } from '@backstage/config';
import { ConflictError } from '@backstage/errors';
import {
  DEFAULT_WINDOW_DAYS,
  NPS_FOLLOW_UP,
  NPS_QUESTION,
} from '@paved/plugin-nps-common';
import { LoggerService } from '@backstage/backend-plugin-api';
import { quarterBounds, quarterOf } from '@paved/common';
import { NpsService } from './NpsService';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How the quarterly campaign is created, from `nps.schedule`. */
export interface ScheduleSettings {
  enabled: boolean;
  windowDays: number;
}

/** Reads `nps.schedule`; only the quarterly cadence exists. */
export function readScheduleSettings(config: Config): ScheduleSettings {
  const schedule = config.getOptionalConfig('nps.schedule');
  const cadence = schedule?.getOptionalString('cadence') ?? 'quarterly';
  if (cadence !== 'quarterly') {
    throw new Error(
      `nps.schedule.cadence must be "quarterly", got "${cadence}"`,
    );
  }
  const windowDays =
    schedule?.getOptionalNumber('windowDays') ?? DEFAULT_WINDOW_DAYS;
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 90) {
    throw new Error('nps.schedule.windowDays must be a whole number, 1 to 90');
  }
  return {
    enabled: schedule?.getOptionalBoolean('enabled') ?? true,
    windowDays,
  };
}

/**
 * Makes sure the current quarter has its campaign, so nobody has to remember:
 * opens at the start of the quarter (or now, the first time), for `windowDays`.
 */
export class CampaignScheduler {
  constructor(
    private readonly service: NpsService,
    private readonly settings: ScheduleSettings,
    private readonly logger: LoggerService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates this quarter's campaign unless it exists; returns its key when created. */
  async ensureCurrentCampaign(): Promise<string | undefined> {
    if (!this.settings.enabled) return undefined;
    const now = this.now();
    const quarter = quarterBounds(quarterOf(now));
    const opensAt = new Date(
      Math.max(quarter.start.getTime(), now.getTime() - 60_000),
    );
    const closesAt = new Date(
      Math.min(
        opensAt.getTime() + this.settings.windowDays * DAY_MS,
        quarter.end.getTime(),
      ),
    );
    if (closesAt <= now) return undefined; // this quarter's window has passed
    try {
      await this.service.createCampaign(
        {
          title: `Platform NPS ${quarter.label}`,
          question: NPS_QUESTION,
          followUp: NPS_FOLLOW_UP,
          opensAt: opensAt.toISOString(),
          closesAt: closesAt.toISOString(),
          audience: { type: 'all' },
        },
        'nps:schedule',
        { origin: 'schedule', scheduleKey: quarter.key },
      );
    } catch (error) {
      if (error instanceof ConflictError) {
        // It exists (the period key is unique), or a PM already runs an overlapping one.
        this.logger.debug(
          `No scheduled campaign for ${quarter.key}: ${error.message}`,
        );
        return undefined;
      }
      throw error;
    }
    this.logger.info(`Created the scheduled NPS campaign for ${quarter.key}`);
    return quarter.key;
  }
}
