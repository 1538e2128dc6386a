/**
 * Paved's permission policy for the Backstage permission backend.
 *
 * @packageDocumentation
 */
export { permissionModulePlatformPolicy as default } from './module';
export {
  PlatformPermissionPolicy,
  DEFAULT_PLATFORM_GROUP,
  PLATFORM_ONLY_PERMISSIONS,
  type PlatformPermissionPolicyOptions,
} from './PlatformPermissionPolicy';
export {
  CachedPermissionsService,
  DEFAULT_DECISION_TTL_MS,
  type CachedPermissionsServiceOptions,
} from './CachedPermissionsService';
export {
  cachedPermissionsServiceFactory,
  decisionCacheTtlMs,
} from './permissionsServiceFactory';
export { ExpiringCache } from './ExpiringCache';
