import {
  AdoptionByTeam,
  AdoptionTrend,
  MonthlyAdoptionTrend,
  adoptionChange,
  proportionChange,
} from '@paved/plugin-golden-paths-common';
import type { CampaignResults, Trend } from '@paved/plugin-nps-common';
import {
  DoraBand,
  DoraHealthMetric,
  DORA_HEALTH_METRICS,
  HEALTH_METRICS,
  HealthMetricId,
  HealthTargets,
  Target,
  TargetStatus,
  bandScore,
  formatHealthValue,
  targetStatus,
} from '@paved/plugin-platform-health-common';
import {
  DAY_MS,
  DoraReport,
  OnboardingReport,
} from '@paved/plugin-platform-metrics-common';

/** Monthly: the last three months (the platform team's OKR review); quarterly: for leadership. */
export type HealthView = 'monthly' | 'quarterly';

/** A change since the previous period, in the metric's unit. */
export interface MetricChange {
  difference: number;
  /** True or false where the owner tests it; null: a change in value, not tested. */
  significant: boolean | null;
  /** The difference's 95% interval, where there is one. */
  low?: number;
  high?: number;
  /** The period compared with ("2026-Q3"), when it is not simply the previous one. */
  since?: string;
}

/** One metric as the health page shows it, in the metric's unit. */
export interface MetricReading {
  metric: HealthMetricId;
  /** Null when there is nothing to show (no data, or suppressed). */
  value: number | null;
  /** The 95% interval, when the owning plugin gives one. */
  low: number | null;
  high: number | null;
  /** The owning plugin hides this number (too few people behind it). */
  suppressed: boolean;
  /** Why there is no value, or what the value is over, in words. */
  note: string | null;
  /** The target in words ("at least 80%"), or null without one. */
  targetText: string | null;
  /** The numeric target (in the metric's unit) for the sparkline's line, where there is one. */
  targetValue: number | null;
  status: TargetStatus;
  /** A DORA metric's 2023 band, in words. */
  band: string | null;
  /** Oldest first; null where a period has no value. */
  series: Array<number | null>;
  /** Change since the previous period, with significance where it applies (null: not tested). */
  change: MetricChange | null;
  /** What the value covers ("2026-Q4 campaign", "last 90 days"). */
  period: string;
  /** The value per shorter period, oldest first (adoption per month in the monthly view). */
  breakdown?: Array<{ label: string; value: number | null; note: string }>;
}

const empty = (
  metric: HealthMetricId,
  period: string,
  note: string,
  extra: Partial<MetricReading> = {},
): MetricReading => ({
  metric,
  value: null,
  low: null,
  high: null,
  suppressed: false,
  note,
  targetText: null,
  targetValue: null,
  status: 'no-data',
  band: null,
  series: [],
  change: null,
  period,
  ...extra,
});

const unit = (metric: HealthMetricId) => HEALTH_METRICS[metric].unit;
const fmt = (metric: HealthMetricId, v: number) =>
  formatHealthValue(v, unit(metric));
const targetWords = (metric: HealthMetricId, target: number) =>
  `${HEALTH_METRICS[metric].direction === 'up' ? 'at least' : 'at most'} ${fmt(
    metric,
    target,
  )}`;

/** The same group ref however it is written ("checkout" or "group:default/checkout"). */
export function sameTeam(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const norm = (ref: string) =>
    (ref.includes(':') ? ref : `group:default/${ref}`).toLocaleLowerCase(
      'en-US',
    );
  return norm(a) === norm(b);
}

