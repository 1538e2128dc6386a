import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { roadmapPermissions } from '@paved/plugin-roadmap-common';
import { RoadmapStore } from './database/RoadmapStore';
import { createRouter } from './router';
import { RoadmapService } from './service/RoadmapService';
import { loadRoadmapDemoData } from './service/demoData';
import { NpsDemandSource } from './service/NpsDemandSource';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { stringifyEntityRef } from '@backstage/catalog-model';

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
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        discovery: coreServices.discovery,
      },
      async init(deps) {
        const store = await RoadmapStore.create(deps.database);
        deps.permissionsRegistry.addPermissions(roadmapPermissions);

        if (deps.config.getOptionalBoolean('roadmap.demoData.enabled')) {
          // Runs until the catalog has the demo organisation's people, then loads once.
          await deps.scheduler.scheduleTask({
            id: 'roadmap-demo-data',
            frequency: { seconds: 30 },
            timeout: { minutes: 2 },
            initialDelay: { seconds: 5 },
            scope: 'global',
            fn: async () => {
              const { items } = await deps.catalog.getEntities(
                {
                  filter: { kind: 'User' },
                  fields: ['kind', 'metadata.name', 'metadata.namespace'],
                },
                { credentials: await deps.auth.getOwnServiceCredentials() },
              );
              if (items.length === 0) return;
              const people = items.map(user => stringifyEntityRef(user)).sort();
              if (await loadRoadmapDemoData({ store, people })) {
                deps.logger.info('Loaded the demo roadmap');
              }
            },
          });
        }
        deps.httpRouter.use(
          await createRouter({
            service: new RoadmapService(
              store,
              new NpsDemandSource(deps.discovery, deps.auth, deps.logger),
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
