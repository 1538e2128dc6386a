import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ServerPermissionClient } from '@backstage/plugin-permission-node';
import {
  CachedPermissionsService,
  DEFAULT_DECISION_TTL_MS,
} from './CachedPermissionsService';

/** The configured decision reuse time in milliseconds (`paved.permissions.decisionCacheSeconds`). */
export function decisionCacheTtlMs(config: {
  getOptionalNumber(key: string): number | undefined;
}): number {
  const key = 'paved.permissions.decisionCacheSeconds';
  const seconds = config.getOptionalNumber(key);
  if (seconds === undefined) return DEFAULT_DECISION_TTL_MS;
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 300) {
    throw new Error(
      `${key} must be a number of seconds from 0 (off) to 300, got ${seconds}`,
    );
  }
  return Math.round(seconds * 1000);
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
