import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ServerPermissionClient } from '@backstage/plugin-permission-node';
import { PlatformPermissionPolicy } from './PlatformPermissionPolicy';
import { PolicyPermissionsService } from './PolicyPermissionsService';

/**
 * Backstage's permissions service (the client of the permission backend), with
 * a user's questions that name no single resource decided in this process by
 * Paved's policy built from the same config as the permission backend's (see
 * {@link PolicyPermissionsService}). With `permission.enabled` off, or
 * `paved.permissions.evaluateInProcess: false` (for a backend whose
 * permission backend runs another policy), it is Backstage's client alone.
 */
export const platformPermissionsServiceFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {
    auth: coreServices.auth,
    config: coreServices.rootConfig,
    discovery: coreServices.discovery,
    userInfo: coreServices.userInfo,
  },
  async factory({ auth, config, discovery, userInfo }) {
    const client = ServerPermissionClient.fromConfig(config, {
      auth,
      discovery,
    });
    const enabled = config.getOptionalBoolean('permission.enabled') ?? false;
    const inProcess =
      config.getOptionalBoolean('paved.permissions.evaluateInProcess') ?? true;
    if (!enabled || !inProcess) return client;
    return new PolicyPermissionsService(client, {
      policy: PlatformPermissionPolicy.fromConfig(config),
      userInfo,
    });
  },
});
