import { lazy, Suspense } from 'react';
import {
  ApiBlueprint,
  AppRootElementBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  compatWrapper,
  convertLegacyRouteRef,
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import { npsApiRef } from './api/NpsApi';
import { NpsClient } from './api/NpsClient';
import { rootRouteRef, volunteerRouteRef } from './plugin';

const npsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: npsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new NpsClient({ discoveryApi, fetchApi }),
    }),
});

// A speech bubble with a gauge: the survey.
const npsIcon = (
  <svg
    viewBox="0 0 24 24"
    width="24"
    height="24"
    fill="currentColor"
    aria-hidden
  >
    <path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-4 4V5a2 2 0 0 1 2-2zm3 11h2V9H7v5zm4 0h2V6h-2v8zm4 0h2v-3h-2v3z" />
  </svg>
);

const npsPage = PageBlueprint.make({
  params: {
    path: '/nps',
    title: 'Platform NPS',
    icon: npsIcon,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/NpsPage').then(m => compatWrapper(<m.Router />)),
  },
});

// Loaded after the portal itself, so the prompt never slows the first page.
const Prompt = lazy(() =>
  import('./components/NpsPrompt').then(m => ({ default: m.NpsPrompt })),
);

const npsPrompt = AppRootElementBlueprint.make({
  name: 'prompt',
  params: {
    element: <Suspense fallback={null}>{compatWrapper(<Prompt />)}</Suspense>,
  },
});

/** The platform NPS plugin for Backstage's new frontend system. */
export default createFrontendPlugin({
  pluginId: 'nps',
  externalRoutes: convertLegacyRouteRefs({ volunteer: volunteerRouteRef }),
  extensions: [npsApi, npsPage, npsPrompt],
});
