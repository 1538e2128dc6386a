import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { platformMetricsApiRef } from './api/PlatformMetricsApi';
import { PlatformMetricsClient } from './api/PlatformMetricsClient';
import { rootRouteRef } from './routes';

export { rootRouteRef };

/** Delivery metrics for apps on Backstage's legacy frontend system. */
export const platformMetricsPlugin = createPlugin({
  id: 'platform-metrics',
  apis: [
    createApiFactory({
      api: platformMetricsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformMetricsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The /delivery page. */
export const DeliveryPage = platformMetricsPlugin.provide(
  createRoutableExtension({
    name: 'DeliveryPage',
    component: () =>
      import('./components/DeliveryPage').then(m => m.DeliveryPage),
    mountPoint: rootRouteRef,
  }),
);

/** The DORA card for component and group pages. */
export const EntityDoraCard = platformMetricsPlugin.provide(
  createComponentExtension({
    name: 'EntityDoraCard',
    component: {
      lazy: () => import('./components/DoraCard').then(m => m.EntityDoraCard),
    },
  }),
);
