import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { DefaultHttpAuthService } from '@backstage/backend-defaults/httpAuth';
import { cacheSecondsSetting } from '@paved/backend-router-utils';
import {
  CachedUserTokenAuth,
  DEFAULT_TOKEN_CACHE_TTL_MS,
} from './CachedUserTokenAuth';

/** The configured reuse time in milliseconds (`paved.auth.userTokenCacheSeconds`). */
export function userTokenCacheTtlMs(config: {
  getOptionalNumber(key: string): number | undefined;
}): number {
  return cacheSecondsSetting(
    config,
    'paved.auth.userTokenCacheSeconds',
    DEFAULT_TOKEN_CACHE_TTL_MS,
  );
}

/**
 * Backstage's HTTP auth service (its default implementation) over an auth
 * service that reuses a user token's verification for
 * `paved.auth.userTokenCacheSeconds` (default 60; 0 turns it off). One cache
 * per plugin, as the auth service itself is per plugin. See
 * {@link CachedUserTokenAuth}.
 */
export const cachedHttpAuthServiceFactory = createServiceFactory({
  service: coreServices.httpAuth,
  deps: {
    auth: coreServices.auth,
    config: coreServices.rootConfig,
    discovery: coreServices.discovery,
    plugin: coreServices.pluginMetadata,
  },
  async factory({ auth, config, discovery, plugin }) {
    return DefaultHttpAuthService.create({
      auth: new CachedUserTokenAuth(auth, {
        ttlMs: userTokenCacheTtlMs(config),
      }),
      discovery,
      pluginId: plugin.getId(),
    });
  },
});
