import { Page, expect, test } from '@playwright/test';
import { backend, demoHeaders, signIn } from '../../e2e-tests/auth';

const REVIEW = 'node_modules/.cache/paved/screenshots';

async function shot(page: Page, file: string) {
  // Let lazy charts and fonts settle.
  await page.waitForTimeout(1_500);
  await page.screenshot({ path: file });
}

/**
 * A long page whole at 1440 wide: the portal scrolls inside its content area,
 * so a full-page screenshot would stop at the fold; a tall viewport does not.
 */
async function tallShot(page: Page, file: string) {
  await page.setViewportSize({ width: 1440, height: 2400 });
  // The survey prompt would cover the page; hidden here only, so the README
  // run still finds it.
  await page.addStyleTag({
    content: '[aria-label="Platform survey"] { display: none !important; }',
  });
  await shot(page, file);
  await page.setViewportSize({ width: 1440, height: 900 });
}

for (const who of [
  { as: /Jonas Weber/, user: 'jonas.weber', name: 'developer' },
  { as: /Priya Raman/, user: 'priya.raman', name: 'pm' },
]) {
  test(`every Paved page as the ${who.name}`, async ({ page, request }) => {
    const headers = await demoHeaders(request, who.user);
    const { items } = await (
      await request.get(`${backend}/api/roadmap/items`, { headers })
    ).json();
    const item =
      items.find((i: { title: string }) => /Faster CI/.test(i.title)) ??
      items[0];
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, who.as);
    const pages: Array<[string, string, (p: Page) => Promise<unknown>]> = [
      ['home', '/', p => expect(p.getByText('Welcome to Paved')).toBeVisible()],
      [
        'nps',
        '/nps',
        p =>
          expect(p.getByRole('heading', { name: 'NPS trend' })).toBeVisible(),
      ],
      [
        'nps-not-found',
        '/nps/nothing',
        p => expect(p.getByText('This page does not exist')).toBeVisible(),
      ],
      [
        'roadmap',
        '/roadmap',
        p =>
          expect(
            p.getByRole('region', { name: 'Now', exact: true }),
          ).toBeVisible(),
      ],
      [
        'roadmap-list',
        '/roadmap?view=list',
        p => expect(p.getByRole('table')).toBeVisible(),
      ],
      [
        'roadmap-shipped',
        '/roadmap?view=shipped',
        p => expect(p.getByRole('list', { name: 'Shipped' })).toBeVisible(),
      ],
      [
        'roadmap-item',
        `/roadmap/items/${item.id}`,
        p => expect(p.getByRole('heading', { name: 'History' })).toBeVisible(),
      ],
      [
        'roadmap-item-not-found',
        '/roadmap/items/00000000-0000-4000-8000-000000000000',
        p =>
          expect(p.getByText('This roadmap item does not exist')).toBeVisible(),
      ],
      [
        'golden-paths',
        '/golden-paths',
        p => expect(p.getByRole('article').first()).toBeVisible(),
      ],
      [
        'golden-paths-adoption',
        '/golden-paths?tab=adoption',
        p =>
          expect(
            p.getByRole('table', { name: 'Adoption by team' }),
          ).toBeVisible(),
      ],
      [
        'golden-path',
        '/golden-paths/default/react-web-app',
        p => expect(p.getByRole('table').first()).toBeVisible(),
      ],
      [
        'entity-card',
        '/catalog/default/component/detour-ui',
        p => expect(p.getByText(/newer version/)).toBeVisible(),
      ],
      [
        'scaffolder',
        '/create/templates/default/typescript-service',
        p => expect(p.getByText(/Lowercase letters/)).toBeVisible(),
      ],
    ];
    for (const [name, path, ready] of pages) {
      await page.goto(path);
      await ready(page);
      await shot(page, `${REVIEW}/${who.name}-${name}.png`);
    }
    // The long pages whole: health in both views with an objective's history
    // open and the survey's top themes, the item's demand, and Delivery.
    for (const view of ['monthly', 'quarterly']) {
      await page.goto(`/health?view=${view}`);
      await expect(
        page.getByRole('heading', { name: 'Lagging metrics' }),
      ).toBeVisible();
      await expect(page.getByText('Top themes from the survey')).toBeVisible();
      const history = page
        .getByRole('button', { name: /^Show edit history of / })
        .first();
      // Objectives load after the metrics; the demo may have none.
      await history.waitFor({ timeout: 15_000 }).catch(() => undefined);
      if (await history.isVisible()) await history.click();
      await tallShot(page, `${REVIEW}/${who.name}-health-${view}.png`);
    }
    await page.goto(`/roadmap/items/${item.id}`);
    await expect(page.getByText('Demand behind this item')).toBeVisible();
    await tallShot(page, `${REVIEW}/${who.name}-roadmap-item-full.png`);
    await page.goto('/delivery');
    await expect(
      page.getByRole('article', { name: 'Deployment frequency' }),
    ).toBeVisible();
    await tallShot(page, `${REVIEW}/${who.name}-delivery.png`);
    if (who.name === 'pm') {
      await page.goto('/roadmap');
      await page
        .getByRole('button', { name: /^Move “.+”…$/ })
        .first()
        .click();
      await shot(page, `${REVIEW}/pm-roadmap-move-menu.png`);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'New item' }).click();
      await page.getByRole('button', { name: 'Create item' }).click();
      await shot(page, `${REVIEW}/pm-roadmap-new-item-errors.png`);
      await page.keyboard.press('Escape');
      await page.goto(`/roadmap/items/${item.id}`);
      await page.getByRole('button', { name: 'Edit' }).click();
      await shot(page, `${REVIEW}/pm-roadmap-edit-item.png`);
      await page.goto('/nps');
      const form = page.getByRole('form', { name: 'New campaign' });
      await form.scrollIntoViewIfNeeded();
      await form.getByRole('radio', { name: 'Some teams' }).check();
      await form.getByRole('button', { name: 'Create campaign' }).click();
      await shot(page, `${REVIEW}/pm-nps-campaign-errors.png`);
    }
  });
}

test('the README screenshots', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page, /Priya Raman/);
  // On a fresh portal the demo campaign loads once the catalog has the people.
  await expect(async () => {
    await page.reload();
    await expect(
      page.getByRole('complementary', { name: 'Platform survey' }),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 180_000 });
  await shot(page, 'docs/images/nps-prompt.png');
  // The other README pictures show the pages themselves.
  const survey = page.getByRole('complementary', { name: 'Platform survey' });
  await survey.getByRole('button', { name: /Remind me later/ }).click();
  await survey.getByRole('button', { name: 'OK' }).click();
  await page.goto('/nps');
  await expect(page.getByRole('heading', { name: 'NPS trend' })).toBeVisible();
  await shot(page, 'docs/images/nps.png');
  await page.goto('/roadmap');
  await expect(
    page.getByRole('region', { name: 'Now', exact: true }),
  ).toBeVisible();
  await shot(page, 'docs/images/roadmap.png');
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto('/golden-paths');
  await expect(page.getByRole('article').first()).toBeVisible();
  await shot(page, 'docs/images/golden-paths.png');
  await page.goto('/golden-paths?tab=adoption');
  await expect(
    page.getByRole('table', { name: 'Adoption by team' }),
  ).toBeVisible();
  await shot(page, 'docs/images/golden-paths-adoption.png');
  await page.goto('/health');
  await expect(
    page.getByRole('heading', { name: 'Leading metrics' }),
  ).toBeVisible();
  await shot(page, 'docs/images/health.png');
});
