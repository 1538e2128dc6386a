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
import {
  FormFieldBlueprint,
  createFormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import { SOURCE_TEMPLATE_ANNOTATION } from '@paved/plugin-golden-paths-common';
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

// The Scaffolder fields the golden paths' templates use (`ui:field`).
const componentNameField = FormFieldBlueprint.make({
  name: 'component-name',
  params: {
    field: () =>
      import('./components/ScaffolderFields').then(m =>
        createFormField({
          name: 'GoldenPathComponentName',
          component: m.ComponentNameField,
          validation: m.componentNameValidation,
        }),
      ),
  },
});

const ownerField = FormFieldBlueprint.make({
  name: 'owner',
  params: {
    field: () =>
      import('./components/ScaffolderFields').then(m =>
        createFormField({ name: 'GoldenPathOwner', component: m.OwnerField }),
      ),
  },
});

// On the catalog page of a component created from a template.
const entityGoldenPathCard = EntityCardBlueprint.make({
  name: 'golden-path',
  params: {
    filter: entity =>
      entity.kind.toLocaleLowerCase('en-US') === 'component' &&
      Boolean(entity.metadata.annotations?.[SOURCE_TEMPLATE_ANNOTATION]),
    loader: () =>
      import('./components/EntityGoldenPathCard').then(m =>
        compatWrapper(<m.EntityGoldenPathCard />),
      ),
  },
});

/** Golden paths for Backstage's new frontend system. */
export default createFrontendPlugin({
  pluginId: 'golden-paths',
  extensions: [
    goldenPathsApi,
    goldenPathsPage,
    componentNameField,
    ownerField,
    entityGoldenPathCard,
  ],
});
