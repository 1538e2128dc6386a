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
  PolicyPermissionsService,
  type PolicyPermissionsServiceOptions,
} from './PolicyPermissionsService';
export { platformPermissionsServiceFactory } from './permissionsServiceFactory';
