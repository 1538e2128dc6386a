import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { CampaignDemand } from '@paved/plugin-roadmap-common';

/** A theme's comments in its newest campaign that has any (k or more only). */
export interface ThemeLatestDemand {
  theme: string;
  campaignId: string;
  title: string;
  opensAt: string;
  comments: number;
}

/** An item's demand per campaign, and the k NPS suppressed it with (null: no NPS answer). */
export interface CampaignDemands {
  minGroupSize: number | null;
  campaigns: CampaignDemand[];
}

/** Where the demand for a set of NPS themes comes from. */
export interface DemandSource {
  /**
   * Per campaign, how many comments carry any of the themes; oldest first. A
   * count under NPS's k (`minGroupSize`) comes suppressed (NPS applies it).
   */
  demand(themes: string[]): Promise<CampaignDemands>;
  /**
   * The `limit` themes most commented in their newest campaign, most first;
   * themes under NPS's k are left out (NPS applies it). Fails when NPS cannot answer.
   */
  latestDemand(
    themes: string[],
    limit: number,
  ): Promise<{ minGroupSize: number | null; items: ThemeLatestDemand[] }>;
}

/** Asks the NPS backend, as the roadmap plugin itself (a service-to-service call). */
export class NpsDemandSource implements DemandSource {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
  ) {}

  private async nps(path: string, init: RequestInit = {}): Promise<Response> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'nps',
    });
    const base = await this.discovery.getBaseUrl('nps');
    const response = await fetch(`${base}${path}`, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        Authorization: `Bearer ${token}`,
      },
    });
    if (!response.ok) {
      throw new Error(`${response.status} ${response.statusText}`);
    }
    return response;
  }

  async latestDemand(
    themes: string[],
    limit: number,
  ): Promise<{ minGroupSize: number | null; items: ThemeLatestDemand[] }> {
    if (themes.length === 0) return { minGroupSize: null, items: [] };
    try {
      const response = await this.nps('/theme-demand/latest', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ themes, limit }),
      });
      return (await response.json()) as {
        minGroupSize: number;
        items: ThemeLatestDemand[];
      };
    } catch (error) {
      // Unlike an item's demand, a top-themes list without counts means nothing.
      this.logger.warn(`Could not read NPS theme demand: ${error}`);
      throw new ServiceUnavailableError(
        `The survey themes cannot be read right now: ${error}`,
      );
    }
  }

  async demand(themes: string[]): Promise<CampaignDemands> {
    if (themes.length === 0) return { minGroupSize: null, campaigns: [] };
    try {
      const query = themes.map(t => `theme=${encodeURIComponent(t)}`).join('&');
      const response = await this.nps(`/theme-demand?${query}`);
      const { minGroupSize, items } = (await response.json()) as {
        minGroupSize: number;
        items: CampaignDemand[];
      };
      return { minGroupSize, campaigns: items };
    } catch (error) {
      // Without the NPS plugin (or while it is down) an item simply shows no demand.
      this.logger.warn(`Could not read NPS theme demand: ${error}`);
      return { minGroupSize: null, campaigns: [] };
    }
  }
}
