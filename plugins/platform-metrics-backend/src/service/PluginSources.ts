import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { MAX_PAGE_SIZE, isShipped } from '@paved/plugin-roadmap-common';

/** A roadmap item that became generally available. */
export interface RoadmapRelease {
  id: string;
  title: string;
  summary: string;
  shippedAt: number;
}

/** Where platform releases and golden-path services come from. */
export interface PlatformSources {
  /** Roadmap items that became generally available, read as the caller. */
  roadmapReleases(credentials: BackstageCredentials): Promise<RoadmapRelease[]>;
  /** Components created from an approved golden path (lower-case refs), read as the caller. */
  goldenPathServices(credentials: BackstageCredentials): Promise<Set<string>>;
}

/**
 * Reads the roadmap and golden-paths backends on behalf of the caller (a
 * plugin token with the caller's identity, so their permissions apply).
 * Without either plugin, or while it is down, there is simply nothing.
 */
export class PluginSources implements PlatformSources {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
  ) {}

  private async get<T>(
    pluginId: string,
    path: string,
    credentials: BackstageCredentials,
  ): Promise<T> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: pluginId,
    });
    const base = await this.discovery.getBaseUrl(pluginId);
    const response = await fetch(`${base}${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw new Error(`${response.status} ${response.statusText}`);
    }
    return (await response.json()) as T;
  }

  async roadmapReleases(
    credentials: BackstageCredentials,
  ): Promise<RoadmapRelease[]> {
    type Item = {
      id: string;
      title: string;
      summary: string;
      status: string;
      shippedAt: string | null;
    };
    try {
      // The roadmap's list is paged: read every page, not just the first.
      const items: Item[] = [];
      let offset: number | undefined = 0;
      while (offset !== undefined) {
        const page: { items: Item[]; pageInfo?: { nextOffset?: number } } =
          await this.get(
            'roadmap',
            `/items?limit=${MAX_PAGE_SIZE}&offset=${offset}`,
            credentials,
          );
        items.push(...page.items);
        const next = page.pageInfo?.nextOffset;
        offset = next !== undefined && next > offset ? next : undefined;
      }
      return items
        .filter(i => isShipped(i) && i.shippedAt)
        .map(i => ({
          id: i.id,
          title: i.title,
          summary: i.summary,
          shippedAt: Date.parse(i.shippedAt!),
        }));
    } catch (error) {
      this.logger.warn(`Could not read roadmap releases: ${error}`);
      return [];
    }
  }

  async goldenPathServices(
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const services = new Set<string>();
    try {
      const { paths } = await this.get<{
        paths: Array<{ namespace: string; name: string }>;
      }>('golden-paths', '/paths', credentials);
      const details = await Promise.all(
        paths.map(p =>
          this.get<{ services: Array<{ entityRef: string }> }>(
            'golden-paths',
            `/paths/${encodeURIComponent(p.namespace)}/${encodeURIComponent(
              p.name,
            )}`,
            credentials,
          ),
        ),
      );
      for (const d of details) {
        for (const s of d.services) {
          services.add(s.entityRef.toLocaleLowerCase('en-US'));
        }
      }
    } catch (error) {
      this.logger.warn(`Could not read golden-path services: ${error}`);
    }
    return services;
  }
}
