import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { backend, demoHeaders } from './auth';

// The backend runs in packages/backend: relative targets start there.
const repoRoot = path.resolve(__dirname, '..');

// What each target would reveal if the catalog read it: none of it may appear.
const targets: Array<{ target: string; reveals: string[] }> = [
  { target: '/etc/passwd', reveals: ['root:x:0:0', '/bin/'] },
  {
    target: '../../app-config.yaml',
    reveals: ['organization', 'Lumen Freight', 'better-sqlite3'],
  },
  { target: '../../examples/*.yaml', reveals: ['priya', 'checkout-api'] },
  { target: `${repoRoot}/package.json`, reveals: ['devDependencies'] },
  { target: '/no/such/file.yaml', reveals: [] },
  // The repositories the golden paths publish to are not a way in either.
  {
    target: `${repoRoot}/.data/e2e/repositories/*/catalog-info.yaml`,
    reveals: ['source-template'],
  },
];

test.describe('the catalog never accepts a file location through its API', () => {
  for (const person of ['jonas.weber', 'priya.raman']) {
    test(`${person}: every file location is a 4xx without the file's content`, async ({
      request,
    }) => {
      expect(fs.existsSync('/etc/passwd')).toBe(true);
      const headers = await demoHeaders(request, person);
      const statuses = new Set<number>();
      for (const { target, reveals } of targets) {
        for (const dryRun of [true, false]) {
          const res = await request.post(
            `${backend}/api/catalog/locations${dryRun ? '?dryRun=true' : ''}`,
            { headers, data: { type: 'file', target } },
          );
          const body = await res.text();
          expect(
            { target, dryRun, status: res.status() },
            `${target} (dryRun ${dryRun}) answered ${body}`,
          ).toEqual({ target, dryRun, status: 400 });
          statuses.add(res.status());
          for (const secret of reveals) expect(body).not.toContain(secret);
          // Existing and missing files are refused alike: nothing to probe.
          expect(JSON.parse(body).error.message).toMatch(
            /Registered locations must be of an allowed type/,
          );
        }
      }
      expect([...statuses]).toEqual([400]);

      // Nothing was stored: no location with any of these targets.
      const stored = await request.get(`${backend}/api/catalog/locations`, {
        headers,
      });
      expect(stored.status()).toBe(200);
      const storedTargets = (await stored.json()).map(
        (l: any) => l.data?.target ?? l.target,
      );
      for (const { target } of targets) {
        expect(storedTargets).not.toContain(target);
      }
    });
  }
});
