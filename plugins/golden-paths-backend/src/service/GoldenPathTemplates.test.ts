import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  CachedGoldenPathTemplates,
  LiveGoldenPathTemplates,
  TEMPLATES_CACHE_KEY,
} from './GoldenPathTemplates';

function template(name: string, golden = true): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name,
      namespace: 'default',
      annotations: golden ? { 'paved.dev/golden-path': 'true' } : {},
    },
    spec: { owner: 'group:default/platform-team' },
  };
}

// A real in-memory cache behind the cache service's interface.
function memoryCache() {
  const values = new Map<string, unknown>();
  const cache = mockServices.cache.mock({
    get: async (key: string) => values.get(key) as any,
    set: async (key: string, value: unknown) => {
      values.set(key, value);
    },
    delete: async (key: string) => {
      values.delete(key);
    },
  });
  return { cache, values };
}

function setup(
  entities: Entity[],
  access: (user?: string) => AuthorizeResult = () => AuthorizeResult.ALLOW,
) {
  // The catalog as it is at each call, so a test can add a template later.
  const now = () => catalogServiceMock({ entities: [...entities] });
  const catalog = catalogServiceMock();
  const getEntities = jest
    .spyOn(catalog, 'getEntities')
    .mockImplementation((req, opts) => now().getEntities(req, opts));
  const getEntityByRef = jest
    .spyOn(catalog, 'getEntityByRef')
    .mockImplementation((ref, opts) => now().getEntityByRef(ref, opts));
  const { cache, values } = memoryCache();
  const permissions = mockServices.permissions.mock({
    async authorizeConditional(requests: any[], { credentials }: any) {
      return requests.map(() => ({
        result: access(credentials.principal?.userEntityRef),
        ...(access(credentials.principal?.userEntityRef) ===
        AuthorizeResult.CONDITIONAL
          ? {
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: { rule: 'IS_ENTITY_OWNER', params: {} },
            }
          : {}),
      })) as any;
    },
  });
  const templates = new CachedGoldenPathTemplates({
    live: new LiveGoldenPathTemplates(catalog),
    catalog,
    cache,
    auth: mockServices.auth(),
    permissions: permissions as any,
    logger: mockServices.logger.mock(),
    ttlMs: 90_000,
  });
  return { templates, getEntities, getEntityByRef, values, entities };
}

const dev = mockCredentials.user('user:default/jonas.weber');

describe('CachedGoldenPathTemplates', () => {
  it('asks the catalog once, then serves every request from the cache', async () => {
    const { templates, getEntities, getEntityByRef } = setup([
      template('typescript-service'),
      template('react-app'),
      template('not-a-path', false),
    ]);
    const names = (es: Entity[]) => es.map(e => e.metadata.name).sort();
    for (let i = 0; i < 5; i++) {
      expect(names(await templates.list(dev))).toEqual([
        'react-app',
        'typescript-service',
      ]);
    }
    const one = await templates.get(
      { kind: 'template', namespace: 'default', name: 'react-app' },
      dev,
    );
    expect(one?.metadata.name).toBe('react-app');
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(getEntityByRef).not.toHaveBeenCalled();
  });

  it('reads the catalog once however many requests miss the cache together', async () => {
    const { templates, getEntities } = setup([template('typescript-service')]);
    const lists = await Promise.all(
      Array.from({ length: 20 }, () => templates.list(dev)),
    );
    expect(lists.every(l => l.length === 1)).toBe(true);
    expect(getEntities).toHaveBeenCalledTimes(1);
  });

  it('shows a new path after the next refresh, and finds it by ref at once', async () => {
    const { templates, entities } = setup([template('typescript-service')]);
    await templates.refresh();
    entities.push(template('shared-library'));
    // Not in the cached list yet, but a direct read finds it in the catalog.
    expect((await templates.list(dev)).length).toBe(1);
    expect(
      (
        await templates.get(
          { kind: 'template', namespace: 'default', name: 'shared-library' },
          dev,
        )
      )?.metadata.name,
    ).toBe('shared-library');
    await templates.refresh();
    expect((await templates.list(dev)).length).toBe(2);
  });

  it('stores the list under its key with a time to live', async () => {
    const { templates, values } = setup([template('typescript-service')]);
    await templates.refresh();
    expect((values.get(TEMPLATES_CACHE_KEY) as Entity[]).length).toBe(1);
  });

  it('keeps catalog permissions: nothing when refused, the live catalog when conditional', async () => {
    const OUTSIDER = 'user:default/outsider';
    const LIMITED = 'user:default/limited';
    const { templates, getEntities } = setup(
      [template('typescript-service')],
      user => {
        if (user === OUTSIDER) return AuthorizeResult.DENY;
        if (user === LIMITED) return AuthorizeResult.CONDITIONAL;
        return AuthorizeResult.ALLOW;
      },
    );
    expect(await templates.list(mockCredentials.user(OUTSIDER))).toEqual([]);
    expect(
      await templates.get(
        { kind: 'template', namespace: 'default', name: 'typescript-service' },
        mockCredentials.user(OUTSIDER),
      ),
    ).toBeUndefined();
    expect(getEntities).not.toHaveBeenCalled();

    const limited = mockCredentials.user(LIMITED);
    expect((await templates.list(limited)).length).toBe(1);
    // The conditional caller's read went to the catalog with their own credentials.
    expect(getEntities).toHaveBeenCalledWith(expect.anything(), {
      credentials: limited,
    });
  });

  it('falls back to the catalog when the cache store is away', async () => {
    const { templates, getEntities } = setup([template('typescript-service')]);
    (templates as any).deps.cache.get = async () => {
      throw new Error('ECONNREFUSED redis');
    };
    expect((await templates.list(dev)).length).toBe(1);
    expect((await templates.list(dev)).length).toBe(1);
    expect(getEntities).toHaveBeenCalledTimes(2);
  });
});
