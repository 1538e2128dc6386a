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
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
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

// Cards for any Backstage home page (the home plugin's widgets); Paved's own home uses them.
// Only the type: the cards load when a home page shows them.
type CardsModule = typeof import('./components/Cards');
const widget = (
  name: string,
  widgetName: string,
  title: string,
  description: string,
  pick: (m: CardsModule) => () => JSX.Element,
) =>
  HomePageWidgetBlueprint.make({
    name,
    params: {
      name: widgetName,
      title,
      description,
      components: async () => {
        const Card = pick(await import('./components/Cards'));
        return { Content: () => compatWrapper(<Card />) };
      },
    },
  });

const npsWidget = widget(
  'nps-trend',
  'PavedNpsTrend',
  'Platform NPS',
  'Platform NPS with its interval, trend and goal line',
  m => m.NpsTrendCard,
);
const adoptionWidget = widget(
  'golden-path-adoption',
  'PavedGoldenPathAdoption',
  'Golden-path adoption',
  'New services from golden paths, against the 80% goal',
  m => m.AdoptionCard,
);
const deliveryWidget = widget(
  'delivery',
  'PavedDeliveryMetrics',
  'Delivery metrics',
  'The DORA metrics of the last 90 days, with bands',
  m => m.DeliveryCard,
);
const roadmapWidget = widget(
  'roadmap',
  'PavedRoadmap',
  'Platform roadmap',
  'What shipped, what is now and next, breaking changes ahead',
  m => m.RoadmapCard,
);

// On group (team) pages: the team's adoption, NPS and DORA where large enough to show.
const groupHealthCard = EntityCardBlueprint.make({
  name: 'team-health',
  params: {
    type: 'info',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/Cards').then(m =>
        compatWrapper(<m.TeamHealthCard />),
      ),
  },
});

/** Platform health for Backstage's new frontend system. */
export default createFrontendPlugin({
  pluginId: 'platform-health',
  extensions: [
    platformHealthApi,
    healthPage,
    npsWidget,
    adoptionWidget,
    deliveryWidget,
    roadmapWidget,
    groupHealthCard,
  ],
});
