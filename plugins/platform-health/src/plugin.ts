import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { platformHealthApiRef } from './api/PlatformHealthApi';
import { PlatformHealthClient } from './api/PlatformHealthClient';
import { rootRouteRef } from './routes';

export { rootRouteRef };

/** Platform health for apps on Backstage's legacy frontend system. */
export const platformHealthPlugin = createPlugin({
  id: 'platform-health',
  apis: [
    createApiFactory({
      api: platformHealthApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformHealthClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The /health page and its printable quarterly review (/health/review). */
export const PlatformHealthPage = platformHealthPlugin.provide(
  createRoutableExtension({
    name: 'PlatformHealthPage',
    component: () => import('./components/Router').then(m => m.HealthRouter),
    mountPoint: rootRouteRef,
  }),
);
