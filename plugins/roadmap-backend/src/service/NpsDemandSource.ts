import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CampaignDemand } from '@paved/plugin-roadmap-common';

/** Where the demand for a set of NPS themes comes from. */
export interface DemandSource {
  /** Per campaign, how many comments carry any of the themes; oldest first. */
  demand(themes: string[]): Promise<CampaignDemand[]>;
}

/** Asks the NPS backend, as the roadmap plugin itself (a service-to-service call). */
export class NpsDemandSource implements DemandSource {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
  ) {}

  async demand(themes: string[]): Promise<CampaignDemand[]> {
    if (themes.length === 0) return [];
    try {
      const { token } = await this.auth.getPluginRequestToken({
        onBehalfOf: await this.auth.getOwnServiceCredentials(),
        targetPluginId: 'nps',
      });
      const base = await this.discovery.getBaseUrl('nps');
      const query = themes.map(t => `theme=${encodeURIComponent(t)}`).join('&');
      const response = await fetch(`${base}/theme-demand?${query}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok) {
        throw new Error(`${response.status} ${response.statusText}`);
      }
      const { items } = (await response.json()) as { items: CampaignDemand[] };
      return items;
    } catch (error) {
      // Without the NPS plugin (or while it is down) an item simply shows no demand.
      this.logger.warn(`Could not read NPS theme demand: ${error}`);
      return [];
    }
  }
}
