import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { PlatformPermissionPolicy } from './PlatformPermissionPolicy';

/** Installs {@link PlatformPermissionPolicy} as the permission backend's policy. */
export const permissionModulePlatformPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'platform-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        policy: policyExtensionPoint,
      },
      async init({ config, logger, policy }) {
        const platformPolicy = PlatformPermissionPolicy.fromConfig(config);
        logger.info(
          `Platform-only permissions are held by ${platformPolicy.platformGroupRef}`,
        );
        policy.setPolicy(platformPolicy);
      },
    });
  },
});
