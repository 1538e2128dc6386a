import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  LocalRepositories,
  REPOSITORY_PUBLISHED_TOPIC,
} from '@paved/plugin-scaffolder-backend-module-golden-paths';
import { LocalRepositoriesEntityProvider } from './LocalRepositoriesEntityProvider';

/** How often the provider rescans the whole directory, events or not. */
export const FULL_REFRESH_MINUTES = 5;

/**
 * Brings the services that golden paths publish to local git repositories into
 * the catalog, through {@link LocalRepositoriesEntityProvider}: at start, when
 * the publish action announces a new repository on the events service, and
 * every few minutes. Only when `goldenPaths.repositories.directory` is
 * configured (development; production refuses the key). The catalog's API
 * keeps accepting `url` locations only: no user can make it read a file.
 */
export const catalogModuleLocalRepositories = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-repositories',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
        processing: catalogProcessingExtensionPoint,
      },
      async init({ config, logger, scheduler, events, processing }) {
        if (!config.has('goldenPaths.repositories.directory')) return;
        const { directory } = LocalRepositories.fromConfig(config);
        const provider = new LocalRepositoriesEntityProvider(directory, logger);
        processing.addEntityProvider(provider);

        const refresh = async () => {
          try {
            await provider.refresh();
          } catch (error) {
            logger.warn(`Could not read the local repositories: ${error}`);
          }
        };
        await events.subscribe({
          id: 'local-repositories',
          topics: [REPOSITORY_PUBLISHED_TOPIC],
          onEvent: refresh,
        });
        await scheduler.scheduleTask({
          id: 'local-repositories-refresh',
          frequency: { minutes: FULL_REFRESH_MINUTES },
          timeout: { minutes: 2 },
          // A full mutation replaces what any replica emitted: run it once.
          scope: 'global',
          fn: refresh,
        });
        logger.info(
          `Catalog reads the golden-path repositories in ${directory}`,
        );
      },
    });
  },
});
