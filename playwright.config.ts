import { defineConfig } from '@playwright/test';

/**
 * Browser and API tests against the real portal. Chromium comes from Debian
 * (/usr/bin/chromium, installed by `./paved test`); Playwright never downloads a
 * browser. Unless PAVED_E2E_REUSE is set, the portal is started here on a fresh
 * SQLite directory (.data/e2e) with the demo data.
 */
const chromium = process.env.PAVED_CHROMIUM ?? '/usr/bin/chromium';
const reuse = Boolean(process.env.PAVED_E2E_REUSE);

export default defineConfig({
  testDir: 'e2e-tests',
  // The production profile has its own servers: playwright.production.config.ts.
  testIgnore: ['production/**'],
  timeout: 90_000,
  expect: { timeout: 30_000 },
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: 'node_modules/.cache/paved/e2e-results.json' }],
  ],
  outputDir: 'node_modules/.cache/paved/e2e-artifacts',
  webServer: [
    {
      // The log goes to a file that scripts/test-all.sh checks for errors.
      command:
        'yarn workspace backend start --config ../../app-config.yaml --config ../../e2e-tests/app-config.e2e.yaml > node_modules/.cache/paved/e2e-backend.log 2>&1',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: reuse,
      timeout: 180_000,
    },
    {
      command: 'yarn workspace app start',
      url: 'http://localhost:3000',
      reuseExistingServer: reuse,
      timeout: 300_000,
    },
  ],
  use: {
    baseURL: 'http://localhost:3000',
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
