import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { goldenPathsApiRef } from './api/GoldenPathsApi';
import { GoldenPathsClient } from './api/GoldenPathsClient';
import { rootRouteRef } from './routes';

export { rootRouteRef };

/** Golden paths for apps on Backstage's legacy frontend system. */
export const goldenPathsPlugin = createPlugin({
  id: 'golden-paths',
  apis: [
    createApiFactory({
      api: goldenPathsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GoldenPathsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The /golden-paths page and its path pages (/golden-paths/:namespace/:name). */
export const GoldenPathsPage = goldenPathsPlugin.provide(
  createRoutableExtension({
    name: 'GoldenPathsPage',
    component: () => import('./components/GoldenPathsPage').then(m => m.Router),
    mountPoint: rootRouteRef,
  }),
);
