import { Config } from '@backstage/config';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  Audience,
  Campaign,
  CampaignComments,
  CampaignResults,
  CampaignStatus,
  DEFAULT_MIN_COMMENT_GROUP_SIZE,
  DEFAULT_REMIND_LATER_DAYS,
  DEFAULT_WARNING_THRESHOLD,
  NpsSummary,
  Prompt,
  TeamBreakdownRow,
  Trend,
  TrendPoint,
  ThemeCount,
  ThemeDemand,
  compareNps,
  scoreBand,
  createCampaignSchema,
  effectiveMinGroupSize,
  npsGoal,
  summarizeNps,
  suppressGroups,
  updateCampaignSchema,
} from '@paved/plugin-nps-common';
import { z } from 'zod';
import { CampaignRow, NpsStore } from '../database/NpsStore';
import { toCsv } from './csv';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The NPS plugin's settings, from the `nps` config section. */
export interface NpsSettings {
  remindLaterDays: number;
  minGroupSize: number;
  minCommentGroupSize: number;
  warningThreshold: number;
  goal: { baselineCampaign?: string; pointsPerYear: number };
}

/** Reads and validates the `nps` config section. */
export function readNpsSettings(config: Config): NpsSettings {
  const nps = config.getOptionalConfig('nps');
  const remindLaterDays =
    nps?.getOptionalNumber('remindLaterDays') ?? DEFAULT_REMIND_LATER_DAYS;
  if (!(remindLaterDays > 0)) {
    throw new Error('nps.remindLaterDays must be a positive number of days');
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
  };
}

/** Who is asking: their entity ref and the refs they own or belong to. */
export interface Caller {
  userRef: string;
  ownershipRefs: string[];
}

