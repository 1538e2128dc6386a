import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  CampaignComments,
  LatestThemeDemandResponse,
  ThemeCount,
  ThemeDemandResponse,
  scoreBand,
  suppressGroups,
} from '@paved/plugin-nps-common';
import { NpsStore } from '../database/NpsStore';
import { CampaignService } from './CampaignService';
import { toCsv } from './csv';
import { NpsSettings } from './settings';

/** What platform PMs read and tag: comments, their themes, and the demand behind them. */
export class CommentsService {
  constructor(
    private readonly options: {
      store: NpsStore;
      campaigns: CampaignService;
      settings: Pick<NpsSettings, 'minCommentGroupSize' | 'minGroupSize'>;
    },
  ) {}

  /**
   * A campaign's published comments: none until the comments of at least the comment
   * minimum of answers are published; a comment's team only when that team's group
   * (with complementary suppression) is large enough.
   */
  async comments(id: string): Promise<CampaignComments> {
    const { store, campaigns, settings } = this.options;
    await campaigns.require(id);
    const min = settings.minCommentGroupSize;
    const pools = await store.commentPools(id);
    const answers = pools.reduce((total, pool) => total + pool.answers, 0);
    if (answers < min) {
      return {
        campaignId: id,
        minCommentGroupSize: min,
        shown: false,
        answers: null,
        comments: [],
      };
    }
    const visibleTeams = new Set(
      suppressGroups(
        pools.map(pool => ({ key: pool.team ?? '', n: pool.answers })),
        min,
      )
        .filter(v => v.visible && v.key !== '')
        .map(v => v.key),
    );
    const rows = await store.comments(id);
    return {
      campaignId: id,
      minCommentGroupSize: min,
      shown: true,
      answers,
      comments: rows.map(row => ({
        id: row.id,
        comment: row.comment,
        band: scoreBand(row.score),
        team: row.teamRef && visibleTeams.has(row.teamRef) ? row.teamRef : null,
        themes: row.themes,
      })),
    };
  }

  /** Replaces a published comment's themes; returns its campaign id. */
  async setThemes(responseId: string, themes: string[]): Promise<string> {
    const campaignId = await this.options.store.commentCampaign(responseId);
    if (!campaignId)
      throw new NotFoundError(`No comment with id ${responseId}`);
    await this.options.store.setThemes(responseId, themes);
    return campaignId;
  }

  /** Comments per theme, in one campaign or across all (for autocomplete). */
  async themeCounts(campaignId?: string): Promise<ThemeCount[]> {
    if (campaignId) await this.options.campaigns.require(campaignId);
    return this.options.store.themeCounts(campaignId);
  }

  /** A campaign's comments with their score band, team (when shown) and themes, as CSV. */
  async commentsCsv(id: string): Promise<string> {
    const { comments, shown, minCommentGroupSize } = await this.comments(id);
    if (!shown) {
      throw new ConflictError(
        `Comments are shown once the comments of ${minCommentGroupSize} answers are published`,
      );
    }
    return toCsv(
      ['comment', 'band', 'team', 'themes'],
      comments.map(c => [c.comment, c.band, c.team ?? '', c.themes.join('; ')]),
    );
  }

  /**
   * Visible comments per campaign carrying any of `themes`: the demand behind a
   * roadmap item. A count below k (`minGroupSize`, as for every count NPS shows)
   * is not given: the campaign is listed as suppressed, so it does not read as
   * zero demand.
   */
  async themeDemand(themes: string[]): Promise<ThemeDemandResponse> {
    const k = this.options.settings.minGroupSize;
    const rows = await this.options.store.themeDemand(themes);
    return {
      minGroupSize: k,
      items: rows.map(row => ({
        campaignId: row.campaignId,
        title: row.title,
        opensAt: row.opensAt.toISOString(),
        ...(row.comments >= k
          ? { suppressed: false as const, comments: row.comments }
          : { suppressed: true as const, comments: null }),
      })),
    };
  }

  /**
   * The `limit` themes (of `themes`) most commented in their newest campaign
   * that has any. A count below k (`minGroupSize`, as for every count NPS shows)
   * is not shown: such a theme is left out, as if it had none.
   */
  async latestThemeDemand(
    themes: string[],
    limit: number,
  ): Promise<LatestThemeDemandResponse> {
    const k = this.options.settings.minGroupSize;
    const rows = await this.options.store.latestThemeDemand(themes, k, limit);
    return {
      minGroupSize: k,
      items: rows.map(row => ({
        theme: row.theme,
        campaignId: row.campaignId,
        title: row.title,
        opensAt: row.opensAt.toISOString(),
        comments: row.comments,
      })),
    };
  }
}
