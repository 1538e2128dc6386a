import { addQuarters, quarterLabel, quarterOf } from '@paved/common';
import type { GoldenPathsApi } from '@paved/plugin-golden-paths-react';
import type { NpsApi } from '@paved/plugin-nps-react';
import type { PlatformMetricsApi } from '@paved/plugin-platform-metrics-react';
import type { RoadmapApi } from '@paved/plugin-roadmap-react';
import {
  HEALTH_METRICS,
  HealthTargets,
  HealthUnit,
  QuarterOkrs,
  TARGET_STATUS_LABELS,
  formatHealthValue,
} from '@paved/plugin-platform-health-common';
import type { PlatformHealthApi } from '../api/PlatformHealthApi';
import { formatKeyResultValue, keyResultViews } from './okrs';
import {
  DORA_WINDOW_DAYS,
  MetricReading,
  adoptionReading,
  doraReadings,
  previousDoraWindowEnd,
  npsReading,
  onboardingReading,
  participationReading,
} from './readings';
import {
  RoadmapSummary,
  ThemeWithItems,
  loadTopThemes,
  summariseRoadmap,
} from './roadmap';

/** Everything the quarterly leadership review says. */
export interface ReviewData {
  quarter: string;
  generatedAt: string;
  readings: MetricReading[];
  okrs: QuarterOkrs;
  roadmap: RoadmapSummary;
  themes: ThemeWithItems[];
}

/** The APIs the review reads: every number comes from the plugin that owns it. */
export interface ReviewApis {
  health: PlatformHealthApi;
  nps: NpsApi;
  goldenPaths: GoldenPathsApi;
  metrics: PlatformMetricsApi;
  roadmap: RoadmapApi;
}

/** Reads everything the quarterly review needs, for the organisation. */
export async function loadReview(
  apis: ReviewApis,
  targets: HealthTargets,
  now: Date = new Date(),
): Promise<ReviewData> {
  const quarter = quarterOf(now);
  const view = 'quarterly' as const;
  const [trend, adoption, onboarding, dora, previousDora, okrs, items] =
    await Promise.all([
      apis.nps.getTrend(),
      apis.goldenPaths.getAdoption({
        from: addQuarters(quarter, -7),
        to: quarter,
      }),
      apis.metrics.getOnboarding({ quarters: 8 }),
      apis.metrics.getDora({ windowDays: DORA_WINDOW_DAYS }),
      apis.metrics.getDora({
        windowDays: DORA_WINDOW_DAYS,
        end: previousDoraWindowEnd(now),
      }),
      apis.health.getOkrs(quarter),
      apis.roadmap.listItems(),
    ]);
  const latest = [...trend.points].reverse().find(p => p.summary);
  const results = latest ? await apis.nps.getResults(latest.campaign.id) : null;
  const readings = [
    npsReading({ trend, results, targets, view }),
    participationReading({ results, targets }),
    adoptionReading({ trend: adoption, teams: null, targets, view }),
    onboardingReading({ report: onboarding, targets }),
    ...doraReadings({
      report: dora,
      history: null,
      previous: previousDora,
      targets,
    }),
  ];
  const themes = await loadTopThemes(apis.roadmap);
  return {
    quarter,
    generatedAt: now.toISOString(),
    readings,
    okrs,
    roadmap: summariseRoadmap(items, now),
    themes,
  };
}

/** Escapes Markdown so that user text renders as text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, ch => `\\${ch}`);
}

/**
 * A difference in the metric's unit, signed unless it rounds to nothing
 * ("0 pts", never "−0 pts"); percentages change by points. An interval's
 * bound (`bound`) in whole points that would round to 0 gets a tenth
 * ("−0.4 pts"), so that an interval that excludes zero never shows 0 as an end.
 */
export function formatDifference(
  difference: number,
  unit: HealthUnit,
  bound = false,
): string {
  const magnitude = (v: number) =>
    unit === 'percent'
      ? `${formatHealthValue(v, 'points').replace(/^\+/, '')} pts`
      : formatHealthValue(v, unit).replace(/^\+/, '');
  let size = magnitude(Math.abs(difference));
  if (size === magnitude(0)) {
    const tenth = Math.round(Math.abs(difference) * 10) / 10;
    if (!bound || tenth === 0 || (unit !== 'percent' && unit !== 'points')) {
      return size;
    }
    size = unit === 'percent' ? `${tenth} pts` : String(tenth);
  }
  return `${difference < 0 ? '\u2212' : '+'}${size}`;
}

/**
 * A reading's change since the previous period in words: "no detectable change"
 * when its owner's test says so (as release impact words it), significant only
 * when tested, and otherwise plainly a change in value.
 */
export function changeWords(reading: MetricReading): string {
  const change = reading.change;
  if (!change) return '—';
  const unit = HEALTH_METRICS[reading.metric].unit;
  const signed = formatDifference(change.difference, unit);
  const since = `since ${change.since ?? 'the previous period'}`;
  const interval =
    change.low !== undefined && change.high !== undefined
      ? `95% interval ${formatDifference(
          change.low,
          unit,
          true,
        )} to ${formatDifference(change.high, unit, true)}`
      : null;
  if (change.significant === true)
    return `${signed} ${since} (${
      interval ? `${interval}, ` : ''
    }significant at 95%)`;
  if (change.significant === false)
    return `No detectable change ${since}: ${signed}, ${
      interval ? `and the ${interval} includes zero` : 'not significant at 95%'
    }`;
  return `${signed} ${since} (a change in value, not tested for significance)`;
}

