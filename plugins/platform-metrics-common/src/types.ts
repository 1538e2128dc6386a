import type { DoraMetrics } from './dora';
import type { MetricImpact } from './impact';
import type { MetricId } from './model';

/** Whose delivery a report is about. */
export type Scope =
  | { kind: 'organisation' }
  | { kind: 'team'; ref: string }
  | { kind: 'service'; ref: string };

/** One week of a metric's series. */
export interface SeriesPoint {
  /** Monday 00:00 UTC, ISO 8601. */
  weekStart: string;
  /** Days of this week inside the window (the first and last may be partial). */
  days: number;
  deployments: number;
  /** Per metric: deployments per week, times in ms, rates 0–1; null where undefined. */
  values: Record<MetricId, number | null>;
}

/** The five DORA metrics of a scope over a window, with the weekly series. */
export interface DoraReport {
  scope: Scope;
  window: { from: string; to: string; days: number };
  /** The band table every classification in this report was made with. */
  bandVersion: string;
  metrics: DoraMetrics;
  /** Production deployments that failed before reaching production (not DORA events). */
  pipelineFailures: number;
  series: SeriesPoint[];
  /** For a service: whether the catalog knows it (false: events arrive under an unknown name). */
  inCatalog?: boolean | null;
}

/** A service that events name but the catalog does not know. */
export interface UnmappedService {
  service: string;
  deployments: number;
  incidents: number;
  /** ISO 8601. */
  lastEventAt: string;
}

/** One joining cohort's time to first deployment. */
export interface OnboardingCohort {
  /** The month ("YYYY-MM") or quarter ("YYYY-Qn") of their start, UTC. */
  cohort: string;
  joined: number;
  /** Null when fewer than minCohortSize joined (one person's data). */
  deployed: number | null;
  /** Null when fewer than minCohortSize joined. */
  notYetDeployed: number | null;
  /**
   * Median days from start to first successful production deployment, over those
   * who deployed; null when fewer than minCohortSize have.
   */
  medianDays: number | null;
}

/** Time to first deployment per monthly (or quarterly) cohort, oldest first. */
export interface OnboardingReport {
  /** How the cohorts are pooled: by joining month (the default) or quarter. */
  period?: 'month' | 'quarter';
  /** Cohorts smaller than this show no deployed counts; medians need this many deployed. */
  minCohortSize: number;
  cohorts: OnboardingCohort[];
}

/** A platform release: a roadmap item that became generally available, or a PM's marker. */
export interface PlatformRelease {
  /** "roadmap:<item id>" or "marker:<id>". */
  id: string;
  kind: 'roadmap' | 'marker';
  title: string;
  /** ISO 8601. */
  releasedAt: string;
  description: string | null;
}

/** What a release changed, per metric, for golden-path services against the rest. */
export interface ReleaseImpactReport {
  release: PlatformRelease;
  /** Days in each window, before and after. */
  days: number;
  /** Whether the after window has fully passed. */
  complete: boolean;
  goldenPathServices: number;
  otherServices: number;
  metrics: MetricImpact[];
}

/** The answer to a delivery of events. */
export interface IngestResult {
  received: number;
  /** New or corrected events written. */
  stored: number;
  /** Events already stored exactly so (re-deliveries). */
  unchanged: number;
  /** Services the events name that the catalog does not know (stored, flagged). */
  unknownServices: string[];
}

/** What the Delivery page can filter by. */
export interface DeliveryFilters {
  teams: string[];
  services: Array<{ ref: string; owner: string | null }>;
}
