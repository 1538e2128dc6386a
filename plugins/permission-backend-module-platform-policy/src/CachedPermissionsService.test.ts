import {
  BackstageCredentials,
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { ConfigReader } from '@backstage/config';
import { CachedPermissionsService } from './CachedPermissionsService';
import { PlatformPermissionPolicy } from './PlatformPermissionPolicy';
import { decisionCacheTtlMs } from './permissionsServiceFactory';

const PM = 'user:default/priya.raman';
const DEV = 'user:default/jonas.weber';
const groups: Record<string, string[]> = {
  [PM]: ['group:default/platform-team'],
  [DEV]: ['group:default/checkout'],
};

const manage = createPermission({
  name: 'nps.campaign.manage',
  attributes: { action: 'update' },
});
const read = createPermission({
  name: 'nps.results.read',
  attributes: { action: 'read' },
});
const entityRead = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});

/**
 * The permission backend as the cache sees it: Paved's real policy deciding on
 * the user's groups, counting the questions it is asked.
 */
class CountingBackend implements PermissionsService {
  questions: string[] = [];
  failNext = false;
  private readonly policy = new PlatformPermissionPolicy({
    platformGroup: 'group:default/platform-team',
    platformOnly: [manage.name],
  });
  async authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ) {
    const credentials = (options as { credentials: BackstageCredentials })
      .credentials;
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
    };
    const user = principal.userEntityRef ?? principal.type;
    this.questions.push(
      ...requests.map(
        r => `${user} ${r.permission.name} ${r.resourceRef ?? ''}`,
      ),
    );
    if (this.failNext) {
      this.failNext = false;
      throw new Error('permission backend unavailable');
    }
    return Promise.all(
      requests.map(
        async r =>
          (await this.policy.handle(
            { permission: r.permission },
            {
              credentials,
              info: {
                userEntityRef: user,
                ownershipEntityRefs: [user, ...(groups[user] ?? [])],
              },
            },
          )) as { result: AuthorizeResult.ALLOW | AuthorizeResult.DENY },
      ),
    );
  }
  async authorizeConditional(): Promise<never> {
    throw new Error('not used');
  }
}

