import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () =>
      import('./PavedSignInPage').then(m => m.PavedSignInPage),
  },
});

/** Replaces the app's sign-in page with {@link PavedSignInPage}. */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage],
});
