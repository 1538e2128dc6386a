import { Browser, expect, Page, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');

/**
 * Signs in on the production sign-in page through the identity provider's
 * popup, as `user`, and returns the Backstage token the app then sends.
 */
async function signInWithOidc(browser: Browser, user: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  const card = page.getByRole('listitem').filter({ hasText: 'Single sign-on' });
  await expect(
    card.getByText('Sign in with your company account'),
  ).toBeVisible();

  const popupOpened = page.waitForEvent('popup');
  await card.getByRole('button', { name: 'Sign in' }).click();
  const popup = await popupOpened;
  // The provider's login page, then its consent page.
  await popup.locator('input[name="login"]').fill(user);
  await popup.locator('input[name="password"]').fill('any password');
  await popup.getByRole('button', { name: 'Sign-in' }).click();
  await popup.getByRole('button', { name: 'Continue' }).click();

  const bearer = waitForBearer(page);
  await expect(page.getByText('Welcome to Paved')).toBeVisible();
  return { page, authorization: await bearer, context };
}

// The Authorization header of the app's first signed-in API call.
async function waitForBearer(page: Page): Promise<string> {
  const request = await page.waitForRequest(
    r =>
      r.url().includes('/api/') &&
      (r.headers().authorization ?? '').startsWith('Bearer '),
  );
  return request.headers().authorization;
}

const roadmapItem = {
  title: 'Production sign-in works',
  summary: 'Created by the production profile test.',
  category: 'developer-portal',
  owner: 'group:default/platform-team',
  horizon: 'now',
  status: 'building',
};

test.describe('the production profile (built, NODE_ENV=production, Postgres)', () => {
  test('has no demo or guest sign-in: never a token', async ({ request }) => {
    for (const provider of ['guest', 'demo']) {
      for (const path of ['refresh', 'start']) {
        const res = await request.get(`/api/auth/${provider}/${path}`, {
          headers: {
            'x-requested-with': 'XMLHttpRequest',
            'x-paved-demo-person': 'priya.raman',
          },
          maxRedirects: 0,
        });
        expect([404, 401]).toContain(res.status());
        expect(await res.text()).not.toMatch(/"token"/);
      }
    }
    // And no API answers without a real sign-in.
    expect((await request.get('/api/roadmap/items')).status()).toBe(401);
    expect((await request.get('/api/auth/oidc/refresh')).status()).not.toBe(
      200,
    );
  });

  test('serves the built frontend from the backend', async ({ request }) => {
    const res = await request.get('/');
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });

  test('a platform PM signs in through OIDC and edits the roadmap; a developer cannot', async ({
    browser,
    request,
  }) => {
    const priya = await signInWithOidc(browser, 'priya.raman');
    const created = await request.post('/api/roadmap/items', {
      headers: { authorization: priya.authorization },
      data: roadmapItem,
    });
    expect(created.status()).toBe(201);
    expect((await created.json()).title).toBe(roadmapItem.title);
    await priya.context.close();

    const jonas = await signInWithOidc(browser, 'jonas.weber');
    const refused = await request.post('/api/roadmap/items', {
      headers: { authorization: jonas.authorization },
      data: { ...roadmapItem, title: 'Not allowed' },
    });
    expect(refused.status()).toBe(403);
    // He still reads the roadmap, with the PM's item on it.
    const list = await request.get('/api/roadmap/items', {
      headers: { authorization: jonas.authorization },
    });
    expect(list.status()).toBe(200);
    expect((await list.json()).items.map((i: any) => i.title)).toEqual([
      roadmapItem.title,
    ]);
    await jonas.context.close();
  });

  test('refuses to start with development settings, naming the key to remove', () => {
    const result = spawnSync(
      'bash',
      [
        'scripts/production.sh',
        'start',
        '--config',
        path.join(repoRoot, 'e2e-tests/production/app-config.guest.yaml'),
      ],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          PAVED_PORT: '7152',
          PAVED_DATABASE_PREFIX: 'paved_e2e_refused_',
        },
      },
    );
    // Whatever it created before stopping goes again.
    spawnSync('node', ['e2e-tests/production/reset-databases.mjs'], {
      cwd: repoRoot,
      env: { ...process.env, PAVED_DATABASE_PREFIX: 'paved_e2e_refused_' },
    });
    // It exits (it does not stay up half-started), and says why.
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toContain(
      'remove auth.providers.guest',
    );
  });
});
