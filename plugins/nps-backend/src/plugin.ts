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
import { loadDemoData } from './service/demoData';
import { stringifyEntityRef } from '@backstage/catalog-model';

/** The platform NPS backend: campaigns, confidential answers, results. */
export const npsPlugin = createBackendPlugin({
  pluginId: 'nps',
  register(env) {
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

        if (deps.config.getOptionalBoolean('nps.demoData.enabled')) {
          const leaveUnanswered =
            deps.config.getOptionalStringArray(
              'nps.demoData.leaveUnanswered',
            ) ?? [];
          // Runs until the catalog has the demo organisation's users, then loads once.
          await deps.scheduler.scheduleTask({
            id: 'nps-demo-data',
            frequency: { seconds: 30 },
            timeout: { minutes: 2 },
            initialDelay: { seconds: 5 },
            scope: 'global',
            fn: async () => {
              const { items } = await deps.catalog.getEntities(
                {
                  filter: { kind: 'User' },
                  fields: [
                    'kind',
                    'metadata.name',
                    'metadata.namespace',
                    'relations',
                  ],
                },
                { credentials: await deps.auth.getOwnServiceCredentials() },
              );
              const people = items.flatMap(user => {
                const team = user.relations?.find(r => r.type === 'memberOf');
                return team
                  ? [
                      {
                        userRef: stringifyEntityRef(user),
                        teamRef: team.targetRef,
                      },
                    ]
                  : [];
              });
              if (people.length === 0) return;
              // The catalog's order varies between starts; the demo story must not.
              people.sort((a, b) => a.userRef.localeCompare(b.userRef));
              if (
                await loadDemoData({
                  store,
                  people,
                  skipUsers: leaveUnanswered,
                })
              ) {
                deps.logger.info(
                  `Loaded NPS demo data for ${people.length} people`,
                );
              }
            },
          });
        }

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
