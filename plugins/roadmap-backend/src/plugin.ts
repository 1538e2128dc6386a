import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { roadmapPermissions } from '@paved/plugin-roadmap-common';
import { RoadmapStore } from './database/RoadmapStore';
import { createRouter } from './router';
import { RoadmapService } from './service/RoadmapService';
import {
  RoadmapDemoDataContext,
  roadmapDemoDataExtensionPoint,
} from './extensions';
import { NpsDemandSource } from './service/NpsDemandSource';
import { ResearchBackendSource } from './service/ResearchSource';

/** The public roadmap backend. */
export const roadmapPlugin = createBackendPlugin({
  pluginId: 'roadmap',
  register(env) {
    const demoDataLoaders: Array<(c: RoadmapDemoDataContext) => Promise<void>> =
      [];
    env.registerExtensionPoint(roadmapDemoDataExtensionPoint, {
      addDemoDataLoader: loader => demoDataLoaders.push(loader),
    });
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        logger: coreServices.logger,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init(deps) {
        const store = await RoadmapStore.create(deps.database);
        deps.permissionsRegistry.addPermissions(roadmapPermissions);

        for (const load of demoDataLoaders) await load({ store });
        deps.httpRouter.use(
          await createRouter({
            service: new RoadmapService(
              store,
              new NpsDemandSource(deps.discovery, deps.auth, deps.logger),
              undefined,
              new ResearchBackendSource(deps.discovery, deps.auth, deps.logger),
            ),
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
          }),
        );
      },
    });
  },
});
