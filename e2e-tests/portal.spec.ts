import { expect, test } from '@playwright/test';

test.describe('the portal, as a new user sees it', () => {
  test('sign-in, as the platform PM offered first, lands on the home page with the Paved welcome', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Enter' }).click();
    await expect(page.getByText('Welcome to Paved')).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'sidebar nav' });
    await expect(nav.getByRole('link', { name: 'Catalog' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Create' })).toBeVisible();
  });

  test('the catalog lists the demo organisation’s components', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Enter' }).click();
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog' })
      .click();
    await expect(
      page.getByRole('heading', { name: 'Lumen Freight Catalog' }),
    ).toBeVisible();

    // The signed-in demo user is on the platform team: their components first.
    await expect(page.getByRole('link', { name: 'ci-runners' })).toBeVisible();

    // All of the organisation's components, owned by its teams.
    await page.getByText('All', { exact: true }).click();
    // Over a hundred components: find each with the table's search.
    const table = page.getByRole('table');
    const search = page.getByRole('textbox', { name: 'Search' });
    for (const name of ['checkout-api', 'route-optimizer', 'driver-app']) {
      await search.fill(name);
      await expect(
        table.getByRole('link', { name, exact: true }),
      ).toBeVisible();
    }
    await search.fill('checkout-api');
    await expect(
      table.getByRole('row').filter({ hasText: 'checkout-api' }),
    ).toContainText('Checkout & Payments');
  });

  test('demo sign-in: anyone in the catalog, and a clear way back from a typo', async ({
    page,
  }) => {
    await page.goto('/');
    const picker = page.getByRole('radiogroup', { name: 'Sign in as' });
    await expect(
      picker.getByRole('radio', { name: /Jonas Weber, developer/ }),
    ).toBeVisible();

    // Someone not in the catalog: refused, and the picker is one click away.
    await picker
      .getByRole('radio', { name: 'Someone else in the catalog' })
      .check();
    await page
      .getByRole('textbox', { name: 'Catalog user name' })
      .fill('nobody.here');
    await page.getByRole('button', { name: 'Enter' }).click();
    await expect(
      page.getByText(/Could not sign in as nobody\.here/),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Choose someone else' }).click();

    // Someone who is: Zoe, a developer not on the quick list.
    await page
      .getByRole('radiogroup', { name: 'Sign in as' })
      .getByRole('radio', { name: 'Someone else in the catalog' })
      .check();
    await page
      .getByRole('textbox', { name: 'Catalog user name' })
      .fill('amara.nwosu');
    await page.getByRole('button', { name: 'Enter' }).click();
    await expect(page.getByText('Welcome to Paved')).toBeVisible();
    await page.goto('/settings');
    await expect(
      page.getByText('amara.nwosu@lumenfreight.example'),
    ).toBeVisible();

    // A reload keeps her signed in.
    await page.reload();
    await expect(
      page.getByText('amara.nwosu@lumenfreight.example'),
    ).toBeVisible();
  });
});
