import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { roadmapApiRef } from './api/RoadmapApi';
import { RoadmapClient } from './api/RoadmapClient';
import { rootRouteRef } from './routes';

export { rootRouteRef };

/** The public platform roadmap for apps on Backstage's legacy frontend system. */
export const roadmapPlugin = createPlugin({
  id: 'roadmap',
  apis: [
    createApiFactory({
      api: roadmapApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RoadmapClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The /roadmap page and its item pages (/roadmap/items/:id). */
export const RoadmapPage = roadmapPlugin.provide(
  createRoutableExtension({
    name: 'RoadmapPage',
    component: () => import('./components/RoadmapPage').then(m => m.Router),
    mountPoint: rootRouteRef,
  }),
);
