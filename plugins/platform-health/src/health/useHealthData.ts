import { useApi } from '@backstage/core-plugin-api';
import { addQuarters, quarterOf } from '@paved/common';
import { goldenPathsApiRef } from '@paved/plugin-golden-paths-react';
import { npsApiRef } from '@paved/plugin-nps-react';
import { platformMetricsApiRef } from '@paved/plugin-platform-metrics-react';
import type { HealthTargets } from '@paved/plugin-platform-health-common';
import useAsync from 'react-use/esm/useAsync';
import {
  DORA_WINDOW_DAYS,
  HealthView,
  MetricReading,
  adoptionReading,
  doraReadings,
  previousDoraWindowEnd,
  npsReading,
  onboardingReading,
  participationReading,
} from './readings';

/** A reading's load state: each metric's owner answers (or fails) on its own. */
export interface ReadingState {
  loading: boolean;
  error?: Error;
  value?: MetricReading;
}

/** The leading metrics (NPS, participation, adoption, onboarding) for a view and a team. */
export function useLeadingMetrics(
  targets: HealthTargets,
  view: HealthView,
  team: string | undefined,
  now: Date = new Date(),
) {
  const npsApi = useApi(npsApiRef);
  const goldenPathsApi = useApi(goldenPathsApiRef);
  const metricsApi = useApi(platformMetricsApiRef);
  const quarter = quarterOf(now);

  const nps = useAsync(async () => {
    const trend = await npsApi.getTrend();
    const latest = [...trend.points].reverse().find(p => p.summary);
    const results = latest ? await npsApi.getResults(latest.campaign.id) : null;
    return {
      trend,
      results,
      nps: npsReading({ trend, results, targets, view, team }),
      participation: participationReading({ results, targets, team }),
    };
  }, [npsApi, targets, view, team]);

  // The monthly view's last three months (organisation-wide: the monthly API has no teams).
  const month = (offset: number) =>
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1))
      .toISOString()
      .slice(0, 7);
  const [firstMonth, lastMonth] = [month(-2), month(0)];

  const adoption = useAsync(async () => {
    const [trend, teams, months] = await Promise.all([
      goldenPathsApi.getAdoption({
        from: addQuarters(quarter, view === 'monthly' ? -1 : -7),
        to: quarter,
      }),
      team
        ? goldenPathsApi.getTeamAdoption({
            from: addQuarters(quarter, view === 'monthly' ? -1 : -3),
            to: quarter,
          })
        : null,
      view === 'monthly' && !team
        ? goldenPathsApi.getMonthlyAdoption({ from: firstMonth, to: lastMonth })
        : null,
    ]);
    return adoptionReading({ trend, teams, months, targets, view, team });
  }, [goldenPathsApi, targets, view, team, quarter, firstMonth, lastMonth]);

  const onboarding = useAsync(async () => {
    // Monthly: the last three joining months; quarterly: cohorts pooled by
    // joining quarter, so that small months still add up to a median.
    const report = await metricsApi.getOnboarding(
      view === 'monthly' ? 3 : { quarters: 8 },
    );
    return onboardingReading({ report, targets, team });
  }, [metricsApi, targets, view, team]);

  return {
    warning: nps.value?.trend.warning ?? null,
    nps: { loading: nps.loading, error: nps.error, value: nps.value?.nps },
    participation: {
      loading: nps.loading,
      error: nps.error,
      value: nps.value?.participation,
    },
    adoption,
    onboarding,
  };
}

/**
 * The five DORA metrics (last 90 days) with their trend over the view; the
 * quarterly view adds each one's change since the 90 days before.
 */
export function useDoraMetrics(
  targets: HealthTargets,
  view: HealthView,
  team: string | undefined,
  now: Date = new Date(),
) {
  const metricsApi = useApi(platformMetricsApiRef);
  const previousEnd = previousDoraWindowEnd(now);
  return useAsync(async () => {
    const [report, history, previous] = await Promise.all([
      metricsApi.getDora({ team, windowDays: DORA_WINDOW_DAYS }),
      view === 'quarterly'
        ? metricsApi.getDora({ team, windowDays: 365 })
        : null,
      view === 'quarterly'
        ? metricsApi.getDora({
            team,
            windowDays: DORA_WINDOW_DAYS,
            end: previousEnd,
          })
        : null,
    ]);
    return doraReadings({ report, history, previous, targets });
  }, [metricsApi, targets, view, team, previousEnd]);
}

/** The latest platform release and what it changed. */
export function useLatestReleaseImpact() {
  const metricsApi = useApi(platformMetricsApiRef);
  return useAsync(async () => {
    const [latest] = await metricsApi.listReleases();
    return latest ? metricsApi.getReleaseImpact(latest.id) : null;
  }, [metricsApi]);
}

/** The organisation's readings by metric id, for OKRs and the review (loading: undefined). */
export function useOrganisationReadings(
  targets: HealthTargets,
  view: HealthView,
): { readings?: Map<string, MetricReading>; error?: Error } {
  const leading = useLeadingMetrics(targets, view, undefined);
  const dora = useDoraMetrics(targets, view, undefined);
  const states = [
    leading.nps,
    leading.participation,
    leading.adoption,
    leading.onboarding,
  ];
  const error = [...states.map(s => s.error), dora.error].find(Boolean);
  if (error) return { error };
  if (states.some(s => !s.value) || !dora.value) return {};
  const readings = new Map<string, MetricReading>();
  for (const s of states) readings.set(s.value!.metric, s.value!);
  for (const r of dora.value) readings.set(r.metric, r);
  return { readings };
}