/** Counts the developers a campaign asks (catalog users in its audience). */
export interface AudienceDirectory {
  eligibleCount(audience: Audience): Promise<number>;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** True when the caller belongs to the audience. */
export function isInAudience(audience: Audience, caller: Caller): boolean {
  if (audience.type === 'all') return true;
  const mine = new Set(caller.ownershipRefs.map(lower));
  return audience.groups.some(group => mine.has(lower(group)));
}

/** Two audiences overlap when some developer could be in both. */
function audiencesOverlap(a: Audience, b: Audience): boolean {
  if (a.type === 'all' || b.type === 'all') return true;
  const groups = new Set(a.groups.map(lower));
  return b.groups.some(group => groups.has(lower(group)));
}

/** The caller's team for breakdowns: their first group, or null. */
export function teamOf(caller: Caller): string | null {
  const groups = caller.ownershipRefs
    .filter(ref => lower(ref).startsWith('group:'))
    .map(lower)
    .sort();
  return groups[0] ?? null;
}

/** Holds the rules of the platform NPS: who is asked, what is stored, what is shown. */
export class NpsService {
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      store: NpsStore;
      directory: AudienceDirectory;
      settings: NpsSettings;
      now?: () => Date;
    },
  ) {
    this.now = options.now ?? (() => new Date());
  }

  get settings(): NpsSettings {
    return this.options.settings;
  }

  private statusOf(row: CampaignRow, now = this.now()): CampaignStatus {
    if (now < row.opensAt) return 'upcoming';
    return now < row.closesAt ? 'open' : 'closed';
  }

  private toCampaign(row: CampaignRow, now = this.now()): Campaign {
    return {
      id: row.id,
      title: row.title,
      question: row.question,
      followUp: row.followUp,
      opensAt: row.opensAt.toISOString(),
      closesAt: row.closesAt.toISOString(),
      audience: row.audience,
      origin: row.origin,
      status: this.statusOf(row, now),
      answers: row.answers,
    };
  }

  private async requireCampaign(id: string): Promise<CampaignRow> {
    const row = await this.options.store.getCampaign(id);
    if (!row) throw new NotFoundError(`No campaign with id ${id}`);
    return row;
  }

  /** Every campaign, oldest first. */
  async listCampaigns(): Promise<Campaign[]> {
    const now = this.now();
    const rows = await this.options.store.listCampaigns();
    return rows.map(row => this.toCampaign(row, now));
  }

  /** One campaign; NotFoundError when unknown. */
  async getCampaign(id: string): Promise<Campaign> {
    return this.toCampaign(await this.requireCampaign(id));
  }

  private async assertNoOverlap(
    opensAt: Date,
    closesAt: Date,
    audience: Audience,
    excludeId?: string,
  ) {
    const overlapping = await this.options.store.campaignsOverlapping(
      opensAt,
      closesAt,
      excludeId,
    );
    const clash = overlapping.find(other =>
      audiencesOverlap(other.audience, audience),
    );
    if (clash) {
      throw new ConflictError(
        `"${clash.title}" already asks an overlapping audience between ` +
          `${clash.opensAt.toISOString()} and ${clash.closesAt.toISOString()}`,
      );
    }
  }

  /** Creates a campaign; overlapping campaigns for the same audience are refused. */
  async createCampaign(
    input: z.output<typeof createCampaignSchema>,
    createdBy: string,
    origin: { origin: 'schedule' | 'manual'; scheduleKey?: string } = {
      origin: 'manual',
    },
  ): Promise<Campaign> {
    const opensAt = new Date(input.opensAt);
    const closesAt = new Date(input.closesAt);
    await this.assertNoOverlap(opensAt, closesAt, input.audience);
    const id = await this.options.store.insertCampaign(
      {
        title: input.title,
        question: input.question,
        followUp: input.followUp,
        opensAt,
        closesAt,
        audience: input.audience,
        origin: origin.origin,
        scheduleKey: origin.scheduleKey ?? null,
        createdBy,
      },
      this.now(),
    );
    return this.getCampaign(id);
  }

  /** Edits a campaign that has not opened yet. */
  async updateCampaign(
    id: string,
    patch: z.output<typeof updateCampaignSchema>,
  ): Promise<Campaign> {
    const row = await this.requireCampaign(id);
    if (this.statusOf(row) !== 'upcoming') {
      throw new ConflictError(
        'A campaign can only be edited before it opens; close it early instead',
      );
    }
    const opensAt = patch.opensAt ? new Date(patch.opensAt) : row.opensAt;
    const closesAt = patch.closesAt ? new Date(patch.closesAt) : row.closesAt;
    if (closesAt <= opensAt) {
      throw new InputError('closesAt must be after opensAt');
    }
    await this.assertNoOverlap(
      opensAt,
      closesAt,
      patch.audience ?? row.audience,
      id,
    );
    await this.options.store.updateCampaign(id, {
      title: patch.title,
      question: patch.question,
      followUp: patch.followUp,
      audience: patch.audience,
      opensAt,
      closesAt,
    });
    return this.getCampaign(id);
  }

  /** Closes an open campaign now. */
  async closeCampaign(id: string): Promise<Campaign> {
    const row = await this.requireCampaign(id);
    if (this.statusOf(row) !== 'open') {
      throw new ConflictError(
        `Only an open campaign can be closed early; this one is ${this.statusOf(
          row,
        )}`,
      );
    }
    await this.options.store.updateCampaign(id, { closesAt: this.now() });
    return this.getCampaign(id);
  }

  /** Deletes a campaign that has no answers. */
  async deleteCampaign(id: string): Promise<void> {
    await this.requireCampaign(id);
    if (!(await this.options.store.deleteCampaignWithoutAnswers(id))) {
      throw new ConflictError(
        'A campaign with answers cannot be deleted; answers are kept',
      );
    }
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
    return { campaign: campaign ? this.toCampaign(campaign, now) : null };
  }

  private async requireAnswerable(id: string, caller: Caller) {
    const row = await this.requireCampaign(id);
    const status = this.statusOf(row);
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

  /** Records the caller's answer; a second answer is a ConflictError. */
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
      this.now().getTime() + this.settings.remindLaterDays * DAY_MS,
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

  /** A campaign's aggregate results, with small groups suppressed. */
  async results(id: string): Promise<CampaignResults> {
    const row = await this.requireCampaign(id);
    const { store, directory, settings } = this.options;
    const [counts, teams, eligible] = await Promise.all([
      store.campaignCounts(id),
      store.teamCounts(id),
      directory.eligibleCount(row.audience),
    ]);
    const min = settings.minGroupSize;
    const shown = counts.n >= min;
    const visibility = suppressGroups(
      teams.map(t => ({ key: t.team ?? '', n: t.n })),
      min,
    );
    const teamRows: TeamBreakdownRow[] = shown
      ? visibility.map((v, i) =>
          v.visible
            ? {
                team: teams[i].team,
                visible: true,
                summary: summarizeNps(teams[i])!,
              }
            : { team: teams[i].team, visible: false, reason: v.reason! },
        )
      : [];
    return {
      campaign: this.toCampaign(row),
      summary: shown ? summarizeNps(counts) ?? null : null,
      distribution: shown ? await store.distribution(id) : null,
      participation: {
        respondents: counts.n,
        eligible,
        rate: eligible > 0 ? Math.min(1, counts.n / eligible) : null,
      },
      minGroupSize: min,
      teams: teamRows,
    };
  }

  /** NPS across opened campaigns, with the change between them and the goal line. */
  async trend(): Promise<Trend> {
    const now = this.now();
    const { store, settings } = this.options;
    const [rows, counts] = await Promise.all([
      store.listCampaigns(),
      store.countsByCampaign(),
    ]);
    const opened = rows.filter(row => this.statusOf(row, now) !== 'upcoming');
    const summaries = opened.map(row => {
      const c = counts.get(row.id);
      return c && c.n >= settings.minGroupSize ? summarizeNps(c) ?? null : null;
    });

    const wanted = settings.goal.baselineCampaign;
    let baselineIndex = wanted
      ? opened.findIndex(
          r =>
            r.id === wanted || r.scheduleKey === wanted || r.title === wanted,
        )
      : summaries.findIndex(s => s !== null);
    if (baselineIndex >= 0 && !summaries[baselineIndex]) baselineIndex = -1;
    const baseline =
      baselineIndex >= 0
        ? { row: opened[baselineIndex], nps: summaries[baselineIndex]!.nps }
        : undefined;

    let previous: (typeof summaries)[number] = null;
    const points: TrendPoint[] = opened.map((row, i) => {
      const summary = summaries[i];
      const change = summary && previous ? compareNps(previous, summary) : null;
      if (summary) previous = summary;
      const goal =
        baseline && i >= baselineIndex
          ? npsGoal({
              baselineNps: baseline.nps,
              baselineDate: baseline.row.closesAt,
              at: row.closesAt,
              pointsPerYear: settings.goal.pointsPerYear,
            })
          : null;
      return { campaign: this.toCampaign(row, now), summary, change, goal };
    });

    const latest = [...summaries].reverse().find(s => s !== null) ?? null;
    return {
      points,
      warningThreshold: settings.warningThreshold,
      belowWarning: latest ? latest.nps < settings.warningThreshold : false,
      baselineCampaignId: baseline?.row.id ?? null,
    };
  }

  /**
   * A campaign's comments for platform PMs: none while the campaign has fewer answers
   * than the comment minimum; a comment's team only when that team's group (with
   * complementary suppression) is large enough.
   */
  async comments(id: string): Promise<CampaignComments> {
    const { store, settings } = this.options;
    await this.requireCampaign(id);
    const min = settings.minCommentGroupSize;
    const [counts, teams] = await Promise.all([
      store.campaignCounts(id),
      store.teamCounts(id),
    ]);
    if (counts.n < min) {
      return {
        campaignId: id,
        minCommentGroupSize: min,
        shown: false,
        comments: [],
      };
    }
    const visibleTeams = new Set(
      suppressGroups(
        teams.map(t => ({ key: t.team ?? '', n: t.n })),
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
      comments: rows.map(row => ({
        id: row.id,
        comment: row.comment,
        band: scoreBand(row.score),
        team: row.teamRef && visibleTeams.has(row.teamRef) ? row.teamRef : null,
        themes: row.themes,
      })),
    };
  }

  /** Replaces a comment's themes; returns the response's campaign id. */
  async setThemes(responseId: string, themes: string[]): Promise<string> {
    const campaignId = await this.options.store.responseCampaign(responseId);
    if (!campaignId) throw new NotFoundError(`No answer with id ${responseId}`);
    await this.options.store.setThemes(responseId, themes);
    return campaignId;
  }

  /** Comments per theme, in one campaign or across all (for autocomplete). */
  async themeCounts(campaignId?: string): Promise<ThemeCount[]> {
    if (campaignId) await this.requireCampaign(campaignId);
    return this.options.store.themeCounts(campaignId);
  }

  /** A campaign's aggregates as CSV: the total and each team, hidden teams without numbers. */
  async resultsCsv(id: string): Promise<string> {
    const results = await this.results(id);
    const title = results.campaign.title;
    // A group's figures, or its note when it is hidden.
    const row = (group: string, s: NpsSummary | null, note: string) =>
      s
        ? [
            title,
            group,
            s.n,
            s.promoters,
            s.passives,
            s.detractors,
            s.nps,
          ].concat([s.interval.low, s.interval.high, ''])
        : [title, group, null, null, null, null, null, null, null, note];
    return toCsv(
      [
        'campaign',
        'group',
        'answers',
        'promoters',
        'passives',
        'detractors',
        'nps',
        'interval_low',
        'interval_high',
        'note',
      ],
      [
        row(
          'all',
          results.summary,
          `fewer than ${results.minGroupSize} answers`,
        ),
        ...results.teams.map(team =>
          team.visible
            ? row(team.team ?? 'no team', team.summary, '')
            : row(team.team ?? 'no team', null, `hidden: ${team.reason}`),
        ),
      ],
    );
  }

  /** A campaign's comments with their score band, team (when shown) and themes, as CSV. */
  async commentsCsv(id: string): Promise<string> {
    const { comments, shown, minCommentGroupSize } = await this.comments(id);
    if (!shown) {
      throw new ConflictError(
        `Comments are shown once ${minCommentGroupSize} people have answered`,
      );
    }
    return toCsv(
      ['comment', 'band', 'team', 'themes'],
      comments.map(c => [c.comment, c.band, c.team ?? '', c.themes.join('; ')]),
    );
  }

  /** Comments per campaign carrying any of `themes`: the demand behind a roadmap item. */
  async themeDemand(themes: string[]): Promise<ThemeDemand[]> {
    const rows = await this.options.store.themeDemand(themes);
    return rows.map(row => ({
      campaignId: row.campaignId,
      title: row.title,
      opensAt: row.opensAt.toISOString(),
      comments: row.comments,
    }));
  }
}
