import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  authProvidersExtensionPoint,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { demoAuthenticator } from './authenticator';
import { demoPersonProfile, signInAsDemoPerson } from './resolvers';

/**
 * The `demo` sign-in provider: sign in as any person of the catalog, so the
 * portal can be tried as a developer, a platform PM or a leader. Active only
 * when `auth.providers.demo` is configured, and only in development.
 */
export const authModuleDemoProvider = createBackendModule({
  pluginId: 'auth',
  moduleId: 'demo-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        const providerConfig = config.getOptionalConfig('auth.providers.demo');
        if (!providerConfig) {
          return;
        }
        providers.registerProvider({
          providerId: 'demo',
          factory: createProxyAuthProviderFactory({
            authenticator: demoAuthenticator,
            profileTransform: demoPersonProfile,
            signInResolver: signInAsDemoPerson(providerConfig),
          }),
        });
      },
    });
  },
});
