import { answersToRelease } from '@paved/plugin-nps-common';
import { NpsStore, ReleaseOutcome } from '../database/NpsStore';
import { NpsSettings } from './settings';

/**
 * Publishes waiting answers, group by group (a campaign's team, or its answers
 * without a team), in batches that never cover fewer than k answers: see
 * `answersToRelease` in `@paved/plugin-nps-common`. Scores use the group minimum,
 * comments the comment minimum. Runs as a scheduled task (scope global) and when a
 * PM closes a campaign.
 */
export class AnswerRelease {
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      store: NpsStore;
      settings: Pick<NpsSettings, 'minGroupSize' | 'minCommentGroupSize'>;
      now?: () => Date;
    },
  ) {
    this.now = options.now ?? (() => new Date());
  }

  private readonly rules = {
    answers: (waiting: number, open: boolean) =>
      answersToRelease(waiting, this.options.settings.minGroupSize, open),
    comments: (hidden: number, open: boolean) =>
      answersToRelease(hidden, this.options.settings.minCommentGroupSize, open),
  };

  /** One pass over every group of every campaign (or of one campaign); returns what moved. */
  async release(campaignId?: string): Promise<ReleaseOutcome> {
    const total = { answers: 0, comments: 0 };
    const groups = await this.options.store.groupsToRelease();
    for (const group of groups) {
      if (campaignId && group.campaignId !== campaignId) continue;
      const outcome = await this.options.store.releaseGroup(
        group.campaignId,
        group.team,
        this.rules,
        this.now(),
      );
      total.answers += outcome.answers;
      total.comments += outcome.comments;
    }
    return total;
  }
}
