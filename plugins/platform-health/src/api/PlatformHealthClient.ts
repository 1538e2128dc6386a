import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { PluginBackendClient } from '@paved/frontend-utils';
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

/** Talks to the platform-health backend through the portal's discovery and fetch APIs. */
export class PlatformHealthClient
  extends PluginBackendClient
  implements PlatformHealthApi
{
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    super('platform-health', options);
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
}