function setup(ttlMs = 5000, maxEntries?: number) {
  const backend = new CountingBackend();
  let now = 1_000_000;
  const cache = new CachedPermissionsService(backend, {
    ttlMs,
    now: () => now,
    maxEntries,
  });
  const as = (user: string) => ({ credentials: mockCredentials.user(user) });
  const ask = async (user: string, ...requests: AuthorizePermissionRequest[]) =>
    (await cache.authorize(requests, as(user))).map(d => d.result);
  return {
    backend,
    cache,
    ask,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('CachedPermissionsService', () => {
  it('asks the permission backend once per user and permission within the time', async () => {
    const { backend, ask, advance } = setup(5000);
    expect(await ask(PM, { permission: manage })).toEqual(['ALLOW']);
    advance(4999);
    expect(await ask(PM, { permission: manage })).toEqual(['ALLOW']);
    expect(backend.questions).toEqual([`${PM} ${manage.name} `]);
    // At exactly the time, the decision is stale: asked again.
    advance(1);
    expect(await ask(PM, { permission: manage })).toEqual(['ALLOW']);
    expect(backend.questions).toHaveLength(2);
  });

  it("never gives one user another user's decision", async () => {
    const { backend, ask } = setup();
    expect(await ask(PM, { permission: manage })).toEqual(['ALLOW']);
    expect(await ask(DEV, { permission: manage })).toEqual(['DENY']);
    expect(await ask(DEV, { permission: manage })).toEqual(['DENY']);
    expect(await ask(PM, { permission: manage })).toEqual(['ALLOW']);
    expect(await ask(DEV, { permission: read })).toEqual(['ALLOW']);
    expect(backend.questions).toEqual([
      `${PM} ${manage.name} `,
      `${DEV} ${manage.name} `,
      `${DEV} ${read.name} `,
    ]);
  });

  it('keeps a user acting through a service apart from the user alone', async () => {
    const { backend, cache } = setup();
    const alone = mockCredentials.user(PM);
    const through = {
      ...alone,
      principal: {
        ...alone.principal,
        actor: { type: 'service', subject: 'plugin:x' },
      },
    } as BackstageCredentials;
    await cache.authorize([{ permission: manage }], { credentials: alone });
    await cache.authorize([{ permission: manage }], { credentials: through });
    expect(backend.questions).toHaveLength(2);
  });

  it('never keeps decisions about a resource', async () => {
    const { backend, ask } = setup();
    const request = {
      permission: entityRead,
      resourceRef: 'component:default/checkout',
    };
    await ask(DEV, request);
    await ask(DEV, request);
    expect(backend.questions).toHaveLength(2);
  });

  it('asks only for what it does not know, answering in the order asked', async () => {
    const { backend, ask } = setup();
    await ask(DEV, { permission: read });
    backend.questions = [];
    expect(
      await ask(
        DEV,
        { permission: manage },
        { permission: read },
        { permission: entityRead, resourceRef: 'component:default/a' },
      ),
    ).toEqual(['DENY', 'ALLOW', 'ALLOW']);
    expect(backend.questions).toEqual([
      `${DEV} ${manage.name} `,
      `${DEV} ${entityRead.name} component:default/a`,
    ]);
  });

  it('shares one question between callers asking at the same moment', async () => {
    const { backend, ask } = setup();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => ask(PM, { permission: manage })),
    );
    expect(new Set(answers.map(a => a[0]))).toEqual(new Set(['ALLOW']));
    expect(backend.questions).toHaveLength(1);
  });

  it('does not keep a failure: the next request asks again', async () => {
    const { backend, ask } = setup();
    backend.failNext = true;
    await expect(ask(PM, { permission: manage })).rejects.toThrow(
      'permission backend unavailable',
    );
    expect(await ask(PM, { permission: manage })).toEqual(['ALLOW']);
    expect(backend.questions).toHaveLength(2);
  });

  it('passes service callers and a time of 0 straight through', async () => {
    const { backend, cache } = setup();
    const service = { credentials: mockCredentials.service('plugin:catalog') };
    await cache.authorize([{ permission: manage }], service);
    await cache.authorize([{ permission: manage }], service);
    expect(backend.questions).toHaveLength(2);
    expect(cache.size).toBe(0);

    const off = setup(0);
    await off.ask(PM, { permission: manage });
    await off.ask(PM, { permission: manage });
    expect(off.backend.questions).toHaveLength(2);
    expect(off.cache.size).toBe(0);
  });

  it('keeps at most maxEntries decisions, dropping expired ones first, then the oldest', async () => {
    const { backend, cache, ask, advance } = setup(5000, 3);
    await ask('user:default/a', { permission: read });
    advance(6000);
    await ask('user:default/b', { permission: read });
    await ask('user:default/c', { permission: read });
    await ask('user:default/d', { permission: read }); // a (expired) goes
    expect(cache.size).toBe(3);
    await ask('user:default/e', { permission: read }); // b (oldest) goes
    expect(cache.size).toBe(3);
    backend.questions = [];
    await ask('user:default/c', { permission: read });
    await ask('user:default/b', { permission: read });
    expect(backend.questions).toEqual([`user:default/b ${read.name} `]);
  });
});

describe('decisionCacheTtlMs', () => {
  const ttl = (data: object) => decisionCacheTtlMs(new ConfigReader(data));
  it('defaults to 5 seconds and reads paved.permissions.decisionCacheSeconds', () => {
    expect(ttl({})).toBe(5000);
    expect(ttl({ paved: { permissions: { decisionCacheSeconds: 0 } } })).toBe(
      0,
    );
    expect(ttl({ paved: { permissions: { decisionCacheSeconds: 1.5 } } })).toBe(
      1500,
    );
    expect(ttl({ paved: { permissions: { decisionCacheSeconds: 300 } } })).toBe(
      300_000,
    );
  });
  it.each([-1, 301])('refuses %s, naming the setting', seconds => {
    expect(() =>
      ttl({ paved: { permissions: { decisionCacheSeconds: seconds } } }),
    ).toThrow(
      /paved.permissions.decisionCacheSeconds must be a number of seconds from 0/,
    );
  });
});
