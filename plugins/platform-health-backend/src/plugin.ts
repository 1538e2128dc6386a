import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { platformHealthPermissions } from '@paved/plugin-platform-health-common';
import { OkrStore } from './database/OkrStore';
import {
  PlatformHealthDemoDataContext,
  platformHealthDemoDataExtensionPoint,
} from './extensions';
import { createRouter } from './router';
import { OkrService } from './service/OkrService';
import { readHealthTargets } from './service/settings';

/**
 * The platform-health backend: the health targets from app-config and the
 * quarter's OKRs with check-ins, under /api/platform-health. The metrics
 * themselves stay with the plugins that own them.
 */
export const platformHealthPlugin = createBackendPlugin({
  pluginId: 'platform-health',
  register(env) {
    const demoDataLoaders: Array<
      (c: PlatformHealthDemoDataContext) => Promise<void>
    > = [];
    env.registerExtensionPoint(platformHealthDemoDataExtensionPoint, {
      addDemoDataLoader: loader => demoDataLoaders.push(loader),
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
      },
      async init(deps) {
        const targets = readHealthTargets(deps.config);
        const store = await OkrStore.create(deps.database);
        deps.permissionsRegistry.addPermissions(platformHealthPermissions);
        const service = new OkrService(store);
        for (const load of demoDataLoaders) await load({ store, service });
        deps.httpRouter.use(
          await createRouter({
            service,
            targets,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
          }),
        );
      },
    });
  },
});
