import {
  BackstageCredentials,
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import { ConfigReader } from '@backstage/config';
import { CachedPermissionsService } from './CachedPermissionsService';
import { PlatformPermissionPolicy } from './PlatformPermissionPolicy';
import { decisionCacheTtlMs } from './permissionsServiceFactory';
import {
  DEV,
  PLATFORM_GROUP,
  PM,
  manageCampaigns,
  ownershipOf,
  readEntity,
  readResults,
} from './__testUtils__/fixtures';

/**
 * The permission backend as the cache sees it: Paved's real policy deciding on
 * the user's groups, counting the questions it is asked.
 */
class CountingBackend implements PermissionsService {
  questions: string[] = [];
  failNext = false;
  private readonly policy = new PlatformPermissionPolicy({
    platformGroup: PLATFORM_GROUP,
    platformOnly: [manageCampaigns.name],
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
                ownershipEntityRefs: ownershipOf(user),
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
    expect(await ask(PM, { permission: manageCampaigns })).toEqual(['ALLOW']);
    advance(4999);
    expect(await ask(PM, { permission: manageCampaigns })).toEqual(['ALLOW']);
    expect(backend.questions).toEqual([`${PM} ${manageCampaigns.name} `]);
    // At exactly the time, the decision is stale: asked again.
    advance(1);
    expect(await ask(PM, { permission: manageCampaigns })).toEqual(['ALLOW']);
    expect(backend.questions).toHaveLength(2);
  });

  it("never gives one user another user's decision", async () => {
    const { backend, ask } = setup();
    expect(await ask(PM, { permission: manageCampaigns })).toEqual(['ALLOW']);
    expect(await ask(DEV, { permission: manageCampaigns })).toEqual(['DENY']);
    expect(await ask(DEV, { permission: manageCampaigns })).toEqual(['DENY']);
    expect(await ask(PM, { permission: manageCampaigns })).toEqual(['ALLOW']);
    expect(await ask(DEV, { permission: readResults })).toEqual(['ALLOW']);
    expect(backend.questions).toEqual([
      `${PM} ${manageCampaigns.name} `,
      `${DEV} ${manageCampaigns.name} `,
      `${DEV} ${readResults.name} `,
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
    await cache.authorize([{ permission: manageCampaigns }], {
      credentials: alone,
    });
    await cache.authorize([{ permission: manageCampaigns }], {
      credentials: through,
    });
    expect(backend.questions).toHaveLength(2);
  });

  it('never keeps decisions about a resource', async () => {
    const { backend, ask } = setup();
    const request = {
      permission: readEntity,
      resourceRef: 'component:default/checkout',
    };
    await ask(DEV, request);
    await ask(DEV, request);
    expect(backend.questions).toHaveLength(2);
  });

  it('asks only for what it does not know, answering in the order asked', async () => {
    const { backend, ask } = setup();
    await ask(DEV, { permission: readResults });
    backend.questions = [];
    expect(
      await ask(
        DEV,
        { permission: manageCampaigns },
        { permission: readResults },
        { permission: readEntity, resourceRef: 'component:default/a' },
      ),
    ).toEqual(['DENY', 'ALLOW', 'ALLOW']);
    expect(backend.questions).toEqual([
      `${DEV} ${manageCampaigns.name} `,
      `${DEV} ${readEntity.name} component:default/a`,
    ]);
  });

  it('shares one question between callers asking at the same moment', async () => {
    const { backend, ask } = setup();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        ask(PM, { permission: manageCampaigns }),
      ),
    );
    expect(new Set(answers.map(a => a[0]))).toEqual(new Set(['ALLOW']));
    expect(backend.questions).toHaveLength(1);
  });

  it('does not keep a failure: the next request asks again', async () => {
    const { backend, ask } = setup();
    backend.failNext = true;
    await expect(ask(PM, { permission: manageCampaigns })).rejects.toThrow(
      'permission backend unavailable',
    );
    expect(await ask(PM, { permission: manageCampaigns })).toEqual(['ALLOW']);
    expect(backend.questions).toHaveLength(2);
  });

  it('passes service callers and a time of 0 straight through', async () => {
    const { backend, cache } = setup();
    const service = { credentials: mockCredentials.service('plugin:catalog') };
    await cache.authorize([{ permission: manageCampaigns }], service);
    await cache.authorize([{ permission: manageCampaigns }], service);
    expect(backend.questions).toHaveLength(2);
    expect(cache.size).toBe(0);

    const off = setup(0);
    await off.ask(PM, { permission: manageCampaigns });
    await off.ask(PM, { permission: manageCampaigns });
    expect(off.backend.questions).toHaveLength(2);
    expect(off.cache.size).toBe(0);
  });

  it('keeps at most maxEntries decisions, dropping expired ones first, then the oldest', async () => {
    const { backend, cache, ask, advance } = setup(5000, 3);
    await ask('user:default/a', { permission: readResults });
    advance(6000);
    await ask('user:default/b', { permission: readResults });
    await ask('user:default/c', { permission: readResults });
    await ask('user:default/d', { permission: readResults }); // a (expired) goes
    expect(cache.size).toBe(3);
    await ask('user:default/e', { permission: readResults }); // b (oldest) goes
    expect(cache.size).toBe(3);
    backend.questions = [];
    await ask('user:default/c', { permission: readResults });
    await ask('user:default/b', { permission: readResults });
    expect(backend.questions).toEqual([`user:default/b ${readResults.name} `]);
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
