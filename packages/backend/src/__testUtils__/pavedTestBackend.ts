import fs from 'node:fs';
import path from 'node:path';
import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { PlatformPermissionPolicy } from '@paved/plugin-permission-backend-module-platform-policy';
import goldenPathsPlugin from '@paved/plugin-golden-paths-backend';
import npsPlugin from '@paved/plugin-nps-backend';
import platformHealthPlugin from '@paved/plugin-platform-health-backend';
import platformMetricsPlugin from '@paved/plugin-platform-metrics-backend';
import researchPlugin from '@paved/plugin-research-backend';
import roadmapPlugin from '@paved/plugin-roadmap-backend';
import knexFactory, { Knex } from 'knex';
import { parseAllDocuments } from 'yaml';

const repoRoot = path.resolve(__dirname, '../../../..');

/** The people every API test acts as. */
export const PEOPLE = {
  /** A developer (checkout). */
  developer: 'user:default/jonas.weber',
  /** A platform PM (platform-team). */
  pm: 'user:default/priya.raman',
} as const;

/** The identities an API request can come with. */
export type Identity = 'anonymous' | 'developer' | 'pm' | 'service';

/** Every identity, in the order the access table lists them. */
export const IDENTITIES: Identity[] = [
  'anonymous',
  'developer',
  'pm',
  'service',
];

/** The Authorization header of an identity, if any. */
export function authorization(identity: Identity): string | undefined {
  switch (identity) {
    case 'developer':
      return mockCredentials.user.header(PEOPLE.developer);
    case 'pm':
      return mockCredentials.user.header(PEOPLE.pm);
    case 'service':
      return mockCredentials.service.header();
    default:
      return undefined;
  }
}

/** The demo organisation's users and groups, as the catalog serves them. */
export function demoOrganisation(): Entity[] {
  const text = fs.readFileSync(
    path.join(repoRoot, 'examples/org.yaml'),
    'utf8',
  );
  const entities = parseAllDocuments(text)
    .map(doc => doc.toJSON() as Entity)
    .filter(Boolean)
    .map(entity => ({
      ...entity,
      metadata: { namespace: 'default', ...entity.metadata },
    }));
  // The relations the catalog would compute from spec.memberOf.
  return entities.map(entity =>
    entity.kind === 'User'
      ? {
          ...entity,
          relations: ((entity.spec?.memberOf as string[]) ?? []).map(team => ({
            type: 'memberOf',
            targetRef: `group:default/${team}`,
          })),
        }
      : entity,
  );
}

/** Every Paved backend plugin, as packages/backend adds them. */
export const PAVED_PLUGINS = [
  npsPlugin,
  roadmapPlugin,
  goldenPathsPlugin,
  platformMetricsPlugin,
  researchPlugin,
  platformHealthPlugin,
];

/**
 * The Paved backend plugins in one in-process backend, with the real permission
 * policy deciding (service principals pass, as Backstage's permissions service
 * lets them), each user's teams from the demo organisation, and one in-memory
 * SQLite database per plugin that the test can inspect.
 */
export async function startPavedBackend(
  options: {
    /** Further service factories or features, e.g. a logger that records. */
    features?: Parameters<typeof startTestBackend>[0]['features'];
    /** Config layered over the test defaults. */
    config?: Record<string, unknown>;
  } = {},
): Promise<{
  backend: Awaited<ReturnType<typeof startTestBackend>>;
  server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  databases: Map<string, Knex>;
}> {
  const organisation = demoOrganisation();
  const teams = new Map(
    organisation
      .filter(e => e.kind === 'User')
      .map(user => [
        stringifyEntityRef(user),
        (user.relations ?? []).map(r => r.targetRef),
      ]),
  );
  const databases = new Map<string, Knex>();

  const database = createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    async factory({ plugin }) {
      const knex = knexFactory({
        client: 'better-sqlite3',
        connection: ':memory:',
        useNullAsDefault: true,
      });
      databases.set(plugin.getId(), knex);
      return { getClient: async () => knex };
    },
  });

  const userInfo = createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    async factory() {
      return {
        async getUserInfo(credentials: BackstageCredentials) {
          const ref = (credentials.principal as BackstageUserPrincipal)
            .userEntityRef;
          return {
            userEntityRef: ref,
            ownershipEntityRefs: [ref, ...(teams.get(ref) ?? [])],
          };
        },
      };
    },
  });

  const permissions = createServiceFactory({
    service: coreServices.permissions,
    deps: { config: coreServices.rootConfig, userInfo: coreServices.userInfo },
    async factory({ config, userInfo: info }) {
      const policy = PlatformPermissionPolicy.fromConfig(config);
      const decide = async (
        requests: Array<{ permission: { name: string } }>,
        credentials: BackstageCredentials,
      ) => {
        const principal = credentials.principal as { type: string };
        if (principal.type !== 'user') {
          return requests.map(() => ({ result: AuthorizeResult.ALLOW }));
        }
        const user = {
          info: await info.getUserInfo(credentials),
        } as Parameters<PlatformPermissionPolicy['handle']>[1];
        return Promise.all(
          requests.map(async request => ({
            result: (await policy.handle(request as any, user)).result,
          })),
        );
      };
      return {
        authorize: (requests, { credentials }) =>
          decide(requests as any, credentials) as any,
        authorizeConditional: (requests, { credentials }) =>
          decide(requests as any, credentials) as any,
      } as PermissionsService;
    },
  });

  const backend = await startTestBackend({
    features: [
      ...PAVED_PLUGINS,
      catalogServiceMock.factory({ entities: organisation }),
      database,
      userInfo,
      permissions,
      // Without credentials a request is anonymous, as in the real backend.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          paved: { platformGroup: 'group:default/platform-team' },
          nps: { schedule: { enabled: false } },
          ...options.config,
        },
      }),
      ...(options.features ?? []),
    ],
  });
  return { backend, server: backend.server, databases };
}

/** One route of a router: its method and full path, e.g. POST /api/nps/campaigns/:id/close. */
export interface Route {
  method: string;
  path: string;
}

// "/api/nps" back from an Express 4 mount regexp such as /^\/api\/nps\/?(?=\/|$)/i.
function mountPath(layer: any): string {
  if (layer.regexp?.fast_slash) return '';
  const source: string = layer.regexp?.source ?? '';
  const match = /^\^((?:\\\/[^\\?()]+)*)\\\/\?\(\?=\\\/\|\$\)$/.exec(source);
  return match ? match[1].replace(/\\\//g, '/') : '';
}

/**
 * Every route the running backend's routers serve, found by walking its Express
 * router stacks, so that a route added to a router is found without a list.
 */
export function routesOf(server: { listeners(event: 'request'): Function[] }) {
  const app = server.listeners('request')[0] as any;
  const routes: Route[] = [];
  const walk = (stack: any[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) {
          if (method === '_all') continue;
          routes.push({
            method: method.toUpperCase(),
            path: `${prefix}${layer.route.path}`,
          });
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix + mountPath(layer));
      }
    }
  };
  walk(app._router.stack, '');
  const unique = new Map(routes.map(r => [`${r.method} ${r.path}`, r]));
  return [...unique.values()].sort((a, b) =>
    `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`),
  );
}

/** A concrete URL for a route: parameters replaced by plausible values. */
export function concretePath(route: string): string {
  return route.replace(/:(\w+)/g, (_, name: string) => {
    if (/id$/i.test(name)) return '00000000-0000-4000-8000-000000000000';
    if (name === 'namespace') return 'default';
    if (name === 'kind') return 'component';
    return 'checkout-api';
  });
}
