import AxeBuilder from '@axe-core/playwright';
import { Page, expect, test } from '@playwright/test';
import { backend, demoHeaders, signIn } from './auth';

/**
 * axe on every Paved page and the portal home, as a developer and as a platform
 * PM: no serious or critical violation of WCAG 2.1 A/AA. Each page is checked
 * once what it loads is on screen (a loading spinner is not the page).
 */

type Check = {
  name: string;
  path: string;
  /** Something the loaded page shows. */
  ready: (page: Page) => ReturnType<Page['getByText']>;
  /** Opens something on the page first (a dialog, a menu). */
  open?: (page: Page) => Promise<void>;
  /** On a Backstage page that Paved only adds to: the part that is Paved's. */
  scope?: string[];
  pmOnly?: boolean;
};

function pages(itemId: string): Check[] {
  return [
    {
      name: 'home',
      path: '/',
      ready: p => p.getByText('Welcome to Paved'),
    },
    {
      name: 'Platform NPS',
      path: '/nps',
      ready: p => p.getByRole('heading', { name: 'NPS trend' }),
    },
    {
      name: 'delivery metrics',
      path: '/delivery',
      ready: p => p.getByRole('heading', { name: 'Time to first deployment' }),
    },
    {
      name: 'user research, what we heard',
      path: '/research',
      ready: p => p.getByRole('tab', { name: 'What we heard' }),
    },
    {
      name: 'user research, take part',
      path: '/research?tab=invitations',
      ready: p => p.getByRole('heading', { name: 'Your invitations' }),
    },
    {
      name: 'user research, previews',
      path: '/research?tab=previews',
      ready: p => p.getByRole('tab', { name: 'Previews', selected: true }),
    },
    {
      name: 'user research, studies',
      path: '/research?tab=studies',
      ready: p => p.getByRole('tab', { name: 'Studies', selected: true }),
      pmOnly: true,
    },
    {
      name: 'Platform NPS, an unknown sub-page',
      path: '/nps/nothing-here',
      ready: p => p.getByText('This page does not exist'),
    },
    {
      name: 'platform health',
      path: '/health',
      ready: p => p.locator('[data-metric="changeFailureRate"] [data-status]'),
    },
    {
      name: 'platform health, monthly view',
      path: '/health?view=monthly',
      ready: p => p.locator('[data-metric="nps"] [data-status]'),
    },
    {
      name: 'quarterly health review (printable)',
      path: '/health/review',
      ready: p => p.locator('tr[data-metric="nps"]'),
    },
    {
      name: 'OKR editor',
      path: '/health',
      open: async p => {
        await p.getByRole('button', { name: 'New objective' }).click();
      },
      ready: p => p.getByRole('dialog'),
      pmOnly: true,
    },
    {
      name: 'roadmap board',
      path: '/roadmap',
      ready: p => p.getByRole('region', { name: 'Now', exact: true }),
    },
    {
      name: 'roadmap list',
      path: '/roadmap?view=list',
      ready: p => p.getByRole('table', { name: 'Roadmap items' }),
    },
    {
      name: 'roadmap shipped',
      path: '/roadmap?view=shipped',
      ready: p => p.getByRole('list', { name: 'Shipped' }),
    },
    {
      name: 'roadmap not doing',
      path: '/roadmap?view=not-doing',
      ready: p => p.getByRole('list', { name: 'Not doing' }),
    },
    {
      name: 'roadmap breaking changes',
      path: '/roadmap?view=breaking',
      ready: p => p.getByRole('tab', { name: 'Breaking changes ahead' }),
    },
    {
      name: 'roadmap, the Move… menu',
      path: '/roadmap',
      ready: p => p.getByRole('menu'),
      open: async p => {
        await p
          .getByRole('button', { name: /^Move “.+”…$/ })
          .first()
          .click();
      },
      pmOnly: true,
    },
    {
      name: 'roadmap, the new item form',
      path: '/roadmap',
      ready: p => p.getByRole('form', { name: 'New roadmap item' }),
      open: async p => {
        await p.getByRole('button', { name: 'New item' }).click();
      },
      pmOnly: true,
    },
    {
      name: 'roadmap item',
      path: `/roadmap/items/${itemId}`,
      ready: p => p.getByRole('heading', { name: 'History' }),
    },
    {
      name: 'roadmap item that does not exist',
      path: '/roadmap/items/00000000-0000-4000-8000-000000000000',
      ready: p => p.getByText('This roadmap item does not exist'),
    },
    {
      name: 'golden paths',
      path: '/golden-paths',
      ready: p => p.getByRole('article', { name: 'TypeScript service' }),
    },
    {
      name: 'golden-path adoption',
      path: '/golden-paths?tab=adoption',
      ready: p => p.getByRole('table', { name: 'Adoption by team' }),
    },
    {
      name: 'golden path',
      path: '/golden-paths/default/react-web-app',
      ready: p =>
        p.getByRole('table', { name: 'Services created from React web app' }),
    },
    {
      name: 'golden path that does not exist',
      path: '/golden-paths/default/no-such-path',
      ready: p => p.getByText('This golden path does not exist'),
    },
    {
      name: 'a component’s golden-path card',
      path: '/catalog/default/component/detour-ui',
      ready: p => p.getByText(/A newer version of the path exists/),
      scope: ['#paved-golden-path-card'],
    },
    {
      name: 'a golden path in the Scaffolder',
      path: '/create/templates/default/typescript-service',
      ready: p => p.getByText(/Lowercase letters and digits/),
      // Paved's two fields on the Scaffolder's own form.
      scope: ['#root_name', '#root_owner'],
    },
  ];
}

