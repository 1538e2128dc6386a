import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import { goldenPathsApiRef } from './api/GoldenPathsApi';
import { GoldenPathsClient } from './api/GoldenPathsClient';
import { rootRouteRef } from './plugin';

const goldenPathsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: goldenPathsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new GoldenPathsClient({ discoveryApi, fetchApi }),
    }),
});

// A paved road running into the distance, its centre line marked.
const goldenPathsIcon = (
  <svg
    viewBox="0 0 24 24"
    width="24"
    height="24"
    fill="currentColor"
    fillRule="evenodd"
    aria-hidden
  >
    <path d="M9 3h6l7 18H2L9 3zm2 2v3h2V5h-2zm0 5v4h2v-4h-2zm0 6v5h2v-5h-2z" />
  </svg>
);

const goldenPathsPage = PageBlueprint.make({
  params: {
    path: '/golden-paths',
    title: 'Golden paths',
    icon: goldenPathsIcon,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/GoldenPathsPage').then(m =>
        compatWrapper(<m.Router />),
      ),
  },
});

/** Golden paths for Backstage's new frontend system. */
export default createFrontendPlugin({
  pluginId: 'golden-paths',
  extensions: [goldenPathsApi, goldenPathsPage],
});
