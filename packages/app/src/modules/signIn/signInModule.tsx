import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { oidcAuthApi } from './oidcAuth';

const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () =>
      import('./PavedSignInPage').then(m => m.PavedSignInPage),
  },
});

/**
 * Replaces the app's sign-in page with {@link PavedSignInPage}, and adds the
 * OIDC sign-in client it offers in production.
 */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage, oidcAuthApi],
});
