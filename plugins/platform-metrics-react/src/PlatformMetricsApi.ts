import { createApiRef } from '@backstage/core-plugin-api';
import {
  DeliveryFilters,
  DoraReport,
  OnboardingReport,
  PlatformRelease,
  ReleaseImpactReport,
  UnmappedService,
} from '@paved/plugin-platform-metrics-common';

/** Whose DORA figures to read: the organisation, a team or a service, over a window in days. */
export type DoraRequest = {
  team?: string;
  service?: string;
  windowDays?: number;
  /** The window's last day (YYYY-MM-DD, UTC); default today. */
  end?: string;
};

/** The platform-metrics backend, as the portal uses it. */
export interface PlatformMetricsApi {
  /** The five DORA metrics with bands, and their weekly series. */
  getDora(request?: DoraRequest): Promise<DoraReport>;
  /** The teams and services the Delivery page filters by. */
  getFilters(): Promise<DeliveryFilters>;
  /** Services events name that the catalog does not know. */
  listUnmappedServices(): Promise<UnmappedService[]>;
  /** Time to first deployment per monthly cohort (a number of months), or pooled by joining quarter. */
  getOnboarding(
    request?: number | { quarters: number },
  ): Promise<OnboardingReport>;
  /** Platform releases (generally available roadmap items and markers), newest first. */
  listReleases(): Promise<PlatformRelease[]>;
  /** What a release changed, golden-path services against the rest. */
  getReleaseImpact(
    releaseId: string,
    days?: number,
  ): Promise<ReleaseImpactReport>;
  /** Adds a release marker (platform PMs). */
  addReleaseMarker(marker: {
    title: string;
    releasedAt: string;
    description?: string;
  }): Promise<PlatformRelease>;
  /** Removes a release marker (platform PMs). */
  deleteReleaseMarker(releaseId: string): Promise<void>;
  /** Records the signed-in user's first sign-in (later calls change nothing). */
  recordSignIn(): Promise<void>;
}

/** Reference to the {@link PlatformMetricsApi}. */
export const platformMetricsApiRef = createApiRef<PlatformMetricsApi>({
  id: 'plugin.platform-metrics.service',
});
