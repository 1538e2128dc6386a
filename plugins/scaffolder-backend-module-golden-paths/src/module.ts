import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createCheckNameAction } from './actions/checkName';
import { createPublishLocalAction } from './actions/publishLocal';
import { LocalRepositories } from './repositories/LocalRepositories';

/**
 * Adds the golden-path actions to the scaffolder: `paved:component:check-name`
 * and `paved:publish:local`.
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
      },
      async init({ config, logger, catalog, scaffolder }) {
        const repositories = LocalRepositories.fromConfig(config);
        logger.info(
          `Golden paths publish repositories to ${repositories.directory}`,
        );
        scaffolder.addActions(
          createCheckNameAction({ catalog, repositories }),
          createPublishLocalAction({ catalog, repositories }),
        );
      },
    });
  },
});
