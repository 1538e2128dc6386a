import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { goldenPathsPermissions } from '@paved/plugin-golden-paths-common';
import { GoldenPathsStore } from './database/GoldenPathsStore';
import { createRouter } from './router';
import { CatalogScanner } from './service/CatalogScanner';
import { GoldenPathsService } from './service/GoldenPathsService';
import {
  CachedGoldenPathTemplates,
  LiveGoldenPathTemplates,
} from './service/GoldenPathTemplates';
import { RunRecorder, ScaffolderTasksClient } from './service/RunRecorder';
import { readGoldenPathsSettings } from './service/settings';
import {
  GoldenPathsDemoDataContext,
  goldenPathsDemoDataExtensionPoint,
} from './extensions';

/**
 * The golden-paths backend: records every Scaffolder run and when each
 * component was first seen in the catalog, and serves the golden-path
 * catalog and adoption under /api/golden-paths.
 */
export const goldenPathsPlugin = createBackendPlugin({
  pluginId: 'golden-paths',
  register(env) {
    const demoDataLoaders: Array<
      (c: GoldenPathsDemoDataContext) => Promise<void>
    > = [];
    env.registerExtensionPoint(goldenPathsDemoDataExtensionPoint, {
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
        cache: coreServices.cache,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { logger, scheduler } = deps;
        const settings = readGoldenPathsSettings(deps.config);
        const store = await GoldenPathsStore.create(deps.database);
        deps.permissionsRegistry.addPermissions(goldenPathsPermissions);

        const scanner = new CatalogScanner({
          store,
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
          settings: { baselineWindowMs: settings.scan.baselineWindowMs },
        });
        const recorder = new RunRecorder({
          store,
          tasks: new ScaffolderTasksClient(deps.discovery, deps.auth),
          catalog: deps.catalog,
          auth: deps.auth,
          logger,
        });

        await scheduler.scheduleTask({
          id: 'golden-paths-catalog-scan',
          frequency: { seconds: settings.scan.frequencySeconds },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 10 },
          scope: 'global',
          fn: async () => {
            const seen = await scanner.scan();
            logger.debug(
              `Catalog scan: ${seen.components} components, ${seen.templates} golden paths`,
            );
          },
        });
        await scheduler.scheduleTask({
          id: 'golden-paths-run-recorder',
          frequency: { seconds: settings.runs.frequencySeconds },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 15 },
          scope: 'global',
          fn: async () => {
            const recorded = await recorder.sync();
            if (recorded) logger.info(`Recorded ${recorded} Scaffolder runs`);
          },
        });

        // The path catalog reads templates from the cache service; every replica
        // refreshes its own (scope local: the default cache store is in memory).
        const templates = new CachedGoldenPathTemplates({
          live: new LiveGoldenPathTemplates(deps.catalog),
          catalog: deps.catalog,
          cache: deps.cache,
          auth: deps.auth,
          permissions: deps.permissions,
          logger,
          ttlMs: settings.templates.refreshSeconds * 3 * 1000,
        });
        await scheduler.scheduleTask({
          id: 'golden-paths-template-refresh',
          frequency: { seconds: settings.templates.refreshSeconds },
          timeout: { minutes: 2 },
          initialDelay: { seconds: 5 },
          scope: 'local',
          fn: async () => {
            await templates.refresh();
          },
        });

        for (const load of demoDataLoaders) await load({ store });

        deps.httpRouter.use(
          await createRouter({
            service: new GoldenPathsService(
              store,
              deps.catalog,
              () => new Date(),
              templates,
            ),
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
          }),
        );
      },
    });
  },
});
