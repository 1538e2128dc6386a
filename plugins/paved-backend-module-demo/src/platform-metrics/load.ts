import { AuthService } from '@backstage/backend-plugin-api';
import {
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CatalogEntry,
  PlatformMetricsDemoDataContext,
} from '@paved/plugin-platform-metrics-backend';
import {
  DAY_MS,
  JOINED_AT_ANNOTATION,
  MAX_BATCH,
} from '@paved/plugin-platform-metrics-common';
import { demoRoadmapReleases } from '../roadmap/demoData';
import {
  DEMO_CI,
  DemoDeveloper,
  DemoService,
  generateDeliveryHistory,
  unmappedDemoEvents,
} from './demoData';

const lower = (s: string) => s.toLocaleLowerCase('en-US');
// The roadmap item whose release makes golden-path services faster.
const RELEASE = 'Service template v2';

/** The demo's services (deploying components), people and golden paths, from the catalog. */
async function readCatalog(catalog: CatalogService, auth: AuthService) {
  const credentials = await auth.getOwnServiceCredentials();
  const [components, templates, users] = await Promise.all([
    catalog.getEntities(
      {
        filter: { kind: 'Component', 'spec.type': ['service', 'website'] },
        fields: ['kind', 'metadata', 'relations'],
      },
      { credentials },
    ),
    catalog.getEntities(
      {
        filter: {
          kind: 'Template',
          'metadata.annotations.paved.dev/golden-path': 'true',
        },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    ),
    catalog.getEntities(
      { filter: { kind: 'User' }, fields: ['kind', 'metadata', 'relations'] },
      { credentials },
    ),
  ]);
  const goldenPaths = new Set(
    templates.items.map(t => lower(stringifyEntityRef(t))),
  );
  const services: DemoService[] = components.items.flatMap(c => {
    const owner = c.relations?.find(r => r.type === RELATION_OWNED_BY);
    if (!owner) return [];
    const annotations = c.metadata.annotations ?? {};
    const created = annotations['paved.dev/created-at'];
    const template = annotations['backstage.io/source-template'];
    return [
      {
        ref: lower(stringifyEntityRef(c)),
        owner: lower(owner.targetRef),
        createdAt: created ? Date.parse(created) : null,
        goldenPath: Boolean(template && goldenPaths.has(lower(template))),
      },
    ];
  });
  const developers: DemoDeveloper[] = users.items.flatMap(u => {
    const team = u.relations?.find(r => r.type === RELATION_MEMBER_OF);
    if (!team) return [];
    const joined = u.metadata.annotations?.[JOINED_AT_ANNOTATION];
    return [
      {
        ref: lower(stringifyEntityRef(u)),
        team: lower(team.targetRef),
        joinedAt: joined ? Date.parse(joined) : null,
      },
    ];
  });
  return { services, developers };
}

/**
 * Loads a year of delivery history for the demo organisation through the
 * plugin's store, unless it is there already; false while the catalog is
 * still ingesting the demo services (their count must be the same at two
 * checks in a row, kept in `seen`).
 */
export async function loadPlatformMetricsDemoData(
  context: PlatformMetricsDemoDataContext,
  catalog: CatalogService,
  auth: AuthService,
  seen: { services: number },
  now = Date.now(),
): Promise<boolean> {
  const { store, service } = context;
  if (await store.hasSource(DEMO_CI)) return false;
  const { services, developers } = await readCatalog(catalog, auth);
  const settled = services.length > 0 && services.length === seen.services;
  seen.services = services.length;
  if (!settled || developers.length === 0) return false;
  const releaseAt =
    demoRoadmapReleases(new Date(now)).get(RELEASE)?.getTime() ??
    now - 75 * DAY_MS;
  const { deployments, incidents } = generateDeliveryHistory({
    services,
    developers,
    releaseAt,
    now,
  });
  const known = new Map<string, CatalogEntry>(
    services.map(s => [s.ref, { owner: s.owner }]),
  );
  known.set('component:default/payments-gw', null);
  // Incidents first: their causes are found whenever deployments arrive.
  for (let i = 0; i < incidents.length; i += MAX_BATCH) {
    await store.ingestIncidents(incidents.slice(i, i + MAX_BATCH), known, now);
  }
  const all = [...deployments, ...unmappedDemoEvents(now)];
  for (let i = 0; i < all.length; i += MAX_BATCH) {
    await store.ingestDeployments(all.slice(i, i + MAX_BATCH), known, now);
  }
  await store.addMarker(
    {
      title: 'Deploy pipeline v3: canary by default',
      description:
        'Every production deployment goes through a 10% canary first (a PM marker).',
      releasedAt: now - 150 * DAY_MS,
      createdBy: 'user:default/priya.raman',
    },
    now,
  );
  await service.syncCatalog();
  return true;
}
