import { APIRequestContext, expect, test } from '@playwright/test';
import { backend, demoHeaders, signIn } from './auth';

// This quarter's adoption counts, as the API reports them.
async function thisQuarter(
  request: APIRequestContext,
  headers: Record<string, string>,
) {
  const res = await request.get(`${backend}/api/golden-paths/adoption`, {
    headers,
  });
  expect(res.status()).toBe(200);
  const { quarters } = await res.json();
  return quarters[quarters.length - 1] as {
    quarter: string;
    newComponents: number;
    fromGoldenPaths: number;
  };
}

test.describe('golden paths, as a developer uses them', () => {
  test('scaffold a TypeScript service from the golden-path catalog; it lands in the catalog and in adoption', async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    const jonas = await demoHeaders(request, 'jonas.weber');
    // Wait for the first catalog scan, so "before" is a real baseline.
    await expect
      .poll(async () => (await thisQuarter(request, jonas)).newComponents, {
        timeout: 60_000,
      })
      .toBeGreaterThan(0);
    const before = await thisQuarter(request, jonas);
    const name = `parcel-quotes-${Date.now().toString(36)}`;

    await signIn(page, /Jonas Weber/);
    // Jonas has not answered this quarter's survey; he puts it off for now.
    await page
      .getByRole('complementary', { name: 'Platform survey' })
      .getByRole('button', { name: 'Remind me later' })
      .click();

    // The golden-path catalog: a card per approved path.
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Golden paths' })
      .click();
    const card = page.getByRole('article', { name: 'TypeScript service' });
    await expect(card).toBeVisible();
    await expect(card.getByText('2.1.0')).toBeVisible();
    await card.getByRole('link', { name: 'Use this path' }).click();

    // The Scaffolder runs it.
    await page.getByRole('textbox', { name: 'Name' }).fill(name);
    await page
      .getByRole('textbox', { name: 'Description' })
      .fill('Quotes parcel prices for business customers.');
    const owner = page.getByRole('textbox', { name: 'Owner' });
    await owner.click();
    await owner.fill('Checkout');
    await page.getByRole('option', { name: /Checkout & Payments/ }).click();
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();

    const open = page.getByRole('link', { name: 'Open in catalog' });
    await expect(open).toBeVisible({ timeout: 120_000 });
    await open.click();
    await expect(page.getByRole('heading', { name })).toBeVisible({
      timeout: 60_000,
    });

    // Counted in this quarter's adoption, as a service from a golden path.
    await expect
      .poll(async () => (await thisQuarter(request, jonas)).fromGoldenPaths, {
        timeout: 60_000,
      })
      .toBe(before.fromGoldenPaths + 1);
    const after = await thisQuarter(request, jonas);
    expect(after.quarter).toBe(before.quarter);
    expect(after.newComponents).toBe(before.newComponents + 1);

    // And the path's page lists it, on the current version, with the run recorded.
    await page.goto('/golden-paths/default/typescript-service');
    await expect(page.getByRole('link', { name })).toBeVisible({
      timeout: 30_000,
    });
    const paths = await request.get(`${backend}/api/golden-paths/paths`, {
      headers: jonas,
    });
    const ts = (await paths.json()).paths.find(
      (p: any) => p.name === 'typescript-service',
    );
    expect(ts.runs.completed).toBeGreaterThan(0);
  });

  test('a taken or malformed name is refused with a clear message, and nothing is created', async ({
    request,
  }) => {
    const jonas = await demoHeaders(request, 'jonas.weber');
    const create = (name: string) =>
      request.post(`${backend}/api/scaffolder/v2/tasks`, {
        headers: jonas,
        data: {
          templateRef: 'template:default/typescript-service',
          values: {
            name,
            description: 'Should not exist.',
            owner: 'group:default/checkout',
          },
        },
      });

    // The Scaffolder validates the parameters: no task at all.
    const malformed = await create('../../etc');
    expect(malformed.status()).toBe(400);
    expect(JSON.stringify(await malformed.json())).toContain('pattern');

    // A name the catalog already has: the run fails at its first step.
    const taken = await create('checkout-api');
    expect(taken.status()).toBe(201);
    const { id } = await taken.json();
    await expect
      .poll(
        async () =>
          (
            await (
              await request.get(`${backend}/api/scaffolder/v2/tasks/${id}`, {
                headers: jonas,
              })
            ).json()
          ).status,
        { timeout: 60_000 },
      )
      .toBe('failed');
    const events = await (
      await request.get(`${backend}/api/scaffolder/v2/tasks/${id}/events`, {
        headers: jonas,
      })
    ).json();
    expect(JSON.stringify(events)).toMatch(/checkout-api.*already/);
  });
});
