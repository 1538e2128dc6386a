import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { JOINED_AT_ANNOTATION } from '@paved/plugin-platform-metrics-common';
import { CatalogEntry } from '../database/MetricsStore';

/** What Paved asks the catalog: which services exist and who owns them, and who joined when. */
export interface ServiceDirectory {
  /** Per service ref: its owner, null when the catalog does not know it, undefined when it could not be asked. */
  lookup(refs: readonly string[]): Promise<Map<string, CatalogEntry>>;
  /** Every user with the start their `paved.dev/joined-at` annotation gives (epoch ms), if any. */
  users(): Promise<Array<{ ref: string; joinedAt: number | null }>>;
}

const lower = (s: string) => s.toLocaleLowerCase('en-US');

/** The owner of a component: its ownedBy relation, as a lower-case ref. */
function ownerOf(entity: Entity): string | null {
  const relation = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
  return relation ? lower(relation.targetRef) : null;
}

/** Reads the catalog as the platform-metrics plugin itself. */
export class CatalogDirectory implements ServiceDirectory {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
  ) {}

  async lookup(refs: readonly string[]): Promise<Map<string, CatalogEntry>> {
    const result = new Map<string, CatalogEntry>();
    if (refs.length === 0) return result;
    try {
      const { items } = await this.catalog.getEntitiesByRefs(
        {
          entityRefs: [...refs],
          fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
        },
        { credentials: await this.auth.getOwnServiceCredentials() },
      );
      refs.forEach((ref, i) => {
        const entity = items[i];
        result.set(ref, entity ? { owner: ownerOf(entity) } : null);
      });
    } catch (error) {
      // Events are never refused because the catalog is down: flagged later.
      this.logger.warn(`Could not ask the catalog about services: ${error}`);
      refs.forEach(ref => result.set(ref, undefined));
    }
    return result;
  }

  async users(): Promise<Array<{ ref: string; joinedAt: number | null }>> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'User' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items.map(user => {
      const joined = user.metadata.annotations?.[JOINED_AT_ANNOTATION];
      const at = joined ? Date.parse(joined) : NaN;
      if (joined && Number.isNaN(at)) {
        this.logger.warn(
          `Ignoring ${JOINED_AT_ANNOTATION} "${joined}" of ${stringifyEntityRef(
            user,
          )}: not an ISO 8601 date`,
        );
      }
      return {
        ref: lower(stringifyEntityRef(user)),
        joinedAt: Number.isNaN(at) ? null : at,
      };
    });
  }
}
