import {
  coreServices,
  createBackendPlugin,
  RootConfigService,
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

/** How long read notices stay in the inbox when `roadmap.notices.readRetentionDays` is unset. */
export const DEFAULT_READ_NOTICE_RETENTION_DAYS = 90;

function readNoticeRetentionDays(config: RootConfigService): number {
  const key = 'roadmap.notices.readRetentionDays';
  const days =
    config.getOptionalNumber(key) ?? DEFAULT_READ_NOTICE_RETENTION_DAYS;
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(`${key} must be a whole number of days, 1 or more`);
  }
  return days;
}

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
        config: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
      },
      async init(deps) {
        const store = await RoadmapStore.create(deps.database);
        deps.permissionsRegistry.addPermissions(roadmapPermissions);

        for (const load of demoDataLoaders) await load({ store });
        const service = new RoadmapService(
          store,
          new NpsDemandSource(deps.discovery, deps.auth, deps.logger),
          undefined,
          new ResearchBackendSource(deps.discovery, deps.auth, deps.logger),
        );
        const retentionDays = readNoticeRetentionDays(deps.config);
        // Once across replicas: the inbox keeps unread notices, and read ones
        // only for the retention period.
        await deps.scheduler.scheduleTask({
          id: 'roadmap-prune-read-notices',
          scope: 'global',
          frequency: { hours: 6 },
          timeout: { minutes: 10 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            const pruned = await service.pruneReadNotifications(retentionDays);
            if (pruned > 0) {
              deps.logger.info(
                `Pruned ${pruned} roadmap notices read more than ${retentionDays} days ago`,
              );
            }
          },
        });
        deps.httpRouter.use(
          await createRouter({
            service,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
          }),
        );
      },
    });
  },
});
