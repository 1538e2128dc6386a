import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { PluginBackendClient } from '@paved/frontend-utils';
import type { ThemeDemand } from '@paved/plugin-nps-common';
import {
  CheckIn,
  CheckInRequest,
  CreateObjectiveRequest,
  HealthTargets,
  Objective,
  ObjectiveHistory,
  QuarterOkrs,
  UpdateObjectiveRequest,
} from '@paved/plugin-platform-health-common';
import { PlatformHealthApi } from './PlatformHealthApi';

// The NPS backend's aggregate theme demand, the one NPS read the NPS client lacks.
class NpsThemeDemand extends PluginBackendClient {
  async get(theme: string): Promise<ThemeDemand[]> {
    const { items } = await this.request<{ items: ThemeDemand[] }>(
      `/theme-demand?theme=${encodeURIComponent(theme)}`,
    );
    return items;
  }
}

/** Talks to the platform-health backend through the portal's discovery and fetch APIs. */
export class PlatformHealthClient
  extends PluginBackendClient
  implements PlatformHealthApi
{
  private readonly nps: NpsThemeDemand;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    super('platform-health', options);
    this.nps = new NpsThemeDemand('nps', options);
  }

  getTargets(): Promise<HealthTargets> {
    return this.request('/targets');
  }

  getOkrs(quarter?: string): Promise<QuarterOkrs> {
    return this.request(
      quarter ? `/okrs?quarter=${encodeURIComponent(quarter)}` : '/okrs',
    );
  }

  createObjective(objective: CreateObjectiveRequest): Promise<Objective> {
    return this.request('/objectives', {
      method: 'POST',
      body: JSON.stringify(objective),
    });
  }

  updateObjective(
    id: string,
    objective: UpdateObjectiveRequest,
  ): Promise<Objective> {
    return this.request(`/objectives/${encodeURIComponent(id)}`, {
      method: 'PUT',
      body: JSON.stringify(objective),
    });
  }

  getObjectiveHistory(id: string): Promise<ObjectiveHistory> {
    return this.request(`/objectives/${encodeURIComponent(id)}/history`);
  }

  async deleteObjective(id: string, version: number): Promise<void> {
    await this.request(
      `/objectives/${encodeURIComponent(id)}?version=${version}`,
      { method: 'DELETE' },
    );
  }

  checkIn(keyResultId: string, checkIn: CheckInRequest): Promise<CheckIn> {
    return this.request(
      `/key-results/${encodeURIComponent(keyResultId)}/check-ins`,
      { method: 'POST', body: JSON.stringify(checkIn) },
    );
  }

  async recordReviewExport(
    quarter: string,
    format: 'markdown' | 'print',
  ): Promise<void> {
    await this.request('/review-exports', {
      method: 'POST',
      body: JSON.stringify({ quarter, format }),
    });
  }

  getThemeDemand(theme: string): Promise<ThemeDemand[]> {
    return this.nps.get(theme);
  }
}