/** Serious and critical violations on the page, one line each. */
async function violations(page: Page, scope?: string[]): Promise<string[]> {
  let axe = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
  ]);
  for (const selector of scope ?? []) axe = axe.include(selector);
  const results = await axe.analyze();
  return results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .flatMap(v =>
      v.nodes.map(
        n =>
          `${v.impact} ${v.id}: ${v.help} — ${n.target.join(' ')} ${
            n.failureSummary?.split('\n')[1]?.trim() ?? ''
          }`,
      ),
    );
}

for (const who of [
  { as: /Jonas Weber/, user: 'jonas.weber', role: 'a developer', pm: false },
  { as: /Priya Raman/, user: 'priya.raman', role: 'a platform PM', pm: true },
]) {
  test.describe(`axe, as ${who.role}`, () => {
    // One signed-in page for the whole series; each page is its own test.
    test.describe.configure({ mode: 'serial' });
    let page: Page;
    let itemId: string;

    test.beforeAll(async ({ browser, request }) => {
      test.setTimeout(180_000);
      const headers = await demoHeaders(request, who.user);
      // The demo roadmap loads once the catalog has the demo organisation.
      await expect
        .poll(
          async () => {
            const items = await request.get(`${backend}/api/roadmap/items`, {
              headers,
            });
            itemId = (await items.json()).items?.[0]?.id ?? '';
            return itemId;
          },
          { timeout: 120_000, intervals: [2_000] },
        )
        .not.toBe('');
      // axe needs a page of an explicit context (not browser.newPage()).
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
      });
      page = await context.newPage();
      await signIn(page, who.as);
    });

    test.afterAll(async () => {
      await page?.context().close();
    });

    for (const check of pages('ITEM')) {
      if (check.pmOnly && !who.pm) continue;
      test(`no serious or critical violation: ${check.name}`, async () => {
        test.setTimeout(180_000);
        await page.goto(check.path.replace('ITEM', itemId));
        if (check.open) await check.open(page);
        await expect(check.ready(page).first()).toBeVisible({
          timeout: 90_000,
        });
        expect(await violations(page, check.scope)).toEqual([]);
      });
    }
  });
}
