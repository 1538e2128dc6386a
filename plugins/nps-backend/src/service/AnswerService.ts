import { ConflictError, NotAllowedError } from '@backstage/errors';
import { Prompt } from '@paved/plugin-nps-common';
import { NpsStore } from '../database/NpsStore';
import { Caller, isInAudience, teamOf } from './audience';
import { CampaignService } from './CampaignService';
import { NpsSettings } from './settings';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Asking developers: the prompt, answers, "remind me later" and "not this quarter". */
export class AnswerService {
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      store: NpsStore;
      campaigns: CampaignService;
      settings: Pick<NpsSettings, 'remindLaterDays'>;
      now?: () => Date;
    },
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * The campaign the portal should ask the caller about now, if any. With
   * `includePutOff` (the NPS page), snoozed and dismissed campaigns count too.
   */
  async prompt(caller: Caller, includePutOff = false): Promise<Prompt> {
    const now = this.now();
    const candidates = await this.options.store.campaignsToAsk(
      caller.userRef,
      now,
      includePutOff,
    );
    const campaign = candidates.find(c => isInAudience(c.audience, caller));
    return {
      campaign: campaign
        ? this.options.campaigns.toCampaign(campaign, now)
        : null,
      remindLaterDays: this.options.settings.remindLaterDays,
    };
  }

  private async requireAnswerable(id: string, caller: Caller) {
    const { campaigns } = this.options;
    const row = await campaigns.require(id);
    const status = campaigns.status(row);
    if (status !== 'open') {
      throw new ConflictError(
        status === 'upcoming'
          ? `This campaign opens on ${row.opensAt.toISOString()}`
          : `This campaign closed on ${row.closesAt.toISOString()}`,
      );
    }
    if (!isInAudience(row.audience, caller)) {
      throw new NotAllowedError('This campaign does not ask your team');
    }
    return row;
  }

  /**
   * Records the caller's answer (it waits to be published in a batch); a second
   * answer is a ConflictError.
   */
  async answer(
    id: string,
    caller: Caller,
    answer: { score: number; comment?: string },
  ): Promise<void> {
    await this.requireAnswerable(id, caller);
    await this.options.store.recordAnswer(id, caller.userRef, {
      score: answer.score,
      comment: answer.comment,
      teamRef: teamOf(caller),
    });
  }

  /** "Remind me later": hides the prompt for the configured number of days. */
  async remindLater(id: string, caller: Caller): Promise<{ until: string }> {
    await this.requireAnswerable(id, caller);
    const until = new Date(
      this.now().getTime() + this.options.settings.remindLaterDays * DAY_MS,
    );
    await this.putOff(id, caller, 'snoozed', until);
    return { until: until.toISOString() };
  }

  /** "Not this quarter": the prompt does not come back for this campaign. */
  async notThisQuarter(id: string, caller: Caller): Promise<void> {
    await this.requireAnswerable(id, caller);
    await this.putOff(id, caller, 'dismissed', null);
  }

  private async putOff(
    id: string,
    caller: Caller,
    status: 'snoozed' | 'dismissed',
    until: Date | null,
  ) {
    if (!(await this.options.store.putOff(id, caller.userRef, status, until))) {
      throw new ConflictError('You have already answered this campaign');
    }
  }
}
