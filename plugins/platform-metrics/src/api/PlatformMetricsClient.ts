import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { PluginBackendClient } from '@paved/frontend-utils';
import {
  DeliveryFilters,
  DoraReport,
  OnboardingReport,
  PlatformRelease,
  ReleaseImpactReport,
  UnmappedService,
} from '@paved/plugin-platform-metrics-common';
import { DoraRequest, PlatformMetricsApi } from './PlatformMetricsApi';

/** "?a=1&b=2" for the defined values, "" when there are none. */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Talks to the platform-metrics backend through the portal's discovery and fetch APIs. */
export class PlatformMetricsClient
  extends PluginBackendClient
  implements PlatformMetricsApi
{
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    super('platform-metrics', options);
  }

  getDora(request: DoraRequest = {}): Promise<DoraReport> {
    return this.request(
      `/dora${query({
        team: request.team,
        service: request.service,
        windowDays: request.windowDays,
        end: request.end,
      })}`,
    );
  }

  getFilters(): Promise<DeliveryFilters> {
    return this.request('/filters');
  }

  async listUnmappedServices(): Promise<UnmappedService[]> {
    const { services } = await this.request<{ services: UnmappedService[] }>(
      '/unmapped-services',
    );
    return services;
  }

  getOnboarding(
    request?: number | { quarters: number },
  ): Promise<OnboardingReport> {
    return this.request(
      `/onboarding${query(
        typeof request === 'object'
          ? { quarters: request.quarters }
          : { months: request },
      )}`,
    );
  }

  async listReleases(): Promise<PlatformRelease[]> {
    const { releases } = await this.request<{ releases: PlatformRelease[] }>(
      '/releases',
    );
    return releases;
  }

  getReleaseImpact(
    releaseId: string,
    days?: number,
  ): Promise<ReleaseImpactReport> {
    return this.request(
      `/release-impact${query({ release: releaseId, days })}`,
    );
  }

  addReleaseMarker(marker: {
    title: string;
    releasedAt: string;
    description?: string;
  }): Promise<PlatformRelease> {
    return this.request('/releases', {
      method: 'POST',
      body: JSON.stringify(marker),
    });
  }

  async deleteReleaseMarker(releaseId: string): Promise<void> {
    const id = releaseId.replace(/^marker:/, '');
    await this.request(`/markers/${encodeURIComponent(id)}`, {
      method: 'DELETE',
    });
  }

  async recordSignIn(): Promise<void> {
    await this.request('/sign-ins', { method: 'POST' });
  }
}
