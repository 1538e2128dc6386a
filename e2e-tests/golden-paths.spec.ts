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
    // Jonas has not answered this quarter's survey; he puts it off for now,
    // and the panel says when it comes back.
    const survey = page.getByRole('complementary', { name: 'Platform survey' });
    await survey
      .getByRole('button', { name: /Remind me later \(in 3 days\)/ })
      .click();
    await expect(survey.getByRole('status')).toContainText(
      'We will ask you again on',
    );
    await survey.getByRole('button', { name: 'OK' }).click();
    await expect(survey).toHaveCount(0);

    // The golden-path catalog: a card per approved path.
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Golden paths' })
      .click();
    const card = page.getByRole('article', { name: 'TypeScript service' });
    await expect(card).toBeVisible();
    await expect(card.getByText('2.1.0')).toBeVisible();
    await card.getByRole('link', { name: 'Use this path' }).click();

    // The Scaffolder runs it. The name rule is said in words, and the name is
    // checked while typing: a taken one is refused before anything runs.
    const nameField = page.getByRole('textbox', { name: 'Name' });
    await expect(
      page.getByText(
        /^Lowercase letters and digits, words joined by single hyphens/,
      ),
    ).toBeVisible();
    await nameField.fill('checkout-api');
    await expect(
      page.getByText(/already has a component named "checkout-api"/),
    ).toBeVisible();
    await nameField.fill('Parcel Quotes');
    await expect(page.getByText(/is not a valid component name/)).toBeVisible();
    await nameField.fill(name);
    await expect(
      page.getByText(`“${name}” is free.`, { exact: false }),
    ).toBeVisible();
    await page
      .getByRole('textbox', { name: 'Description' })
      .fill('Quotes parcel prices for business customers.');
    // The owner is Jonas's team already.
    await expect(page.getByRole('combobox', { name: 'Owner' })).toHaveValue(
      /Checkout & Payments/,
    );
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();

    const open = page.getByRole('link', { name: 'Open in catalog' });
    await expect(open).toBeVisible({ timeout: 120_000 });
    await open.click();
    await expect(page.getByRole('heading', { name })).toBeVisible({
      timeout: 60_000,
    });
    // Its catalog page says which golden path and version it came from. The
    // catalog ingests the new repository in the background (seconds; longer on
    // a busy machine), and the entity page does not refetch by itself: reload.
    const origin = page.getByText(
      'Created from the golden path TypeScript service, version 2.1.0.',
    );
    await expect
      .poll(
        async () => {
          if (await origin.isVisible()) return true;
          await page.reload();
          return origin
            .waitFor({ timeout: 5_000 })
            .then(() => true)
            .catch(() => false);
        },
        { timeout: 180_000, intervals: [3_000] },
      )
      .toBe(true);
    await expect(page.getByText(/Up to date: 2\.1\.0/)).toBeVisible();

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

  test('a taken or malformed name is refused in words at the first step, and is not counted as a failed run', async ({
    request,
  }) => {
    const jonas = await demoHeaders(request, 'jonas.weber');
    const failedRuns = async () => {
      const res = await request.get(`${backend}/api/golden-paths/paths`, {
        headers: jonas,
      });
      return (await res.json()).paths.find(
        (p: any) => p.name === 'typescript-service',
      ).runs.failed as number;
    };
    const before = await failedRuns();
    const run = async (name: string) => {
      const created = await request.post(`${backend}/api/scaffolder/v2/tasks`, {
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
      expect(created.status()).toBe(201);
      const { id } = await created.json();
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
      return JSON.stringify(
        await (
          await request.get(`${backend}/api/scaffolder/v2/tasks/${id}/events`, {
            headers: jonas,
          })
        ).json(),
      );
    };

    expect(await run('../../etc')).toMatch(/lowercase letters and digits/);
    expect(await run('checkout-api')).toMatch(/checkout-api.*already/);
    // The runs are recorded (every 5 s here) as refused, not as failures.
    await new Promise(resolve => setTimeout(resolve, 12_000));
    expect(await failedRuns()).toBe(before);

    // The live check the form uses says the same.
    const check = await request.get(
      `${backend}/api/golden-paths/names/checkout-api`,
      { headers: jonas },
    );
    expect((await check.json()).available).toBe(false);
  });

  test('a golden path that does not exist: a friendly page with a way back', async ({
    page,
  }) => {
    await signIn(page, /Jonas Weber/);
    await page.goto('/golden-paths/default/no-such-path');
    await expect(
      page.getByRole('heading', { name: 'This golden path does not exist' }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'See all golden paths' }).click();
    await expect(
      page.getByRole('article', { name: 'TypeScript service' }),
    ).toBeVisible();
  });
});
