import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { PluginBackendClient } from '@paved/frontend-utils';
import {
  CreateItemRequest,
  ItemDemand,
  MoveItemRequest,
  RoadmapChange,
  RoadmapItem,
  RoadmapNotification,
  UpdateItemRequest,
} from '@paved/plugin-roadmap-common';
import { RoadmapApi } from './RoadmapApi';

const item = (id: string) => `/items/${encodeURIComponent(id)}`;

/** Talks to the roadmap backend through the portal's discovery and fetch APIs. */
export class RoadmapClient extends PluginBackendClient implements RoadmapApi {
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    super('roadmap', options);
  }

  async listItems(): Promise<RoadmapItem[]> {
    const { items } = await this.request<{ items: RoadmapItem[] }>('/items');
    return items;
  }

  getItem(id: string): Promise<RoadmapItem> {
    return this.request(item(id));
  }

  async getHistory(id: string): Promise<RoadmapChange[]> {
    const { items } = await this.request<{ items: RoadmapChange[] }>(
      `${item(id)}/history`,
    );
    return items;
  }

  createItem(body: CreateItemRequest): Promise<RoadmapItem> {
    return this.request('/items', {
      method: 'POST',
      body: JSON.stringify(body),
    });
  }

  updateItem(id: string, patch: UpdateItemRequest): Promise<RoadmapItem> {
    return this.request(item(id), {
      method: 'PATCH',
      body: JSON.stringify(patch),
    });
  }

  moveItem(id: string, move: MoveItemRequest): Promise<RoadmapItem> {
    return this.request(`${item(id)}/move`, {
      method: 'POST',
      body: JSON.stringify(move),
    });
  }

  async deleteItem(id: string, version: number): Promise<void> {
    await this.request(item(id), {
      method: 'DELETE',
      body: JSON.stringify({ version }),
    });
  }

  vote(id: string, on: boolean): Promise<RoadmapItem> {
    return this.request(`${item(id)}/vote`, {
      method: 'PUT',
      body: JSON.stringify({ on }),
    });
  }

  subscribe(id: string, on: boolean): Promise<RoadmapItem> {
    return this.request(`${item(id)}/subscription`, {
      method: 'PUT',
      body: JSON.stringify({ on }),
    });
  }

  async listNotifications(): Promise<RoadmapNotification[]> {
    const { items } = await this.request<{ items: RoadmapNotification[] }>(
      '/notifications',
    );
    return items;
  }

  async markNotificationsRead(): Promise<void> {
    await this.request('/notifications/read', { method: 'POST' });
  }

  async recordVisit(): Promise<void> {
    await this.request('/visit', { method: 'POST' });
  }

  async getReviewMarkdown(): Promise<string> {
    const response = await this.send('/review.md');
    return response.text();
  }

  getDemand(id: string): Promise<ItemDemand> {
    return this.request(`/items/${encodeURIComponent(id)}/demand`);
  }

  setThemes(id: string, themes: string[]): Promise<ItemDemand> {
    return this.request(`/items/${encodeURIComponent(id)}/themes`, {
      method: 'PUT',
      body: JSON.stringify({ themes }),
    });
  }
}
