import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const welcome = `
Paved is how the platform team runs Lumen Freight's developer platform as a product:
we ask you how it is going, show you where it is heading, and make the right way to
build a service the easy way.

- **Find software**: every service, library and team is in the [catalog](/catalog).
- **Start something new**: create a service from a template in [Create](/create).
- **Who owns what**: see the teams and people under [Engineering](/catalog/default/group/engineering).
`;

const welcomeWidget = HomePageWidgetBlueprint.make({
  name: 'welcome',
  params: {
    name: 'PavedWelcome',
    title: 'Welcome to Paved',
    description: 'What the portal is for, and where to start',
    components: async () => ({
      Content: () => <MarkdownContent content={welcome} />,
    }),
  },
});

// A page with a main landmark and a level-1 heading, like every other page.
const homeLayout = HomePageLayoutBlueprint.make({
  params: {
    loader: () => import('./HomeLayout').then(m => m.HomeLayout),
  },
});

/** The portal home: a welcome card, then the user's starred entities. */
export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [welcomeWidget, homeLayout],
});