/** Platform NPS: the latest campaign with results against the NPS goal line, or a team's row. */
export function npsReading(options: {
  trend: Trend;
  results: CampaignResults | null;
  targets: HealthTargets;
  view: HealthView;
  team?: string;
}): MetricReading {
  const { trend, results, targets, view, team } = options;
  const points = trend.points.filter(p => p.summary);
  const latest = points[points.length - 1];
  if (!latest) {
    return empty('nps', '', 'No campaign has results to show yet');
  }
  const period = `${latest.campaign.title}`;
  const goal = latest.goal;
  const target: Target | null =
    goal === null
      ? null
      : { value: goal, direction: 'up', atRiskWithin: targets.npsAtRiskWithin };
  const series = points
    .slice(view === 'monthly' ? -4 : -8)
    .map(p => p.summary!.nps);
  const base = {
    targetText:
      goal === null ? null : `${targetWords('nps', goal)} (goal line)`,
    targetValue: goal,
    period,
  };
  if (team) {
    const row =
      results?.campaign.id === latest.campaign.id
        ? results.teams.find(t => sameTeam(t.team, team))
        : undefined;
    if (!row) {
      return empty('nps', period, 'No answers from this team', base);
    }
    if (!row.visible) {
      return empty(
        'nps',
        period,
        row.reason === 'complementary'
          ? 'Hidden: it could be worked out from the other teams'
          : `Hidden: fewer than ${trend.minGroupSize} answers`,
        { ...base, suppressed: true },
      );
    }
    const { summary } = row;
    return {
      ...empty('nps', period, `${summary.n} answers`, base),
      value: summary.nps,
      low: summary.interval.low,
      high: summary.interval.high,
      note: `${summary.n} answers`,
      status: targetStatus(
        {
          value: summary.nps,
          low: summary.interval.low,
          high: summary.interval.high,
        },
        target,
      ),
    };
  }
  const summary = latest.summary!;
  const measurement = {
    value: summary.nps,
    low: summary.interval.low,
    high: summary.interval.high,
  };
  return {
    ...empty('nps', period, `${summary.n} answers`, base),
    ...measurement,
    status: targetStatus(measurement, target),
    series,
    change: latest.change
      ? {
          difference: latest.change.difference,
          significant: latest.change.significant,
          since: 'the previous campaign',
        }
      : null,
  };
}

