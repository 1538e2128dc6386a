import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CREATED_AT_ANNOTATION,
  GOLDEN_PATH_ANNOTATION,
  GOLDEN_PATH_VERSION_ANNOTATION,
  sourceTemplateRef,
} from '@paved/plugin-golden-paths-common';
import {
  ComponentSighting,
  GoldenPathsStore,
} from '../database/GoldenPathsStore';

/** How the scanner decides what existed before Paved. */
export type ScanSettings = {
  /**
   * Components without a creation date first seen within this long of the
   * first scan that found any are the baseline: they were there before
   * Paved, so they are not new in any quarter.
   */
  baselineWindowMs: number;
};

const COMPONENT_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
];

/** The owner as a full group ref, or null when it is missing or unparseable. */
function ownerRef(entity: Entity): string | null {
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string' || !owner.trim()) return null;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner.trim(), {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return null;
  }
}

function createdAt(entity: Entity): Date | null {
  const value = entity.metadata.annotations?.[CREATED_AT_ANNOTATION];
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** What one catalog Component contributes to a scan. */
export function toSighting(entity: Entity): ComponentSighting {
  const template = sourceTemplateRef(entity);
  return {
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title ?? entity.metadata.name,
    ownerRef: ownerRef(entity),
    sourceTemplateRef: template ?? null,
    templateVersion: template
      ? entity.metadata.annotations?.[GOLDEN_PATH_VERSION_ANNOTATION] ?? null
      : null,
    createdAt: createdAt(entity),
  };
}

/**
 * Scans the catalog (run by a scheduled task with scope global): records the
 * approved golden-path templates and every Component with when it was first
 * seen, so services created outside the Scaffolder count too.
 */
export class CatalogScanner {
  constructor(
    private readonly deps: {
      store: GoldenPathsStore;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      settings: ScanSettings;
      now?: () => Date;
    },
  ) {}

  async scan(): Promise<{ components: number; templates: number }> {
    const { store, catalog, auth } = this.deps;
    const now = (this.deps.now ?? (() => new Date()))();
    const credentials = await auth.getOwnServiceCredentials();

    const { items: templates } = await catalog.getEntities(
      {
        filter: {
          kind: 'Template',
          [`metadata.annotations.${GOLDEN_PATH_ANNOTATION}`]: 'true',
        },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
        ],
      },
      { credentials },
    );
    await store.recordTemplates(
      templates.map(t => ({
        templateRef: stringifyEntityRef(t),
        version:
          t.metadata.annotations?.[GOLDEN_PATH_VERSION_ANNOTATION] ?? null,
      })),
      now,
    );

    const sightings: ComponentSighting[] = [];
    for await (const page of catalog.streamEntities(
      { filter: { kind: 'Component' }, fields: COMPONENT_FIELDS },
      { credentials },
    )) {
      sightings.push(...page.map(toSighting));
    }

    const firstScan =
      (await store.firstScanAt()) ?? (sightings.length ? now : undefined);
    const baseline =
      firstScan !== undefined &&
      now.getTime() - firstScan.getTime() <=
        this.deps.settings.baselineWindowMs;
    await store.recordScan(sightings, now, baseline);
    return { components: sightings.length, templates: templates.length };
  }
}
