import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';

/**
 * Lets the catalog register `file` locations through its API, which the
 * golden paths' `paved:publish:local` action needs to register the services
 * it publishes to local git repositories (this machine reaches no git host).
 * Only when `goldenPaths.repositories.directory` is configured: with it, a
 * user allowed `catalog.location.create` can register any file the backend
 * can read, so a deployment that publishes to a real git host leaves it unset.
 */
export const catalogModuleLocalRepositories = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-repositories',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        locations: catalogLocationsExtensionPoint,
      },
      async init({ config, logger, locations }) {
        if (!config.has('goldenPaths.repositories.directory')) return;
        locations.setAllowedLocationTypes(['url', 'file']);
        logger.info(
          'Catalog accepts file locations: golden paths publish to local git repositories',
        );
      },
    });
  },
});
