import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { goldenPathsDemoDataExtensionPoint } from '@paved/plugin-golden-paths-backend';
import { npsDemoDataExtensionPoint } from '@paved/plugin-nps-backend';
import { roadmapDemoDataExtensionPoint } from '@paved/plugin-roadmap-backend';
import { researchDemoDataExtensionPoint } from '@paved/plugin-research-backend';
import { platformMetricsDemoDataExtensionPoint } from '@paved/plugin-platform-metrics-backend';
import { platformHealthDemoDataExtensionPoint } from '@paved/plugin-platform-health-backend';
import { loadPlatformHealthDemoData } from './platform-health/demoData';
import { loadPlatformMetricsDemoData } from './platform-metrics/load';
import { loadGoldenPathDemoRuns } from './golden-paths/demoData';
import { loadDemoData } from './nps/demoData';
import { loadWhenReady, settledPeople } from './people';
import { loadRoadmapDemoData } from './roadmap/demoData';
import { loadResearchDemoData } from './research/demoData';
import { readDemoSettings } from './settings';

/** Six quarters of survey history and an open campaign (`nps.demoData`). */
export const npsDemoModule = createBackendModule({
  pluginId: 'nps',
  moduleId: 'paved-demo',
  register(reg) {
    reg.registerInit({
      deps: {
        demo: npsDemoDataExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ demo, config, logger, scheduler, auth, catalog }) {
        const { nps } = readDemoSettings(config);
        if (!nps.enabled) return;
        const skipUsers = nps.leaveUnanswered;
        const people = settledPeople(catalog, auth);
        demo.addDemoDataLoader(({ store, services }) =>
          loadWhenReady({
            scheduler,
            logger,
            id: 'nps-demo-data',
            loaded: 'Loaded the NPS demo data',
            load: async () => {
              const settled = await people();
              return settled
                ? loadDemoData({
                    store,
                    services,
                    people: settled.map(p => ({
                      userRef: p.userRef,
                      teamRef: p.teamRef!,
                    })),
                    skipUsers,
                  })
                : false;
            },
          }),
        );
      },
    });
  },
});

/** A 6-month roadmap with votes from the demo organisation (`roadmap.demoData`). */
export const roadmapDemoModule = createBackendModule({
  pluginId: 'roadmap',
  moduleId: 'paved-demo',
  register(reg) {
    reg.registerInit({
      deps: {
        demo: roadmapDemoDataExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ demo, config, logger, scheduler, auth, catalog }) {
        if (!readDemoSettings(config).roadmap.enabled) return;
        const people = settledPeople(catalog, auth);
        demo.addDemoDataLoader(({ store }) =>
          loadWhenReady({
            scheduler,
            logger,
            id: 'roadmap-demo-data',
            loaded: 'Loaded the demo roadmap',
            load: async () => {
              const settled = await people();
              return settled
                ? loadRoadmapDemoData({
                    store,
                    people: settled.map(p => p.userRef),
                  })
                : false;
            },
          }),
        );
      },
    });
  },
});

/** Recorded Scaffolder runs behind the demo component history (`goldenPaths.demoData`). */
export const goldenPathsDemoModule = createBackendModule({
  pluginId: 'golden-paths',
  moduleId: 'paved-demo',
  register(reg) {
    reg.registerInit({
      deps: {
        demo: goldenPathsDemoDataExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ demo, config, logger, scheduler }) {
        if (!readDemoSettings(config).goldenPaths.enabled) return;
        // Loads once the catalog scan has seen the demo components.
        demo.addDemoDataLoader(({ store }) =>
          loadWhenReady({
            scheduler,
            logger,
            id: 'golden-paths-demo-runs',
            loaded: 'Loaded the demo golden-path runs',
            load: () => loadGoldenPathDemoRuns(store),
          }),
        );
      },
    });
  },
});

/** A year of deployments and incidents for the demo services (`platformMetrics.demoData`). */
export const platformMetricsDemoModule = createBackendModule({
  pluginId: 'platform-metrics',
  moduleId: 'paved-demo',
  register(reg) {
    reg.registerInit({
      deps: {
        demo: platformMetricsDemoDataExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ demo, config, logger, scheduler, auth, catalog }) {
        if (!readDemoSettings(config).platformMetrics.enabled) return;
        // Loads once the catalog has all the demo services and people.
        const seen = { services: -1 };
        demo.addDemoDataLoader(context =>
          loadWhenReady({
            scheduler,
            logger,
            id: 'platform-metrics-demo-data',
            loaded: 'Loaded the demo delivery history',
            load: () =>
              loadPlatformMetricsDemoData(context, catalog, auth, seen),
          }),
        );
      },
    });
  },
});

/**
 * Last quarter's finished study with its public summary, this quarter's study under
 * way, volunteers and an open preview (`research.demoData`). Waits for the catalog and
 * the demo roadmap, whose items the findings and the preview link to.
 */
export const researchDemoModule = createBackendModule({
  pluginId: 'research',
  moduleId: 'paved-demo',
  register(reg) {
    reg.registerInit({
      deps: {
        demo: researchDemoDataExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ demo, config, logger, scheduler, auth, catalog }) {
        if (!readDemoSettings(config).research.enabled) return;
        const settled = settledPeople(catalog, auth);
        demo.addDemoDataLoader(({ studies, previews, notices, roadmap }) =>
          loadWhenReady({
            scheduler,
            logger,
            id: 'research-demo-data',
            loaded: 'Loaded the demo user research',
            // Asks the roadmap plugin: after the start-up rush, not during it.
            initialDelaySeconds: 20,
            load: async () => {
              const people = await settled();
              const items = people ? await roadmap.items() : undefined;
              return (
                Boolean(items?.length) &&
                loadResearchDemoData({
                  studies,
                  previews,
                  notices,
                  items: items!,
                  people: people!,
                })
              );
            },
          }),
        );
      },
    });
  },
});

/** The platform team's OKRs for this quarter, with check-ins (`platformHealth.demoData`). */
export const platformHealthDemoModule = createBackendModule({
  pluginId: 'platform-health',
  moduleId: 'paved-demo',
  register(reg) {
    reg.registerInit({
      deps: {
        demo: platformHealthDemoDataExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ demo, config, logger }) {
        if (!readDemoSettings(config).platformHealth.enabled) return;
        demo.addDemoDataLoader(async context => {
          if (await loadPlatformHealthDemoData(context)) {
            logger.info('Loaded the demo OKRs');
          }
        });
      },
    });
  },
});
