import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCheckNameAction } from './actions/checkName';
import { createPublishLocalAction } from './actions/publishLocal';
import { LocalRepositories } from './repositories/LocalRepositories';

/**
 * Adds the golden-path actions to the scaffolder: `paved:component:check-name`
 * and, when `goldenPaths.repositories.directory` is configured,
 * `paved:publish:local`.
 */
export const scaffolderModuleGoldenPaths = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'golden-paths',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
        scaffolder: scaffolderActionsExtensionPoint,
        events: eventsServiceRef,
      },
      async init({ config, logger, catalog, scaffolder, events }) {
        const repositories = LocalRepositories.fromConfig(config);
        scaffolder.addActions(createCheckNameAction({ catalog, repositories }));
        if (!config.has('goldenPaths.repositories.directory')) {
          logger.info(
            'goldenPaths.repositories.directory is not set: paved:publish:local is off (publish to your git host instead)',
          );
          return;
        }
        logger.info(
          `Golden paths publish repositories to ${repositories.directory}`,
        );
        scaffolder.addActions(
          createPublishLocalAction({ catalog, repositories, events }),
        );
      },
    });
  },
});