/** Participation in the latest campaign with results (organisation-wide). */
export function participationReading(options: {
  results: CampaignResults | null;
  targets: HealthTargets;
  team?: string;
}): MetricReading {
  const { results, targets, team } = options;
  if (!results) return empty('participation', '', 'No campaign yet');
  const period = results.campaign.title;
  const rate = results.participation.rate;
  const target = targets.participation;
  const base = {
    targetText: target ? targetWords('participation', target.value) : null,
    targetValue: target?.value ?? null,
    period,
  };
  if (rate === null) {
    return empty(
      'participation',
      period,
      results.participation.respondents === null
        ? `Hidden until ${results.minGroupSize} answers are published`
        : 'Nobody is in the audience',
      { ...base, suppressed: results.participation.respondents === null },
    );
  }
  const value = rate * 100;
  return {
    ...empty('participation', period, '', base),
    value,
    note: `${results.participation.respondents} of ${
      results.participation.eligible
    } developers${team ? ' (organisation-wide: not broken down by team)' : ''}`,
    status: targetStatus(
      target ? { value } : null,
      target ? { ...target, direction: 'up' } : null,
    ),
  };
}

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** A month key as people read it: "2026-11" → "Nov 2026". */
export function monthLabel(key: string): string {
  return `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
}

/**
 * Golden-path adoption: the latest quarter with new components (with its
 * change since last quarter), or a team's; the monthly view adds each of the
 * last months.
 */
export function adoptionReading(options: {
  trend: AdoptionTrend;
  teams: AdoptionByTeam | null;
  /** The last months, for the monthly view (organisation-wide). */
  months?: MonthlyAdoptionTrend | null;
  targets: HealthTargets;
  view: HealthView;
  team?: string;
}): MetricReading {
  const { trend, teams, months, targets, view, team } = options;
  const target: Target = { ...targets.adoption, direction: 'up' };
  const base = {
    targetText: targetWords('adoption', target.value),
    targetValue: target.value,
  };
  const withData = trend.quarters.filter(q => q.adoption);
  const latest = withData[withData.length - 1];
  if (team) {
    const row = teams?.teams.find(t => sameTeam(t.team, team));
    const period = teams ? `${teams.from} to ${teams.to}` : '';
    if (!row || !row.adoption) {
      return empty('adoption', period, 'No new components from this team', {
        ...base,
        period,
      });
    }
    const m = {
      value: row.adoption.rate * 100,
      low: row.adoption.low * 100,
      high: row.adoption.high * 100,
    };
    return {
      ...empty('adoption', period, '', { ...base, period }),
      ...m,
      note: `${row.fromGoldenPaths} of ${row.newComponents} new components`,
      status: targetStatus(m, target),
    };
  }
  // The monthly view's months: their rates for the sparkline, each in words.
  const monthly = months
    ? {
        series: months.months.map(m =>
          m.adoption ? m.adoption.rate * 100 : null,
        ),
        breakdown: months.months.map(m => ({
          label: monthLabel(m.month),
          value: m.adoption ? m.adoption.rate * 100 : null,
          note: m.adoption
            ? `${m.fromGoldenPaths} of ${m.newComponents}`
            : 'no new components',
        })),
      }
    : {};
  if (!latest) {
    return empty('adoption', '', 'No new components yet', {
      ...base,
      ...monthly,
    });
  }
  const m = {
    value: latest.adoption!.rate * 100,
    low: latest.adoption!.low * 100,
    high: latest.adoption!.high * 100,
  };
  // Last quarter is the one right before the latest, not the latest before it with data.
  const previous = trend.quarters[trend.quarters.indexOf(latest) - 1];
  const change = previous ? adoptionChange(latest, previous) : null;
  return {
    ...empty('adoption', latest.quarter, '', {
      ...base,
      period: latest.quarter,
    }),
    ...m,
    note: `${latest.fromGoldenPaths} of ${latest.newComponents} new components`,
    status: targetStatus(m, target),
    series: trend.quarters
      .slice(view === 'monthly' ? -2 : -8)
      .map(q => (q.adoption ? q.adoption.rate * 100 : null)),
    ...monthly,
    change: change
      ? {
          difference: change.difference * 100,
          low: change.low * 100,
          high: change.high * 100,
          significant: change.significant,
          since: previous.quarter,
        }
      : null,
  };
}

/**
 * Median time to first deployment of the newest joining cohort that has one:
 * a month in the monthly view, a quarter (pooled by the owner) in the quarterly.
 */
export function onboardingReading(options: {
  report: OnboardingReport;
  targets: HealthTargets;
  team?: string;
}): MetricReading {
  const { report, targets, team } = options;
  const target: Target = { ...targets.onboarding, direction: 'down' };
  const base = {
    targetText: targetWords('onboarding', target.value),
    targetValue: target.value,
  };
  const cohorts = report.cohorts;
  const latest = [...cohorts].reverse().find(c => c.medianDays !== null);
  const series = cohorts.map(c => c.medianDays);
  const scope = team ? ' (organisation-wide: not broken down by team)' : '';
  if (!latest) {
    const anyJoined = cohorts.some(c => c.joined > 0);
    return empty(
      'onboarding',
      '',
      anyJoined
        ? `Hidden: no cohort has ${report.minCohortSize} first deployments yet${scope}`
        : `Nobody joined in this period${scope}`,
      { ...base, suppressed: anyJoined, series },
    );
  }
  const value = latest.medianDays!;
  return {
    ...empty('onboarding', `joined ${latest.cohort}`, '', base),
    value,
    note: `${latest.deployed} of ${latest.joined} deployed${scope}`,
    status: targetStatus({ value }, target),
    series,
  };
}

/** The health page's DORA window, in days. */
export const DORA_WINDOW_DAYS = 90;

/**
 * The last day (YYYY-MM-DD, UTC) of the DORA window a quarter before the one
 * ending now: the day before the current window's first day, so that the two
 * windows do not overlap.
 */
export function previousDoraWindowEnd(now: Date): string {
  return new Date(now.getTime() - (DORA_WINDOW_DAYS + 1) * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

// A DORA value in the health unit: per week, hours, percent.
function doraValue(metric: DoraHealthMetric, report: DoraReport) {
  const m = report.metrics[metric];
  if (m.value === null) return null;
  switch (metric) {
    case 'deploymentFrequency':
      return m.perWeek ?? m.value * 7;
    case 'leadTime':
    case 'recoveryTime':
      return m.value / 3_600_000;
    default:
      return m.value * 100;
  }
}

function seriesValue(metric: DoraHealthMetric, v: number | null) {
  if (v === null) return null;
  if (metric === 'leadTime' || metric === 'recoveryTime') return v / 3_600_000;
  if (metric === 'changeFailureRate' || metric === 'reworkRate') return v * 100;
  return v;
}

/**
 * A DORA metric's change since the previous window: for the two rates with
 * its 95% interval and significance, otherwise as a change in value (not
 * tested); null unless both windows have enough data.
 */
function doraChange(
  metric: DoraHealthMetric,
  report: DoraReport,
  previous: DoraReport | null,
): MetricChange | null {
  if (!previous) return null;
  const now = doraValue(metric, report);
  const before = doraValue(metric, previous);
  if (
    now === null ||
    before === null ||
    report.metrics[metric].status !== 'ok' ||
    previous.metrics[metric].status !== 'ok'
  ) {
    return null;
  }
  // The window's end is exclusive: its last day is the one before.
  const lastDay = new Date(Date.parse(previous.window.to) - 1)
    .toISOString()
    .slice(0, 10);
  const since = `the ${previous.window.days} days to ${lastDay}`;
  // Rates of deployments (change failures, rework): two proportions, so the
  // change gets Newcombe's interval, in points. Frequency and the medians stay
  // a change in value.
  if (metric === 'changeFailureRate' || metric === 'reworkRate') {
    const counts = (r: DoraReport) => ({
      successes: Math.round(
        (r.metrics[metric].value ?? 0) * r.metrics[metric].sample,
      ),
      trials: r.metrics[metric].sample,
    });
    const tested = proportionChange(counts(report), counts(previous));
    if (tested) {
      return {
        difference: tested.difference * 100,
        low: tested.low * 100,
        high: tested.high * 100,
        significant: tested.significant,
        since,
      };
    }
  }
  return { difference: now - before, significant: null, since };
}

const BAND_WORDS: Record<DoraBand, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

/** The five DORA metrics with bands, against the target bands (rework rate against its percent). */
export function doraReadings(options: {
  report: DoraReport;
  history: DoraReport | null;
  /** The same length of window a quarter earlier, for the change since last quarter. */
  previous?: DoraReport | null;
  targets: HealthTargets;
}): MetricReading[] {
  const { report, history, previous, targets } = options;
  const period = `last ${report.window.days} days`;
  return DORA_HEALTH_METRICS.map(metric => {
    const m = report.metrics[metric];
    const value = doraValue(metric, report);
    const change = doraChange(metric, report, previous ?? null);
    const series = (history ?? report).series.map(point =>
      seriesValue(metric, point.values[metric]),
    );
    if (m.status !== 'ok' || value === null) {
      return empty(metric, period, m.note ?? 'Too little data', { series });
    }
    if (metric === 'reworkRate') {
      const t = targets.reworkRate;
      return {
        ...empty(metric, period, `over ${m.sample} deployments`, {
          series,
          targetText: t ? targetWords(metric, t.value) : null,
          targetValue: t?.value ?? null,
        }),
        value,
        change,
        status: t
          ? targetStatus({ value }, { ...t, direction: 'down' })
          : 'no-data',
      };
    }
    const band = m.classification?.band as DoraBand | undefined;
    const targetBand = targets.doraBands[metric];
    return {
      ...empty(
        metric,
        period,
        `over ${m.sample} ${metric === 'leadTime' ? 'commits' : 'deployments'}`,
        {
          series,
          targetText: `${BAND_WORDS[targetBand]} or better`,
        },
      ),
      value,
      change,
      band: band ? BAND_WORDS[band] : null,
      status: band
        ? targetStatus(
            { value: bandScore(band) },
            { value: bandScore(targetBand), direction: 'up', atRiskWithin: 1 },
          )
        : 'no-data',
    };
  });
}
