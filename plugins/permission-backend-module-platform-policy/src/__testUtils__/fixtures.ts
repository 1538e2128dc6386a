import { mockServices } from '@backstage/backend-test-utils';
import { createPermission } from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';

/** A platform PM, in the platform group. */
export const PM = 'user:default/priya.raman';
/** A developer on Checkout, outside the platform group. */
export const DEV = 'user:default/jonas.weber';
/** The group the policy gives platform-only permissions to by default. */
export const PLATFORM_GROUP = 'group:default/platform-team';

const memberships: Record<string, string[]> = {
  [PM]: [PLATFORM_GROUP],
  [DEV]: ['group:default/checkout'],
};

/** The refs a user owns through: the user and, for PM and DEV, their groups. */
export function ownershipOf(userEntityRef: string): string[] {
  return [userEntityRef, ...(memberships[userEntityRef] ?? [])];
}

/**
 * A user as the permission policy sees them, with the given groups (default:
 * their groups above).
 */
export function policyUser(
  userEntityRef: string,
  groups: string[] = memberships[userEntityRef] ?? [],
): PolicyQueryUser {
  const ownershipEntityRefs = [userEntityRef, ...groups];
  return {
    identity: { type: 'user', userEntityRef, ownershipEntityRefs },
    info: { userEntityRef, ownershipEntityRefs },
    token: 'token',
    credentials: {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef },
    },
  } as PolicyQueryUser;
}

/**
 * The user info service of a test backend: what the catalog sign-in resolver
 * puts in the user's token, the user and their groups.
 */
export function userInfoWithGroups() {
  return mockServices.userInfo.mock({
    async getUserInfo(credentials: any) {
      const ref = credentials.principal.userEntityRef;
      return { userEntityRef: ref, ownershipEntityRefs: ownershipOf(ref) };
    },
  }).factory;
}

/** NPS campaign management: platform-only. */
export const manageCampaigns = createPermission({
  name: 'nps.campaign.manage',
  attributes: { action: 'update' },
});
/** NPS results: every signed-in user. */
export const readResults = createPermission({
  name: 'nps.results.read',
  attributes: { action: 'read' },
});
/** Reading a catalog entity: a resource permission, every signed-in user. */
export const readEntity = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
  resourceType: 'catalog-entity',
});
