import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { PluginBackendClient } from '@paved/frontend-utils';
import {
  CreateItemRequest,
  ItemDemand,
  MAX_PAGE_SIZE,
  MoveItemRequest,
  Page,
  RoadmapChange,
  RoadmapItem,
  RoadmapNotification,
  TopThemes,
  UpdateItemRequest,
} from '@paved/plugin-roadmap-common';
import { RoadmapApi } from './RoadmapApi';

const item = (id: string) => `/items/${encodeURIComponent(id)}`;

/** Talks to the roadmap backend through the portal's discovery and fetch APIs. */
export class RoadmapClient extends PluginBackendClient implements RoadmapApi {
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    super('roadmap', options);
  }

  // The board shows the whole roadmap: every page, in the backend's order.
  async listItems(): Promise<RoadmapItem[]> {
    const items: RoadmapItem[] = [];
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      const page: Page<RoadmapItem> = await this.request(
        `/items?limit=${MAX_PAGE_SIZE}&offset=${offset}`,
      );
      items.push(...page.items);
      offset = page.pageInfo.nextOffset;
    }
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
    // The inbox shows the first page: unread first, then the latest read.
    const { items } = await this.request<Page<RoadmapNotification>>(
      '/notifications?limit=50',
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

  getTopThemes(limit = 5): Promise<TopThemes> {
    return this.request(`/top-themes?limit=${limit}`);
  }

  setThemes(id: string, themes: string[]): Promise<ItemDemand> {
    return this.request(`/items/${encodeURIComponent(id)}/themes`, {
      method: 'PUT',
      body: JSON.stringify({ themes }),
    });
  }
}
