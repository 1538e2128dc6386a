import {
  AuthService,
  BackstageCredentials,
  CacheService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  GOLDEN_PATH_ANNOTATION,
  isGoldenPathTemplate,
} from '@paved/plugin-golden-paths-common';

/** Where the golden-path templates come from: the catalog, live or cached. */
export interface GoldenPathTemplates {
  /** Every approved golden-path template the caller may read. */
  list(credentials: BackstageCredentials): Promise<Entity[]>;
  /** One template by ref, if the caller may read it (golden path or not). */
  get(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined>;
}

const TEMPLATE_FILTER = {
  kind: 'Template',
  [`metadata.annotations.${GOLDEN_PATH_ANNOTATION}`]: 'true',
};

/** The catalog asked on every call, with the caller's credentials. */
export class LiveGoldenPathTemplates implements GoldenPathTemplates {
  constructor(private readonly catalog: CatalogService) {}

  async list(credentials: BackstageCredentials): Promise<Entity[]> {
    const { items } = await this.catalog.getEntities(
      { filter: TEMPLATE_FILTER },
      { credentials },
    );
    return items.filter(isGoldenPathTemplate);
  }

  async get(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    return this.catalog.getEntityByRef(ref, { credentials });
  }
}

// Backstage's catalog read permission (as @backstage/plugin-catalog-common declares it).
const catalogEntityReadPermission = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/** The cache key of the template list; bump the suffix when its shape changes. */
export const TEMPLATES_CACHE_KEY = 'golden-path-templates:v1';

/**
 * The golden-path templates from Backstage's cache service, so reading the path
 * catalog does not ask the catalog on every request. A scheduled refresh
 * (`refresh`) reads them with the plugin's own credentials; a caller gets the
 * cached list when the permission policy lets them read every catalog entity,
 * nothing when it lets them read none, and the live catalog with their own
 * credentials when their access is conditional, so catalog permissions still
 * apply. A path added between refreshes is found by `get` all the same.
 */
export class CachedGoldenPathTemplates implements GoldenPathTemplates {
  private inflight?: Promise<Entity[]>;

  constructor(
    private readonly deps: {
      live: GoldenPathTemplates;
      catalog: CatalogService;
      cache: CacheService;
      auth: AuthService;
      permissions: PermissionsService;
      logger: LoggerService;
      /** How long a refreshed list stays usable if refreshes stop. */
      ttlMs: number;
    },
  ) {}

  /** Reads the templates from the catalog and stores them in the cache. */
  async refresh(): Promise<Entity[]> {
    // One catalog read at a time per replica, however many requests miss together.
    if (!this.inflight) {
      this.inflight = (async () => {
        const { catalog, auth, cache, ttlMs } = this.deps;
        const { items } = await catalog.getEntities(
          { filter: TEMPLATE_FILTER },
          { credentials: await auth.getOwnServiceCredentials() },
        );
        const templates = items.filter(isGoldenPathTemplate);
        await cache.set(TEMPLATES_CACHE_KEY, templates as any, { ttl: ttlMs });
        return templates;
      })().finally(() => {
        this.inflight = undefined;
      });
    }
    return this.inflight;
  }

  private async cached(): Promise<Entity[]> {
    let value: unknown;
    try {
      value = await this.deps.cache.get(TEMPLATES_CACHE_KEY);
    } catch (error) {
      // A cache store that is away (Redis, memcache) costs a catalog read, not the page.
      this.deps.logger.warn(`Golden-path template cache unavailable: ${error}`);
    }
    return Array.isArray(value) ? (value as Entity[]) : this.refresh();
  }

  private async access(
    credentials: BackstageCredentials,
  ): Promise<AuthorizeResult> {
    const [decision] = await this.deps.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    return decision.result;
  }

  async list(credentials: BackstageCredentials): Promise<Entity[]> {
    const access = await this.access(credentials);
    if (access === AuthorizeResult.DENY) return [];
    if (access === AuthorizeResult.CONDITIONAL)
      return this.deps.live.list(credentials);
    return this.cached();
  }

  async get(
    ref: CompoundEntityRef,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    const access = await this.access(credentials);
    if (access === AuthorizeResult.DENY) return undefined;
    if (access === AuthorizeResult.ALLOW) {
      const wanted = stringifyEntityRef(ref);
      const hit = (await this.cached()).find(
        t => stringifyEntityRef(t) === wanted,
      );
      if (hit) return hit;
    }
    return this.deps.live.get(ref, credentials);
  }
}
