import { expect, test } from '@playwright/test';

test.describe('the portal, as a new user sees it', () => {
  test('guest sign-in lands on the home page with the Paved welcome', async ({
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
    const table = page.getByRole('table');
    for (const name of ['checkout-api', 'route-optimizer', 'driver-app']) {
      await expect(table.getByRole('link', { name })).toBeVisible();
    }
    await expect(
      table.getByRole('row').filter({ hasText: 'checkout-api' }),
    ).toContainText('Checkout & Payments');
  });
});
