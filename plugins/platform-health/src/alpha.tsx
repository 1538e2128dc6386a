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
import { platformHealthApiRef } from './api/PlatformHealthApi';
import { PlatformHealthClient } from './api/PlatformHealthClient';
import { rootRouteRef } from './plugin';

const platformHealthApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: platformHealthApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformHealthClient({ discoveryApi, fetchApi }),
    }),
});

// A pulse line: the platform's health.
const healthIcon = (
  <svg
    viewBox="0 0 24 24"
    width="24"
    height="24"
    fill="currentColor"
    aria-hidden
  >
    <path d="M3 13h4.4l2.1-5.2 3.6 10.4 2.8-7.2 1.3 2H21v2h-4.9l-.7-1.1-3.3 8.5L8.7 12 8.7 12l-.6 1.5-.3.5H3v-1z" />
  </svg>
);

const healthPage = PageBlueprint.make({
  params: {
    path: '/health',
    title: 'Platform health',
    icon: healthIcon,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/Router').then(m =>
        compatWrapper(<m.HealthRouter />),
      ),
  },
});

/** Platform health for Backstage's new frontend system. */
export default createFrontendPlugin({
  pluginId: 'platform-health',
  extensions: [platformHealthApi, healthPage],
});
