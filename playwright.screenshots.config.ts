import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * Takes the README's screenshots (docs/images) and a review set of every Paved
 * page as a developer and as a platform PM, at 1440×900, on the demo portal:
 *
 *   ./paved yarn playwright test --config playwright.screenshots.config.ts
 *
 * The review set goes to node_modules/.cache/paved/screenshots (not committed).
 */
export default defineConfig({
  ...base,
  testDir: 'docs/screenshots',
  reporter: [['list']],
  timeout: 600_000,
});
