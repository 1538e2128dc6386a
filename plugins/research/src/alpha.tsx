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
  convertLegacyRouteRefs,
} from '@backstage/core-compat-api';
import { RoadmapItemCardBlueprint } from '@paved/plugin-roadmap-react';
import { researchApiRef } from './api/ResearchApi';
import { ResearchClient } from './api/ResearchClient';
import { rootRouteRef, volunteerRouteRef } from './routes';

const researchApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: researchApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ResearchClient({ discoveryApi, fetchApi }),
    }),
});

// Two speech bubbles: a conversation.
const researchIcon = (
  <svg
    viewBox="0 0 24 24"
    width="24"
    height="24"
    fill="currentColor"
    aria-hidden
  >
    <path d="M3 3h12a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2H8l-4 3v-3H3a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm16 5h2a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2h-1v3l-4-3h-5a2 2 0 0 1-2-2v-1h6a4 4 0 0 0 4-4V8z" />
  </svg>
);

const researchPage = PageBlueprint.make({
  params: {
    path: '/research',
    title: 'User research',
    icon: researchIcon,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    noHeader: true,
    loader: () =>
      import('./components/ResearchPage').then(m =>
        compatWrapper(<m.Router />),
      ),
  },
});

// The developer preview, on every roadmap item's page (the roadmap's extension input).
const previewCard = RoadmapItemCardBlueprint.make({
  name: 'preview',
  params: {
    loader: () =>
      import('./components/PreviewCard').then(
        m => (props: any) => compatWrapper(<m.PreviewCard {...props} />),
      ),
  },
});

/** User research for Backstage's new frontend system. */
export default createFrontendPlugin({
  pluginId: 'research',
  routes: convertLegacyRouteRefs({
    root: rootRouteRef,
    volunteer: volunteerRouteRef,
  }),
  extensions: [researchApi, researchPage, previewCard],
});
