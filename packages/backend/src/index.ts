/*
 * The Paved portal backend: the Backstage core plugins Paved builds on
 * (catalog, scaffolder, auth, permissions) plus the Paved plugins.
 */
import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleLocalRepositories } from './modules/catalogLocalRepositories';

const backend = createBackend();

// Serves the frontend bundle in production builds.
backend.add(import('@backstage/plugin-app-backend'));

// Sign-in. The guest provider is for local use only; see README "Sign-in".
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// Development only: sign in as any person of the catalog (README "Sign-in").
backend.add(import('@paved/plugin-auth-backend-module-demo-provider'));

// Event bus the catalog subscribes to.
backend.add(import('@backstage/plugin-events-backend'));

// Software catalog, with Template entities and error logging.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// Golden paths publish to local git repositories: allow registering them.
backend.add(catalogModuleLocalRepositories);

// Scaffolder (golden paths run through it).
backend.add(import('@backstage/plugin-scaffolder-backend'));
// Golden-path actions: refuse taken names, publish to a local git repository
// and register the new component, all or nothing.
backend.add(import('@paved/plugin-scaffolder-backend-module-golden-paths'));

// Permission framework with Paved's policy: the platform group holds the
// platform-PM permissions, everyone else reads.
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@paved/plugin-permission-backend-module-platform-policy'));

// Paved: platform NPS, public roadmap, golden paths.
backend.add(import('@paved/plugin-nps-backend'));
backend.add(import('@paved/plugin-roadmap-backend'));
backend.add(import('@paved/plugin-golden-paths-backend'));
// Paved: user research (developer interviews and developer previews).
backend.add(import('@paved/plugin-research-backend'));

// Development only: the demo organisation's history (survey answers, roadmap,
// golden-path runs, user research), each behind its `<plugin>.demoData.enabled` setting. A
// production backend never carries it; the module itself refuses production.
if (process.env.NODE_ENV !== 'production') {
  backend.add(import('@paved/backend-module-demo'));
}

backend.start();
