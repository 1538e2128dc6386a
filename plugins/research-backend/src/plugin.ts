import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  DEFAULT_GUIDE,
  researchPermissions,
} from '@paved/plugin-research-common';
import { connectResearchDatabase } from './database/migrations';
import { NoticeStore } from './database/NoticeStore';
import { PreviewStore } from './database/PreviewStore';
import { StudyStore } from './database/StudyStore';
import {
  ResearchDemoDataContext,
  researchDemoDataExtensionPoint,
} from './extensions';
import { createRouter } from './router';
import { Notifier } from './service/Notifier';
import { NpsThemeSource } from './service/NpsThemeSource';
import { CatalogPeopleDirectory } from './service/PeopleDirectory';
import { PreviewService } from './service/PreviewService';
import { RoadmapApiItemSource } from './service/RoadmapItemSource';
import { readResearchSettings } from './service/settings';
import { StudyService } from './service/StudyService';
import { ThemeCatalog } from './service/ThemeCatalog';

/** The user research backend: interview studies and developer previews. */
export const researchPlugin = createBackendPlugin({
  pluginId: 'research',
  register(env) {
    const demoDataLoaders: Array<
      (c: ResearchDemoDataContext) => Promise<void>
    > = [];
    env.registerExtensionPoint(researchDemoDataExtensionPoint, {
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
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        instanceMetadata: coreServices.rootInstanceMetadata,
        catalog: catalogServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        const settings = readResearchSettings(deps.config);
        const knex = await connectResearchDatabase(deps.database);
        const studyStore = new StudyStore(knex);
        const previewStore = new PreviewStore(knex);
        const noticeStore = new NoticeStore(knex);
        deps.permissionsRegistry.addPermissions(researchPermissions);

        // Backstage notifications only where the notifications plugin is installed.
        const installed = await deps.instanceMetadata.getInstalledPlugins();
        const notifier = new Notifier(noticeStore, {
          logger: deps.logger,
          notifications: installed.some(p => p.pluginId === 'notifications')
            ? deps.notifications
            : undefined,
        });
        const remote = {
          discovery: deps.discovery,
          auth: deps.auth,
          logger: deps.logger,
        };
        const roadmap = new RoadmapApiItemSource(remote);
        const people = new CatalogPeopleDirectory(deps.catalog, deps.auth, {
          platformGroup: settings.platformGroup,
          startDateAnnotation: settings.startDateAnnotation,
        });
        const themes = new ThemeCatalog(
          studyStore,
          new NpsThemeSource(remote),
          settings.extraThemes,
        );
        const studies = new StudyService({
          store: studyStore,
          themes,
          people,
          roadmap,
          notifier,
          inbox: noticeStore,
          newJoinerMonths: settings.newJoinerMonths,
        });
        const previews = new PreviewService({
          store: previewStore,
          themes,
          people,
          roadmap,
          notifier,
        });

        for (const load of demoDataLoaders) {
          await load({
            studies: studyStore,
            previews: previewStore,
            notices: noticeStore,
            roadmap,
          });
        }

        if (settings.scheduleEnabled) {
          await deps.scheduler.scheduleTask({
            id: 'research-quarterly-study',
            frequency: { hours: 1 },
            timeout: { minutes: 2 },
            initialDelay: { minutes: 1 },
            scope: 'global',
            fn: async () => {
              const id = await studies.proposeQuarterStudy(
                [...DEFAULT_GUIDE],
                settings.scheduleGoal,
              );
              if (id) deps.logger.info(`Proposed this quarter's study (${id})`);
            },
          });
        }
        // The roadmap is polled rather than listened to: a missed event would lose a
        // notice, a poll only delays it (README "General availability").
        await deps.scheduler.scheduleTask({
          id: 'research-preview-general-availability',
          frequency: { minutes: settings.gaCheckMinutes },
          timeout: { minutes: 2 },
          // Not during start-up: the first call to another plugin fetches its keys.
          initialDelay: { minutes: settings.gaCheckMinutes },
          scope: 'global',
          fn: async () => {
            const announced = await previews.announceGeneralAvailability();
            if (announced.length > 0) {
              deps.logger.info(
                `Told the participants of ${announced.length} preview(s) about general availability`,
              );
            }
          },
        });

        deps.httpRouter.use(
          await createRouter({
            studies,
            previews,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            portalUrl: deps.config.getString('app.baseUrl'),
          }),
        );
      },
    });
  },
});
