import {
  CampaignResults,
  NpsSummary,
  TeamBreakdownRow,
  Trend,
  TrendPoint,
  bandCounts,
  compareNps,
  npsGoal,
  npsWarning,
  summarizeNps,
  suppressGroups,
  participationRate,
} from '@paved/plugin-nps-common';
import { NpsStore } from '../database/NpsStore';
import { AudienceDirectory } from './audience';
import { CampaignService } from './CampaignService';
import { toCsv } from './csv';
import { NpsSettings } from './settings';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * What everyone reads: a campaign's results and the trend, from published answers
 * only, with small groups suppressed.
 */
export class ResultsService {
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      store: NpsStore;
      campaigns: CampaignService;
      directory: AudienceDirectory;
      settings: Pick<NpsSettings, 'minGroupSize' | 'warningThreshold' | 'goal'>;
      now?: () => Date;
    },
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** A campaign's aggregate results, with small groups suppressed. */
  async results(id: string): Promise<CampaignResults> {
    const { store, campaigns, directory, settings } = this.options;
    const row = await campaigns.require(id);
    const [teams, eligible] = await Promise.all([
      store.teamScores(id),
      directory.eligibleCount(row.audience),
    ]);
    const k = settings.minGroupSize;
    const perScore = new Array<number>(11).fill(0);
    for (const team of teams) {
      team.perScore.forEach((n, score) => {
        perScore[score] += n;
      });
    }
    const n = sum(perScore);
    const shown = n >= k;
    const sizes = teams.map(t => ({ key: t.team ?? '', n: sum(t.perScore) }));
    const teamRows: TeamBreakdownRow[] = shown
      ? suppressGroups(sizes, k).map((v, i) =>
          v.visible
            ? {
                team: teams[i].team,
                visible: true,
                summary: summarizeNps(bandCounts(teams[i].perScore))!,
              }
            : { team: teams[i].team, visible: false, reason: v.reason! },
        )
      : [];
    const campaign = campaigns.toCampaign(row);
    return {
      campaign,
      summary: shown ? summarizeNps(bandCounts(perScore)) ?? null : null,
      distribution: shown ? perScore : null,
      participation: {
        respondents: shown ? n : null,
        eligible,
        rate: shown ? participationRate(n, eligible) : null,
      },
      minGroupSize: k,
      teams: teamRows,
      batching: { campaignOpen: campaign.status === 'open', k },
    };
  }

  /** NPS across opened campaigns, with the change between them and the goal line. */
  async trend(): Promise<Trend> {
    const now = this.now();
    const { store, campaigns, settings } = this.options;
    const [rows, scores] = await Promise.all([
      store.listCampaigns(),
      store.scoresByCampaign(),
    ]);
    const opened = rows.filter(
      row => campaigns.status(row, now) !== 'upcoming',
    );
    const summaries = opened.map(row => {
      const perScore = scores.get(row.id);
      return perScore && sum(perScore) >= settings.minGroupSize
        ? summarizeNps(bandCounts(perScore)) ?? null
        : null;
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

    let previous: NpsSummary | null = null;
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
      return {
        campaign: campaigns.toCampaign(row, now),
        summary,
        change,
        goal,
      };
    });

    const latest = [...summaries].reverse().find(s => s !== null) ?? null;
    return {
      points,
      warningThreshold: settings.warningThreshold,
      minGroupSize: settings.minGroupSize,
      warning: npsWarning(latest, settings.warningThreshold),
      baselineCampaignId: baseline?.row.id ?? null,
    };
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
          `fewer than ${results.minGroupSize} answers published`,
        ),
        ...results.teams.map(team =>
          team.visible
            ? row(team.team ?? 'no team', team.summary, '')
            : row(team.team ?? 'no team', null, `hidden: ${team.reason}`),
        ),
      ],
    );
  }
}
