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
} from '@backstage/core-compat-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { platformMetricsApiRef } from './api/PlatformMetricsApi';
import { PlatformMetricsClient } from './api/PlatformMetricsClient';
import { rootRouteRef } from './plugin';

const platformMetricsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: platformMetricsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new PlatformMetricsClient({ discoveryApi, fetchApi }),
    }),
});

// A rising line over bars: delivery over time.
const deliveryIcon = (
  <svg
    viewBox="0 0 24 24"
    width="24"
    height="24"
    fill="currentColor"
    aria-hidden
  >
    <path d="M3 20h18v2H3v-2zm1-6h3v5H4v-5zm5-3h3v8H9v-8zm5 2h3v6h-3v-6zm5-5h3v11h-3V8zM3.7 9.7 2.3 8.3 8 2.6l4 4 5.3-5.3 1.4 1.4L12 9.4l-4-4-4.3 4.3z" />
  </svg>
);

const deliveryPage = PageBlueprint.make({
  params: {
    path: '/delivery',
    title: 'Delivery',
    icon: deliveryIcon,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/DeliveryPage').then(m =>
        compatWrapper(<m.DeliveryPage />),
      ),
  },
});

// The way Backstage DORA plugins do it: a card on the entity's overview,
// beside About.
const componentDoraCard = EntityCardBlueprint.make({
  name: 'dora-component',
  params: {
    type: 'info',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/DoraCard').then(m =>
        compatWrapper(<m.EntityDoraCard />),
      ),
  },
});

const groupDoraCard = EntityCardBlueprint.make({
  name: 'dora-group',
  params: {
    type: 'info',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/DoraCard').then(m =>
        compatWrapper(<m.EntityDoraCard />),
      ),
  },
});

// Records the first sign-in after the portal itself has loaded.
const Recorder = lazy(() =>
  import('./components/SignInRecorder').then(m => ({
    default: m.SignInRecorder,
  })),
);

const signInRecorder = AppRootElementBlueprint.make({
  name: 'sign-in-recorder',
  params: {
    element: <Suspense fallback={null}>{compatWrapper(<Recorder />)}</Suspense>,
  },
});

/** Delivery metrics for Backstage's new frontend system. */
export default createFrontendPlugin({
  pluginId: 'platform-metrics',
  extensions: [
    platformMetricsApi,
    deliveryPage,
    componentDoraCard,
    groupDoraCard,
    signInRecorder,
  ],
});
