import {
  createApiFactory,
  createComponentExtension,
  createExternalRouteRef,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { npsApiRef } from './api/NpsApi';
import { NpsClient } from './api/NpsClient';

/** The /nps page's route. */
export const rootRouteRef = createRouteRef({ id: 'nps' });

/**
 * Where the thank-you sends developers who would talk to the platform team (the app
 * binds it, e.g. to user research's volunteer page); unbound, the thank-you has no link.
 */
export const volunteerRouteRef = createExternalRouteRef({
  id: 'volunteer',
  optional: true,
});

/** The platform NPS plugin for apps on Backstage's legacy frontend system. */
export const npsPlugin = createPlugin({
  id: 'nps',
  apis: [
    createApiFactory({
      api: npsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new NpsClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
  externalRoutes: { volunteer: volunteerRouteRef },
});

/** The /nps page: answer the survey, read results and the trend. */
export const NpsPage = npsPlugin.provide(
  createRoutableExtension({
    name: 'NpsPage',
    component: () => import('./components/NpsPage').then(m => m.Router),
    mountPoint: rootRouteRef,
  }),
);

/** The survey prompt; render it once in the app root to show it on every page. */
export const NpsPrompt = npsPlugin.provide(
  createComponentExtension({
    name: 'NpsPrompt',
    component: {
      lazy: () => import('./components/NpsPrompt').then(m => m.NpsPrompt),
    },
  }),
);
