import {
  ApiBlueprint,
  PageBlueprint,
  createExtensionInput,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import {
  compatWrapper,
  convertLegacyRouteRef,
} from '@backstage/core-compat-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { roadmapApiRef } from './api/RoadmapApi';
import { RoadmapClient } from './api/RoadmapClient';
import { rootRouteRef } from './plugin';
import { roadmapItemCardDataRef } from '@paved/plugin-roadmap-react';
import { ItemCardsContext } from './components/ItemPage/ItemCards';

const roadmapApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: roadmapApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new RoadmapClient({ discoveryApi, fetchApi }),
    }),
});

// A signpost: where the platform is heading.
const roadmapIcon = (
  <svg
    viewBox="0 0 24 24"
    width="24"
    height="24"
    fill="currentColor"
    aria-hidden
  >
    <path d="M11 2h2v3h6l3 3-3 3h-6v2h-2v-2H6V5h5V2zm2 13v7h-2v-7H5l-3-3 3-3h0v6h8z" />
  </svg>
);

// Other plugins attach cards to each item's page (RoadmapItemCardBlueprint).
const roadmapPage = PageBlueprint.makeWithOverrides({
  inputs: {
    itemCards: createExtensionInput([roadmapItemCardDataRef]),
  },
  factory(originalFactory, { inputs }) {
    const cards = inputs.itemCards.map(card =>
      card.get(roadmapItemCardDataRef),
    );
    return originalFactory({
      path: '/roadmap',
      title: 'Roadmap',
      icon: roadmapIcon,
      routeRef: convertLegacyRouteRef(rootRouteRef),
      noHeader: true,
      loader: () =>
        import('./components/RoadmapPage').then(m =>
          compatWrapper(
            <ItemCardsContext.Provider value={cards}>
              <m.Router />
            </ItemCardsContext.Provider>,
          ),
        ),
    });
  },
});

const breakingChangesWidget = HomePageWidgetBlueprint.make({
  name: 'breaking-changes',
  params: {
    name: 'RoadmapBreakingChanges',
    title: 'Breaking changes ahead',
    description: 'Platform breaking changes taking effect in the next 30 days',
    components: async () => {
      const { BreakingChangesBanner } = await import(
        './components/BreakingChangesBanner'
      );
      return {
        Content: () => compatWrapper(<BreakingChangesBanner />),
      };
    },
  },
});

/** The public platform roadmap for Backstage's new frontend system. */
export default createFrontendPlugin({
  pluginId: 'roadmap',
  extensions: [roadmapApi, roadmapPage, breakingChangesWidget],
});
