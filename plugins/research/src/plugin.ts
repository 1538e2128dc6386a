import {
  createApiFactory,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { researchApiRef } from './api/ResearchApi';
import { ResearchClient } from './api/ResearchClient';
import { rootRouteRef, volunteerRouteRef } from './routes';

export { rootRouteRef, volunteerRouteRef };

/** User research for apps on Backstage's legacy frontend system. */
export const researchPlugin = createPlugin({
  id: 'research',
  apis: [
    createApiFactory({
      api: researchApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ResearchClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef, volunteer: volunteerRouteRef },
});

/** The /research page and its study, interview and volunteer pages. */
export const ResearchPage = researchPlugin.provide(
  createRoutableExtension({
    name: 'ResearchPage',
    component: () => import('./components/ResearchPage').then(m => m.Router),
    mountPoint: rootRouteRef,
  }),
);
