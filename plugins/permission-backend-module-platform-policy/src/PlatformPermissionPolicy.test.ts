import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import {
  platformMetricsEventCreatePermission,
  platformMetricsReadPermission,
  platformMetricsReleaseManagePermission,
} from '@paved/plugin-platform-metrics-common';
import {
  DEFAULT_PLATFORM_GROUP,
  PlatformPermissionPolicy,
} from './PlatformPermissionPolicy';
import {
  DEV,
  PM,
  manageCampaigns,
  policyUser,
  readEntity,
  readResults,
} from './__testUtils__/fixtures';

const deleteEntity = createPermission({
  name: 'catalog.entity.delete',
  attributes: { action: 'delete' },
  resourceType: 'catalog-entity',
});
const deleteLocation = createPermission({
  name: 'catalog.location.delete',
  attributes: { action: 'delete' },
});
const runTemplate = createPermission({
  name: 'scaffolder.task.create',
  attributes: { action: 'create' },
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
const approveTemplates = createPermission({
  name: 'golden-paths.template.approve',
  attributes: { action: 'update' },
});

const pm = policyUser(PM);
const developer = policyUser(DEV);

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
    const lookalike = policyUser('user:default/platform-team', []);
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
    const upper = policyUser('user:default/yuki.tanaka', [
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
