import { ConflictError } from '@backstage/errors';
import { NPS_FOLLOW_UP, NPS_QUESTION } from '@paved/plugin-nps-common';
import { LoggerService } from '@backstage/backend-plugin-api';
import { quarterBounds, quarterOf } from '@paved/common';
import { CampaignService } from './CampaignService';
import { NpsSettings } from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Makes sure the current quarter has its campaign, so nobody has to remember:
 * opens at the start of the quarter (or now, the first time), for `windowDays`.
 */
export class CampaignScheduler {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly settings: NpsSettings['schedule'],
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
      await this.campaigns.create(
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
