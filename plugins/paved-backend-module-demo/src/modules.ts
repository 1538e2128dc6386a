import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { goldenPathsDemoDataExtensionPoint } from '@paved/plugin-golden-paths-backend';
import { npsDemoDataExtensionPoint } from '@paved/plugin-nps-backend';
import { roadmapDemoDataExtensionPoint } from '@paved/plugin-roadmap-backend';
import { loadGoldenPathDemoRuns } from './golden-paths/demoData';
import { loadDemoData } from './nps/demoData';
import { catalogPeople, loadWhenReady } from './people';
import { loadRoadmapDemoData } from './roadmap/demoData';
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
        demo.addDemoDataLoader(({ store, services }) =>
          loadWhenReady({
            scheduler,
            logger,
            id: 'nps-demo-data',
            loaded: 'Loaded the NPS demo data',
            load: async () => {
              const people = (await catalogPeople(catalog, auth)).flatMap(p =>
                p.teamRef ? [{ userRef: p.userRef, teamRef: p.teamRef }] : [],
              );
              return (
                people.length > 0 &&
                loadDemoData({ store, services, people, skipUsers })
              );
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
        demo.addDemoDataLoader(({ store }) =>
          loadWhenReady({
            scheduler,
            logger,
            id: 'roadmap-demo-data',
            loaded: 'Loaded the demo roadmap',
            load: async () => {
              const people = (await catalogPeople(catalog, auth)).map(
                p => p.userRef,
              );
              return (
                people.length > 0 && loadRoadmapDemoData({ store, people })
              );
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
