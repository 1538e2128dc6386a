import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  platformMetricsEventCreatePermission,
  platformMetricsReadPermission,
  platformMetricsReleaseManagePermission,
} from '@paved/plugin-platform-metrics-common';
import {
  DEFAULT_PLATFORM_GROUP,
  PlatformPermissionPolicy,
} from './PlatformPermissionPolicy';

const deleteEntity = createPermission({
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
});
const deleteLocation = createPermission({
  name: 'catalog.location.delete',
  attributes: { action: 'delete' },
});
const readEntity = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
const runTemplate = createPermission({
  name: 'scaffolder.task.create',
  attributes: { action: 'create' },
});
const manageCampaigns = createPermission({
  name: 'nps.campaign.manage',
  attributes: { action: 'update' },
});
const readComments = createPermission({
  name: 'nps.comments.read',
  attributes: { action: 'read' },
});
const manageRoadmap = createPermission({
  name: 'roadmap.item.manage',
  attributes: { action: 'update' },
});
const readRoadmap = createPermission({
  name: 'roadmap.item.read',
  attributes: { action: 'read' },
});
const readResults = createPermission({
  name: 'nps.results.read',
  attributes: { action: 'read' },
});
const approveTemplates = createPermission({
  name: 'golden-paths.template.approve',
  attributes: { action: 'update' },
});

function user(ref: string, groups: string[]): PolicyQueryUser {
  return {
    identity: {
      type: 'user',
      userEntityRef: ref,
      ownershipEntityRefs: [ref, ...groups],
    },
    info: { userEntityRef: ref, ownershipEntityRefs: [ref, ...groups] },
    token: 'token',
    credentials: {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef: ref },
    },
  } as PolicyQueryUser;
}

const pm = user('user:default/priya.raman', ['group:default/platform-team']);
const developer = user('user:default/jonas.weber', ['group:default/checkout']);

describe('PlatformPermissionPolicy', () => {
  const policy = PlatformPermissionPolicy.fromConfig(new ConfigReader({}));

  it('defaults to the platform-team group', () => {
    expect(policy.platformGroupRef).toBe(DEFAULT_PLATFORM_GROUP);
  });

  it.each([
    deleteEntity,
    deleteLocation,
    manageCampaigns,
    readComments,
    manageRoadmap,
    platformMetricsReleaseManagePermission,
    platformMetricsEventCreatePermission,
  ])('gives $name to the platform group only', async permission => {
    await expect(policy.handle({ permission }, pm)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
    await expect(policy.handle({ permission }, developer)).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it.each([
    readEntity,
    runTemplate,
    readResults,
    readRoadmap,
    platformMetricsReadPermission,
  ])('gives $name to every signed-in user', async permission => {
    await expect(policy.handle({ permission }, developer)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
    await expect(policy.handle({ permission }, pm)).resolves.toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('denies platform-only permissions when there is no user', async () => {
    await expect(policy.handle({ permission: deleteEntity })).resolves.toEqual({
      result: AuthorizeResult.DENY,
    });
  });

  it('does not treat a user named like the group as a member', async () => {
    const lookalike = user('user:default/platform-team', []);
    await expect(
      policy.handle({ permission: deleteEntity }, lookalike),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('takes the group from config, in short or full form', async () => {
    const shortForm = PlatformPermissionPolicy.fromConfig(
      new ConfigReader({ paved: { platformGroup: 'checkout' } }),
    );
    expect(shortForm.platformGroupRef).toBe('group:default/checkout');
    await expect(
      shortForm.handle({ permission: deleteEntity }, developer),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    await expect(
      shortForm.handle({ permission: deleteEntity }, pm),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it('matches group refs regardless of case', async () => {
    const upper = user('user:default/yuki.tanaka', [
      'group:default/Platform-Team',
    ]);
    await expect(
      policy.handle({ permission: deleteEntity }, upper),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
  });

  it('restricts further permissions named in config', async () => {
    const configured = PlatformPermissionPolicy.fromConfig(
      new ConfigReader({
        paved: {
          permissions: { platformOnly: ['golden-paths.template.approve'] },
        },
      }),
    );
    await expect(
      configured.handle({ permission: approveTemplates }, developer),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
    await expect(
      configured.handle({ permission: approveTemplates }, pm),
    ).resolves.toEqual({ result: AuthorizeResult.ALLOW });
    // The built-in ones stay restricted.
    await expect(
      configured.handle({ permission: deleteEntity }, developer),
    ).resolves.toEqual({ result: AuthorizeResult.DENY });
  });

  it.each(['user:default/priya.raman', '', 'group:default/'])(
    'rejects %p as the platform group',
    platformGroup => {
      expect(() =>
        PlatformPermissionPolicy.fromConfig(
          new ConfigReader({ paved: { platformGroup } }),
        ),
      ).toThrow(/paved\.platformGroup/);
    },
  );
});
