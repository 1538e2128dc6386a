import { defineConfig } from '@playwright/test';
import path from 'node:path';

/**
 * The production profile, for real: the built backend serving the built
 * frontend (scripts/production.sh start, NODE_ENV=production) with
 * app-config.production.yaml alone, on fresh Postgres databases, signing in
 * through a local OpenID Connect provider. Build first (`./paved
 * build:production`; scripts/test-all.sh does). Ports from 7100-7199 so it
 * never meets the development portal.
 */
const chromium = process.env.PAVED_CHROMIUM ?? '/usr/bin/chromium';
const backendPort = 7150;
const oidcPort = 7151;
const baseURL = `http://localhost:${backendPort}`;

const env: Record<string, string> = {
  PAVED_BASE_URL: baseURL,
  PAVED_PORT: String(backendPort),
  PAVED_ORGANIZATION_NAME: 'Lumen Freight',
  PAVED_CATALOG_LOCATION: path.resolve(__dirname, 'examples/org.yaml'),
  POSTGRES_HOST: process.env.PAVED_TEST_POSTGRES_HOST ?? '127.0.0.1',
  POSTGRES_PORT: process.env.PAVED_TEST_POSTGRES_PORT ?? '5432',
  POSTGRES_USER: process.env.PAVED_TEST_POSTGRES_USER ?? 'postgres',
  POSTGRES_PASSWORD: '',
  PAVED_DATABASE_PREFIX: 'paved_e2e_production_',
  AUTH_SESSION_SECRET: 'e2e-only-session-secret-not-for-real-use',
  OIDC_METADATA_URL: `http://localhost:${oidcPort}/.well-known/openid-configuration`,
  OIDC_CLIENT_ID: 'paved',
  OIDC_CLIENT_SECRET: 'paved-e2e-secret',
  PAVED_OIDC_PORT: String(oidcPort),
  PAVED_OIDC_REDIRECT_URI: `${baseURL}/api/auth/oidc/handler/frame`,
};
Object.assign(process.env, env);

export default defineConfig({
  testDir: 'e2e-tests/production',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: 'node_modules/.cache/paved/e2e-production-results.json' },
    ],
  ],
  outputDir: 'node_modules/.cache/paved/e2e-production-artifacts',
  webServer: [
    {
      command: 'node e2e-tests/production/oidc-provider.mjs',
      url: `http://localhost:${oidcPort}/.well-known/openid-configuration`,
      env,
      timeout: 30_000,
    },
    {
      // The log goes to a file that scripts/test-all.sh checks for errors.
      command:
        'node e2e-tests/production/reset-databases.mjs && bash scripts/production.sh start > node_modules/.cache/paved/production-backend.log 2>&1',
      url: `${baseURL}/.backstage/health/v1/readiness`,
      env,
      timeout: 180_000,
    },
  ],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
