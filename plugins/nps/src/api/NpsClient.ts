import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { PluginBackendClient } from '@paved/frontend-utils';
import {
  Campaign,
  CampaignComments,
  CampaignResults,
  CreateCampaignRequest,
  UpdateCampaignRequest,
  Prompt,
  SubmitAnswerRequest,
  ThemeCount,
  Trend,
} from '@paved/plugin-nps-common';
import type { ShippedItem } from '@paved/plugin-roadmap-common';
import { NpsApi } from './NpsApi';

/** Talks to the NPS backend through the portal's discovery and fetch APIs. */
export class NpsClient extends PluginBackendClient implements NpsApi {
  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    super('nps', options);
  }

  getPrompt(options?: { includePutOff?: boolean }): Promise<Prompt> {
    return this.request(
      options?.includePutOff ? '/prompt?includePutOff=true' : '/prompt',
    );
  }

  async answer(campaignId: string, answer: SubmitAnswerRequest): Promise<void> {
    await this.request(`/campaigns/${encodeURIComponent(campaignId)}/answers`, {
      method: 'POST',
      body: JSON.stringify(answer),
    });
  }

  remindLater(campaignId: string): Promise<{ until: string }> {
    return this.request(
      `/campaigns/${encodeURIComponent(campaignId)}/remind-later`,
      { method: 'POST', body: '{}' },
    );
  }

  async notThisQuarter(campaignId: string): Promise<void> {
    await this.request(
      `/campaigns/${encodeURIComponent(campaignId)}/not-this-quarter`,
      { method: 'POST', body: '{}' },
    );
  }

  async listCampaigns(): Promise<Campaign[]> {
    const { items } = await this.request<{ items: Campaign[] }>('/campaigns');
    return items;
  }

  getResults(campaignId: string): Promise<CampaignResults> {
    return this.request(`/campaigns/${encodeURIComponent(campaignId)}/results`);
  }

  getTrend(): Promise<Trend> {
    return this.request('/trend');
  }

  getComments(campaignId: string): Promise<CampaignComments> {
    return this.request(
      `/campaigns/${encodeURIComponent(campaignId)}/comments`,
    );
  }

  async setThemes(responseId: string, themes: string[]): Promise<void> {
    await this.request(`/responses/${encodeURIComponent(responseId)}/themes`, {
      method: 'PUT',
      body: JSON.stringify({ themes }),
    });
  }

  async getThemes(campaignId?: string): Promise<ThemeCount[]> {
    const path = campaignId
      ? `/campaigns/${encodeURIComponent(campaignId)}/themes`
      : '/themes';
    const { items } = await this.request<{ items: ThemeCount[] }>(path);
    return items;
  }

  async exportCsv(
    campaignId: string,
    what: 'results' | 'comments',
  ): Promise<string> {
    const response = await this.send(
      `/campaigns/${encodeURIComponent(campaignId)}/${what}.csv`,
    );
    return response.text();
  }

  createCampaign(campaign: CreateCampaignRequest): Promise<Campaign> {
    return this.request('/campaigns', {
      method: 'POST',
      body: JSON.stringify(campaign),
    });
  }

  updateCampaign(
    campaignId: string,
    patch: UpdateCampaignRequest,
  ): Promise<Campaign> {
    return this.request(`/campaigns/${encodeURIComponent(campaignId)}`, {
      method: 'PATCH',
      body: JSON.stringify(patch),
    });
  }

  closeCampaign(campaignId: string): Promise<Campaign> {
    return this.request(`/campaigns/${encodeURIComponent(campaignId)}/close`, {
      method: 'POST',
    });
  }

  async deleteCampaign(campaignId: string): Promise<void> {
    await this.request(`/campaigns/${encodeURIComponent(campaignId)}`, {
      method: 'DELETE',
    });
  }

  async getShippedSince(since: string): Promise<ShippedItem[]> {
    // The roadmap is another plugin: without it, there is simply nothing to say.
    try {
      const base = await this.options.discoveryApi.getBaseUrl('roadmap');
      const response = await this.options.fetchApi.fetch(
        `${base}/shipped?since=${encodeURIComponent(since)}`,
      );
      if (!response.ok) return [];
      const { items } = (await response.json()) as { items: ShippedItem[] };
      return items;
    } catch {
      return [];
    }
  }
}