/** A reading's value in words: the number, "hidden" or "no data". */
export function valueWords(reading: MetricReading): string {
  const unit = HEALTH_METRICS[reading.metric].unit;
  if (reading.value === null) return reading.suppressed ? 'hidden' : 'no data';
  const interval =
    reading.low !== null && reading.high !== null
      ? ` (95%: ${formatHealthValue(reading.low, unit)} to ${formatHealthValue(
          reading.high,
          unit,
        )})`
      : '';
  return `${formatHealthValue(reading.value, unit)}${interval}${
    reading.band ? `, ${reading.band}` : ''
  }`;
}

/** The status in words; "no target" when a value has nothing to be judged against. */
export function statusWords(reading: MetricReading): string {
  if (reading.value !== null && reading.targetText === null) return 'No target';
  return TARGET_STATUS_LABELS[reading.status];
}

/** The quarterly leadership review as Markdown. */
export function reviewMarkdown(data: ReviewData): string {
  const e = escapeMarkdown;
  // Table cells hold Paved's own words and numbers: only pipes and line breaks need care.
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines: string[] = [
    `# Platform health review, ${quarterLabel(data.quarter)}`,
    '',
    `_Generated ${data.generatedAt.slice(
      0,
      10,
    )} from the live metrics; every number comes from the plugin that owns it._`,
    '',
    '## Metrics',
    '',
    '| metric | value | target | status | change since last quarter |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of data.readings) {
    lines.push(
      `| ${cell(HEALTH_METRICS[r.metric].label)} | ${cell(
        valueWords(r),
      )} | ${cell(r.targetText ?? '—')} | ${cell(statusWords(r))} | ${cell(
        changeWords(r),
      )} |`,
    );
  }
  lines.push('', '## OKRs', '');
  if (data.okrs.objectives.length === 0)
    lines.push('No objectives this quarter.');
  const readings = new Map(data.readings.map(r => [r.metric as string, r]));
  for (const objective of data.okrs.objectives) {
    lines.push(`### ${e(objective.title)}`, '');
    for (const view of keyResultViews(
      objective.quarter,
      objective.keyResults,
      readings,
      new Date(data.generatedAt),
    )) {
      const kr = view.keyResult;
      const pct =
        view.progress.fraction === null
          ? 'no value'
          : `${Math.round(view.progress.fraction * 100)}% of the way`;
      const now = view.current
        ? formatKeyResultValue(kr, view.current.value)
        : '—';
      lines.push(
        `- **${e(kr.title)}**: ${e(now)}, from ${e(
          formatKeyResultValue(kr, kr.start),
        )} to ${e(formatKeyResultValue(kr, kr.target))} by ${kr.due}; ${pct}; ${
          TARGET_STATUS_LABELS[view.progress.status]
        }`,
      );
      const last = kr.checkIns[0];
      if (last?.note) {
        lines.push(
          `  Last check-in ${last.createdAt.slice(0, 10)}: ${e(last.note)}`,
        );
      }
    }
    lines.push('');
  }
  const list = (title: string, items: string[], none: string) => {
    lines.push(`## ${title}`, '');
    if (items.length === 0) lines.push(none);
    for (const item of items) lines.push(`- ${item}`);
    lines.push('');
  };
  list(
    'What shipped',
    data.roadmap.shippedThisQuarter.map(i => `**${e(i.title)}**`),
    'Nothing shipped this quarter.',
  );
  list(
    'What is next',
    data.roadmap.upcoming.map(
      i =>
        `**${e(i.title)}** (${i.horizon === 'now' ? 'Now' : 'Next'}${
          i.targetQuarter ? `, target ${i.targetQuarter}` : ''
        })`,
    ),
    'Nothing planned in Now or Next.',
  );
  list(
    'Breaking changes ahead',
    data.roadmap.breakingAhead.map(
      i =>
        `**${e(i.title)}**, from ${i.breakingChange!.effectiveDate}: ${e(
          i.breakingChange!.notice,
        )}`,
    ),
    'None announced.',
  );
  list(
    'Top comment themes and the roadmap items that answer them',
    data.themes.map(
      t =>
        `**${e(t.theme)}**: ${t.comments} ${
          t.comments === 1 ? 'comment' : 'comments'
        }${t.campaign ? ` (${e(t.campaign)})` : ''}; ${t.items
          .map(i => e(i.title))
          .join(', ')}`,
    ),
    'No survey theme is linked to the roadmap yet.',
  );
  list(
    'Not doing, and why',
    data.roadmap.notDoing.map(i =>
      i.declineReason
        ? `**${e(i.title)}**: ${e(i.declineReason)}`
        : `**${e(i.title)}**`,
    ),
    'Nothing declined.',
  );
  return `${lines.join('\n').trimEnd()}\n`;
}
