import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { roadmapPermissions } from '@paved/plugin-roadmap-common';
import { RoadmapStore } from './database/RoadmapStore';
import { createRouter } from './router';
import { RoadmapService } from './service/RoadmapService';

/** The public roadmap backend. */
export const roadmapPlugin = createBackendPlugin({
  pluginId: 'roadmap',
  register(env) {
    env.registerInit({
      deps: {
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
      },
      async init(deps) {
        const store = await RoadmapStore.create(deps.database);
        deps.permissionsRegistry.addPermissions(roadmapPermissions);
        deps.httpRouter.use(
          await createRouter({
            service: new RoadmapService(store),
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
          }),
        );
      },
    });
  },
});
