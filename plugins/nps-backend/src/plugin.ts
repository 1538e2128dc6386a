import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { npsPermissions } from '@paved/plugin-nps-common';
import { NpsStore } from './database/NpsStore';
import { createRouter } from './router';
import {
  CampaignScheduler,
  readScheduleSettings,
} from './service/CampaignScheduler';
import { CatalogAudienceDirectory } from './service/CatalogAudienceDirectory';
import { NpsService, readNpsSettings } from './service/NpsService';
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
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const settings = readNpsSettings(deps.config);
        const scheduleSettings = readScheduleSettings(deps.config);
        const store = await NpsStore.create(deps.database);
        const service = new NpsService({
          store,
          directory: new CatalogAudienceDirectory(deps.catalog, deps.auth),
          settings,
        });
        deps.permissionsRegistry.addPermissions(npsPermissions);

        const scheduler = new CampaignScheduler(
          service,
          scheduleSettings,
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

        for (const load of demoDataLoaders) await load({ store });

        deps.httpRouter.use(
          await createRouter({
            service,
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
