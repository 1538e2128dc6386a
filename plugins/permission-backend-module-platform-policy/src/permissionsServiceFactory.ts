import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ServerPermissionClient } from '@backstage/plugin-permission-node';
import {
  CachedPermissionsService,
  DEFAULT_DECISION_TTL_MS,
} from './CachedPermissionsService';
import { cacheSecondsSetting } from '@paved/backend-router-utils';

/** The configured decision reuse time in milliseconds (`paved.permissions.decisionCacheSeconds`). */
export function decisionCacheTtlMs(config: {
  getOptionalNumber(key: string): number | undefined;
}): number {
  return cacheSecondsSetting(
    config,
    'paved.permissions.decisionCacheSeconds',
    DEFAULT_DECISION_TTL_MS,
  );
}

/**
 * Backstage's permissions service (the client of the permission backend) with
 * a user's plain decisions reused for `paved.permissions.decisionCacheSeconds`
 * (default 5; 0 turns it off). See {@link CachedPermissionsService}.
 */
export const cachedPermissionsServiceFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {
    auth: coreServices.auth,
    config: coreServices.rootConfig,
    discovery: coreServices.discovery,
  },
  async factory({ auth, config, discovery }) {
    return new CachedPermissionsService(
      ServerPermissionClient.fromConfig(config, { auth, discovery }),
      { ttlMs: decisionCacheTtlMs(config) },
    );
  },
});
