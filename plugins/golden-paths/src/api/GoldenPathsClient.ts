import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { PluginBackendClient } from '@paved/frontend-utils';
import {
  AdoptionByTeam,
  AdoptionTrend,
  GoldenPath,
  GoldenPathDetail,
  MonthKey,
  MonthlyAdoptionTrend,
  NameAvailability,
  OffPathService,
} from '@paved/plugin-golden-paths-common';
import { AdoptionWindow, GoldenPathsApi } from './GoldenPathsApi';

/** "?a=1&b=2" for the defined values, "" when there are none. */
function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Talks to the golden-paths backend through the portal's discovery and fetch APIs. */
export class GoldenPathsClient
  extends PluginBackendClient
  implements GoldenPathsApi
{
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    super('golden-paths', options);
  }

  async listPaths(): Promise<GoldenPath[]> {
    const { paths } = await this.request<{ paths: GoldenPath[] }>('/paths');
    return paths;
  }

  getPath(namespace: string, name: string): Promise<GoldenPathDetail> {
    return this.request(
      `/paths/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`,
    );
  }

  getAdoption(window: AdoptionWindow = {}): Promise<AdoptionTrend> {
    return this.request(
      `/adoption${query({ from: window.from, to: window.to })}`,
    );
  }

  getMonthlyAdoption(
    window: { from?: MonthKey; to?: MonthKey } = {},
  ): Promise<MonthlyAdoptionTrend> {
    return this.request(
      `/adoption/monthly${query({ from: window.from, to: window.to })}`,
    );
  }

  getTeamAdoption(window: AdoptionWindow = {}): Promise<AdoptionByTeam> {
    return this.request(
      `/adoption/teams${query({ from: window.from, to: window.to })}`,
    );
  }

  checkName(name: string): Promise<NameAvailability> {
    return this.request(`/names/${encodeURIComponent(name)}`);
  }

  async listOffPathServices(
    options: { limit?: number } = {},
  ): Promise<OffPathService[]> {
    const { services } = await this.request<{ services: OffPathService[] }>(
      `/adoption/off-path${query({ limit: options.limit })}`,
    );
    return services;
  }
}
