/*
 * The Paved portal backend: the Backstage core plugins Paved builds on
 * (catalog, scaffolder, auth, permissions) plus the Paved plugins.
 */
import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleLocalRepositories } from './modules/catalogLocalRepositories';
import { productionGuardModule } from './modules/productionGuard';
import { platformPermissionsServiceFactory } from '@paved/plugin-permission-backend-module-platform-policy';
import { cachedHttpAuthServiceFactory } from './services/cachedHttpAuthServiceFactory';

const backend = createBackend();

// With NODE_ENV=production, refuses to start while demo or guest sign-in, demo
// data or local repositories are configured (README "Running in production").
backend.add(productionGuardModule);

// Serves the frontend bundle in production builds.
backend.add(import('@backstage/plugin-app-backend'));

// Sign-in. OpenID Connect is the production identity provider; the guest
// provider is for local use only; see README "Sign-in".
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));
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
// Services that golden paths publish to local git repositories reach the
// catalog through a provider reading only their catalog-info.yaml; the
// catalog API itself accepts `url` locations only (never `file`).
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
// Every plugin decides a user's permission questions that name no single
// resource with Paved's policy in its own process instead of an HTTP round trip
// to the permission backend per request (paved.permissions.evaluateInProcess).
backend.add(platformPermissionsServiceFactory);
// Every plugin trusts a verified user token again for a minute (never past its
// expiry; paved.auth.userTokenCacheSeconds) instead of checking its signature
// on every request.
backend.add(cachedHttpAuthServiceFactory);

// Paved: platform NPS, public roadmap, golden paths.
backend.add(import('@paved/plugin-nps-backend'));
backend.add(import('@paved/plugin-roadmap-backend'));
backend.add(import('@paved/plugin-golden-paths-backend'));
// Paved: delivery metrics (DORA, time to first deployment, release impact);
// CI/CD and incident tools send events with static tokens (README).
backend.add(import('@paved/plugin-platform-metrics-backend'));
// Paved: user research (developer interviews and developer previews).
backend.add(import('@paved/plugin-research-backend'));
// Paved: platform health (targets and the quarter's OKRs; the metrics are read
// from the plugins that own them).
backend.add(import('@paved/plugin-platform-health-backend'));

// Development only: the demo organisation's history (survey answers, roadmap,
// golden-path runs, user research), each behind its `<plugin>.demoData.enabled` setting. A
// production backend never carries it; the module itself refuses production.
if (process.env.NODE_ENV !== 'production') {
  backend.add(import('@paved/backend-module-demo'));
}

// A backend whose plugins failed to start (such as the production guard's
// refusal) exits instead of staying up half-started.
backend.start().catch(error => {
  process.stderr.write(`The backend did not start: ${error}\n`);
  process.exit(1);
});
