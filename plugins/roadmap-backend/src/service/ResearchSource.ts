import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResearchSummary, StudyDemand } from '@paved/plugin-roadmap-common';

/** What user research says about the roadmap. */
export interface ResearchSource {
  /** Per study, interview participants whose findings link to the item; oldest first. */
  demand(itemId: string): Promise<StudyDemand[]>;
  /** Public study summaries published since a moment, newest first. */
  summaries(since: Date): Promise<ResearchSummary[]>;
}

/** No research plugin: no interview demand and no summaries. */
export const noResearch: ResearchSource = {
  demand: async () => [],
  summaries: async () => [],
};

/** Asks the research backend, as the roadmap plugin itself (a service-to-service call). */
export class ResearchBackendSource implements ResearchSource {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
  ) {}

  private async get<T>(path: string): Promise<T[]> {
    try {
      const { token } = await this.auth.getPluginRequestToken({
        onBehalfOf: await this.auth.getOwnServiceCredentials(),
        targetPluginId: 'research',
      });
      const base = await this.discovery.getBaseUrl('research');
      const response = await fetch(`${base}${path}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok) {
        throw new Error(`${response.status} ${response.statusText}`);
      }
      return ((await response.json()) as { items: T[] }).items;
    } catch (error) {
      // Without the research plugin (or while it is down) an item has no interview demand.
      this.logger.warn(`Could not read from the research plugin: ${error}`);
      return [];
    }
  }

  demand(itemId: string): Promise<StudyDemand[]> {
    return this.get(`/item-demand?item=${encodeURIComponent(itemId)}`);
  }

  summaries(since: Date): Promise<ResearchSummary[]> {
    return this.get(`/summaries?since=${since.toISOString().slice(0, 10)}`);
  }
}
