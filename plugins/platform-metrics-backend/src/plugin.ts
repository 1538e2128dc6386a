import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { platformMetricsPermissions } from '@paved/plugin-platform-metrics-common';
import { MetricsStore } from './database/MetricsStore';
import {
  PlatformMetricsDemoDataContext,
  platformMetricsDemoDataExtensionPoint,
} from './extensions';
import { createRouter } from './router';
import { CatalogDirectory } from './service/CatalogDirectory';
import { MetricsService } from './service/MetricsService';
import { PluginSources } from './service/PluginSources';
import { readPlatformMetricsSettings } from './service/settings';

/**
 * The delivery-metrics backend: ingests deployments and incidents, and serves
 * DORA, time to first deployment and release impact under /api/platform-metrics.
 */
export const platformMetricsPlugin = createBackendPlugin({
  pluginId: 'platform-metrics',
  register(env) {
    const demoDataLoaders: Array<
      (c: PlatformMetricsDemoDataContext) => Promise<void>
    > = [];
    env.registerExtensionPoint(platformMetricsDemoDataExtensionPoint, {
      addDemoDataLoader: loader => demoDataLoaders.push(loader),
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        const store = await MetricsStore.create(deps.database);
        deps.permissionsRegistry.addPermissions(platformMetricsPermissions);
        const settings = readPlatformMetricsSettings(config);
        const service = new MetricsService(
          store,
          new CatalogDirectory(deps.catalog, deps.auth, logger),
          new PluginSources(deps.discovery, deps.auth, logger),
          undefined,
          settings,
        );

        await scheduler.scheduleTask({
          id: 'platform-metrics-catalog-sync',
          frequency: { seconds: settings.catalogSyncSeconds },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 20 },
          scope: 'global',
          fn: async () => {
            const synced = await service.syncCatalog();
            logger.debug(
              `Catalog sync: ${synced.services} services, ${synced.users} users`,
            );
          },
        });
        await scheduler.scheduleTask({
          id: 'platform-metrics-classifications',
          frequency: { hours: 24 },
          timeout: { minutes: 15 },
          initialDelay: { minutes: 2 },
          scope: 'global',
          fn: async () => {
            const kept = await service.snapshotClassifications();
            logger.info(`Kept ${kept} DORA classifications`);
          },
        });

        for (const load of demoDataLoaders) await load({ store, service });

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
