import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { RoadmapItemRef } from '@paved/plugin-research-common';
import { getFromPlugin } from './pluginRequest';

/** Where roadmap items (for finding links, preview stages and general availability) come from. */
export interface RoadmapItemSource {
  /** Every roadmap item with its stage; undefined when the roadmap cannot be asked. */
  items(): Promise<RoadmapItemRef[] | undefined>;
}

/** Reads the roadmap backend's item statuses, service to service. */
export class RoadmapApiItemSource implements RoadmapItemSource {
  constructor(
    private readonly services: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async items(): Promise<RoadmapItemRef[] | undefined> {
    try {
      const { items } = await getFromPlugin<{ items: RoadmapItemRef[] }>(
        this.services,
        'roadmap',
        '/item-statuses',
      );
      return items;
    } catch (error) {
      this.services.logger.warn(`Could not read the roadmap items: ${error}`);
      return undefined;
    }
  }
}
