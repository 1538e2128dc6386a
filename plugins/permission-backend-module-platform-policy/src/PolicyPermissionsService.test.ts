import {
  BackstageCredentials,
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizePermissionRequest,
  AuthorizeResult,
  QueryPermissionRequest,
} from '@backstage/plugin-permission-common';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import { PolicyPermissionsService } from './PolicyPermissionsService';
import { PlatformPermissionPolicy } from './PlatformPermissionPolicy';
import {
  DEV,
  PLATFORM_GROUP,
  PM,
  manageCampaigns,
  ownershipOf,
  readEntity,
  readResults,
} from './__testUtils__/fixtures';

/** Backstage's client as the service sees it: records what it is asked, denies everything. */
class RecordingClient implements PermissionsService {
  asked: string[] = [];
  async authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ) {
    const principal = (options as { credentials: BackstageCredentials })
      .credentials.principal as { type: string };
    this.asked.push(
      ...requests.map(r => `${principal.type} ${r.permission.name}`),
    );
    return requests.map(() => ({
      result: AuthorizeResult.DENY as AuthorizeResult.DENY,
    }));
  }
  async authorizeConditional(
    requests: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ) {
    return this.authorize(
      requests as unknown as AuthorizePermissionRequest[],
      options,
    );
  }
}

const entityConditions = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'catalog',
  resourceType: 'catalog-entity',
  conditions: {
    rule: 'IS_ENTITY_OWNER',
    resourceType: 'catalog-entity',
    params: {},
  },
} as const;

function setup(policy?: PermissionPolicy) {
  const client = new RecordingClient();
  const looked: string[] = [];
  const userInfo = mockServices.userInfo.mock({
    async getUserInfo(credentials: any) {
      const ref = credentials.principal.userEntityRef;
      looked.push(ref);
      return { userEntityRef: ref, ownershipEntityRefs: ownershipOf(ref) };
    },
  });
  const service = new PolicyPermissionsService(client, {
    policy:
      policy ??
      new PlatformPermissionPolicy({
        platformGroup: PLATFORM_GROUP,
        platformOnly: [manageCampaigns.name],
      }),
    userInfo,
  });
  const ask = async (
    credentials: BackstageCredentials,
    ...requests: AuthorizePermissionRequest[]
  ) => (await service.authorize(requests, { credentials })).map(d => d.result);
  return { client, looked, service, ask };
}

describe('PolicyPermissionsService', () => {
  it("decides a user's plain questions with the policy and the user's groups, without the client", async () => {
    const { client, looked, ask } = setup();
    expect(
      await ask(
        mockCredentials.user(PM),
        { permission: manageCampaigns },
        { permission: readResults },
      ),
    ).toEqual(['ALLOW', 'ALLOW']);
    expect(
      await ask(
        mockCredentials.user(DEV),
        { permission: manageCampaigns },
        { permission: readResults },
      ),
    ).toEqual(['DENY', 'ALLOW']);
    expect(client.asked).toEqual([]);
    // One user-info lookup per question batch, for the asking user.
    expect(looked).toEqual([PM, DEV]);
  });

  it('decides for a user acting through a service on the user', async () => {
    const { client, ask } = setup();
    const through = {
      ...mockCredentials.user(DEV),
      principal: {
        type: 'user',
        userEntityRef: DEV,
        actor: { type: 'service', subject: 'plugin:scaffolder' },
      },
    } as BackstageCredentials;
    expect(await ask(through, { permission: manageCampaigns })).toEqual([
      'DENY',
    ]);
    expect(client.asked).toEqual([]);
  });

  it('leaves resource permissions to the client, even asked without a resource', async () => {
    const { client, ask } = setup();
    expect(
      await ask(mockCredentials.user(PM), {
        permission: readEntity,
        resourceRef: 'component:default/checkout',
      }),
    ).toEqual(['DENY']);
    // A batch with one such question goes to the client whole.
    expect(
      await ask(
        mockCredentials.user(PM),
        { permission: readResults },
        // As a careless plugin might ask it (the types forbid it).
        { permission: readEntity } as unknown as AuthorizePermissionRequest,
      ),
    ).toEqual(['DENY', 'DENY']);
    expect(client.asked).toEqual([
      `user ${readEntity.name}`,
      `user ${readResults.name}`,
      `user ${readEntity.name}`,
    ]);
  });

  it('leaves service callers (and their access restrictions) and unauthenticated callers to the client', async () => {
    const { client, looked, ask } = setup();
    expect(
      await ask(
        mockCredentials.service('external:ci', {
          permissionNames: [readResults.name],
        }),
        { permission: readResults },
      ),
    ).toEqual(['DENY']);
    expect(
      await ask(mockCredentials.none(), { permission: readResults }),
    ).toEqual(['DENY']);
    expect(client.asked).toEqual([
      `service ${readResults.name}`,
      `none ${readResults.name}`,
    ]);
    expect(looked).toEqual([]);
  });

  it('asks the client when the policy answers conditionally', async () => {
    const { client, ask } = setup({
      async handle() {
        return entityConditions as any;
      },
    });
    expect(
      await ask(mockCredentials.user(DEV), { permission: readResults }),
    ).toEqual(['DENY']);
    expect(client.asked).toEqual([`user ${readResults.name}`]);
  });

  it("fails as the permission backend would when the user's info cannot be read", async () => {
    const client = new RecordingClient();
    const service = new PolicyPermissionsService(client, {
      policy: new PlatformPermissionPolicy({
        platformGroup: PLATFORM_GROUP,
        platformOnly: [],
      }),
      userInfo: mockServices.userInfo.mock({
        async getUserInfo() {
          throw new Error('Ownership entity refs can not be determined');
        },
      }),
    });
    await expect(
      service.authorize([{ permission: readResults }], {
        credentials: mockCredentials.user(DEV),
      }),
    ).rejects.toThrow('Ownership entity refs can not be determined');
    expect(client.asked).toEqual([]);
  });

  describe('authorizeConditional (which resources of a type)', () => {
    it("answers a user's question with the policy's decision, without the client", async () => {
      const { client, service } = setup();
      const decisions = await service.authorizeConditional(
        // A basic permission among them, as the permission backend accepts.
        [
          { permission: readEntity },
          { permission: manageCampaigns } as unknown as QueryPermissionRequest,
        ],
        { credentials: mockCredentials.user(DEV) },
      );
      expect(decisions).toEqual([
        { result: AuthorizeResult.ALLOW },
        { result: AuthorizeResult.DENY },
      ]);
      expect(client.asked).toEqual([]);
    });

    it("gives a policy's conditions for the permission's resource type as they are", async () => {
      const { client, service } = setup({
        async handle() {
          return entityConditions as any;
        },
      });
      expect(
        await service.authorizeConditional([{ permission: readEntity }], {
          credentials: mockCredentials.user(DEV),
        }),
      ).toEqual([entityConditions]);
      expect(client.asked).toEqual([]);
    });

    it('leaves to the client conditions the permission backend would refuse, and service callers', async () => {
      const { client, service } = setup({
        async handle() {
          return entityConditions as any;
        },
      });
      // Conditions on a basic permission: the permission backend fails these.
      await service.authorizeConditional(
        [{ permission: readResults } as unknown as QueryPermissionRequest],
        { credentials: mockCredentials.user(DEV) },
      );
      await service.authorizeConditional([{ permission: readEntity }], {
        credentials: mockCredentials.service('plugin:catalog'),
      });
      expect(client.asked).toEqual([
        `user ${readResults.name}`,
        `service ${readEntity.name}`,
      ]);
    });
  });
});
