import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { npsPlatformPermissions } from '@paved/plugin-nps-common';
import { platformHealthPlatformPermissions } from '@paved/plugin-platform-health-common';
import { platformMetricsPlatformPermissions } from '@paved/plugin-platform-metrics-common';
import { roadmapPlatformPermissions } from '@paved/plugin-roadmap-common';
import { researchPlatformPermissions } from '@paved/plugin-research-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';

/** The group that holds the platform-PM permissions unless configured otherwise. */
export const DEFAULT_PLATFORM_GROUP = 'group:default/platform-team';

/**
 * Permissions only the platform group holds. Backstage's own destructive catalog
 * actions belong here: a developer portal's inventory is curated by the platform team.
 * Each Paved plugin family adds its platform-PM permissions from its -common package.
 */
export const PLATFORM_ONLY_PERMISSIONS: readonly string[] = [
  'catalog.entity.delete',
  'catalog.location.delete',
  ...npsPlatformPermissions.map(p => p.name),
  ...roadmapPlatformPermissions.map(p => p.name),
  ...platformMetricsPlatformPermissions.map(p => p.name),
  ...researchPlatformPermissions.map(p => p.name),
  ...platformHealthPlatformPermissions.map(p => p.name),
];

function toGroupRef(value: string): string {
  let ref;
  try {
    ref = parseEntityRef(value, {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new Error(
      `paved.platformGroup must be a group entity ref, got "${value}": ${error}`,
    );
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== 'group') {
    throw new Error(
      `paved.platformGroup must be a group entity ref, got a ${ref.kind}: "${value}"`,
    );
  }
  return stringifyEntityRef(ref);
}

/** Options of {@link PlatformPermissionPolicy}. */
export interface PlatformPermissionPolicyOptions {
  /** Entity ref of the platform group. */
  platformGroup: string;
  /** Names of the permissions that only the platform group holds. */
  platformOnly: Iterable<string>;
}

/**
 * Paved's permission policy. Members of the platform group hold every permission;
 * everyone else holds every permission except the platform-only ones, so developers
 * read everything, answer surveys, vote and scaffold, while running surveys, editing
 * the roadmap and curating the catalog stay with the platform team.
 */
export class PlatformPermissionPolicy implements PermissionPolicy {
  /** The platform group, as a full entity ref. */
  readonly platformGroupRef: string;
  private readonly platformOnly: ReadonlySet<string>;

  /** Builds the policy from the `paved` config section. */
  static fromConfig(config: Config): PlatformPermissionPolicy {
    return new PlatformPermissionPolicy({
      platformGroup:
        config.getOptionalString('paved.platformGroup') ??
        DEFAULT_PLATFORM_GROUP,
      platformOnly: [
        ...PLATFORM_ONLY_PERMISSIONS,
        ...(config.getOptionalStringArray('paved.permissions.platformOnly') ??
          []),
      ],
    });
  }

  constructor(options: PlatformPermissionPolicyOptions) {
    // Normalise so that "platform-team" and "group:default/platform-team" both match
    // the ownership refs the sign-in resolver puts in the token.
    this.platformGroupRef = toGroupRef(options.platformGroup);
    this.platformOnly = new Set(options.platformOnly);
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!this.platformOnly.has(request.permission.name)) {
      return { result: AuthorizeResult.ALLOW };
    }
    return this.isPlatformMember(user)
      ? { result: AuthorizeResult.ALLOW }
      : { result: AuthorizeResult.DENY };
  }

  private isPlatformMember(user?: PolicyQueryUser): boolean {
    const refs = user?.info.ownershipEntityRefs ?? [];
    return refs.some(
      ref => ref.toLocaleLowerCase('en-US') === this.platformGroupRef,
    );
  }
}
