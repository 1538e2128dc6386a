import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { signInModule } from './modules/signIn';

/**
 * The Paved portal. Plugins the app package depends on are discovered
 * (`app.packages: all`); the modules here customise the app itself.
 */
export default createApp({
  features: [navModule, homeModule, signInModule],
});
