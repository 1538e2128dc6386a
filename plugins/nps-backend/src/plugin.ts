import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { npsPermissions } from '@paved/plugin-nps-common';
import { NpsStore } from './database/NpsStore';
import { createRouter } from './router';
import { CampaignScheduler } from './service/CampaignScheduler';
import { CachedAudienceDirectory } from './service/CachedAudienceDirectory';
import { CatalogAudienceDirectory } from './service/CatalogAudienceDirectory';
import { createNpsServices, readNpsSettings } from './service';
import { NpsDemoDataContext, npsDemoDataExtensionPoint } from './extensions';

/** The platform NPS backend: campaigns, confidential answers, results. */
export const npsPlugin = createBackendPlugin({
  pluginId: 'nps',
  register(env) {
    const demoDataLoaders: Array<(c: NpsDemoDataContext) => Promise<void>> = [];
    env.registerExtensionPoint(npsDemoDataExtensionPoint, {
      addDemoDataLoader: loader => demoDataLoaders.push(loader),
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        cache: coreServices.cache,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const settings = readNpsSettings(deps.config);
        const store = await NpsStore.create(deps.database);
        const services = createNpsServices({
          store,
          directory: new CachedAudienceDirectory(
            new CatalogAudienceDirectory(deps.catalog, deps.auth),
            deps.cache,
          ),
          settings,
        });
        deps.permissionsRegistry.addPermissions(npsPermissions);

        const scheduler = new CampaignScheduler(
          services.campaigns,
          settings.schedule,
          deps.logger,
        );
        await deps.scheduler.scheduleTask({
          id: 'nps-quarterly-campaign',
          frequency: { hours: 1 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 15 },
          scope: 'global',
          fn: () => scheduler.ensureCurrentCampaign().then(() => undefined),
        });
        // Publishes waiting answers in batches of at least k per team (on one replica).
        await deps.scheduler.scheduleTask({
          id: 'nps-release-answers',
          frequency: { seconds: settings.release.frequencySeconds },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 10 },
          scope: 'global',
          fn: async () => {
            const released = await services.release.release();
            if (released.answers > 0 || released.comments > 0) {
              deps.logger.info(
                `Published ${released.answers} survey answers and ${released.comments} comments`,
              );
            }
          },
        });

        for (const load of demoDataLoaders) await load({ store, services });

        deps.httpRouter.use(
          await createRouter({
            services,
            httpAuth: deps.httpAuth,
            userInfo: deps.userInfo,
            permissions: deps.permissions,
            auditor: deps.auditor,
          }),
        );
      },
    });
  },
});
