import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, Page, expect, test } from '@playwright/test';
import { backend, demoHeaders, signIn } from './auth';

/**
 * The health page as an engineering manager (Grace Adeyemi) on the demo data:
 * each number the page shows is the owning backend's, the monthly/quarterly
 * switch lives in the address, and the quarterly review downloads.
 */

const MINUS = '\u2212';
const signed = (n: number) =>
  n > 0 ? `+${n}` : n < 0 ? `${MINUS}${Math.abs(n)}` : '0';
const round1 = (n: number) => String(Math.round(n * 10) / 10);

async function get(
  request: APIRequestContext,
  headers: Record<string, string>,
  path: string,
) {
  const res = await request.get(`${backend}${path}`, { headers });
  expect(res.status(), path).toBe(200);
  return res.json();
}

const value = (page: Page, metric: string) =>
  page.locator(`[data-metric="${metric}"] [data-testid="value-${metric}"]`);

test.describe('platform health', () => {
  test('an engineering manager reads every number as its owning backend serves it, switches views and downloads the review', async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    const grace = await demoHeaders(request, 'grace.adeyemi');

    // The demo history loads in steps once the catalog has settled (survey
    // answers are published in batches): wait until the owners' answers stop
    // changing, so that the page and this test read the same numbers.
    let last = '';
    await expect
      .poll(
        async () => {
          const now = JSON.stringify([
            await get(request, grace, '/api/nps/trend'),
            await get(request, grace, '/api/golden-paths/adoption'),
            (
              await get(
                request,
                grace,
                '/api/platform-metrics/dora?windowDays=90',
              )
            ).metrics,
          ]);
          const [trend, adoption, dora] = JSON.parse(now);
          const loaded =
            trend.points.some((p: any) => p.summary) &&
            adoption.quarters.some((q: any) => q.adoption) &&
            dora.changeFailureRate.value !== null;
          const same = loaded && now === last;
          last = now;
          return same;
        },
        { timeout: 150_000, intervals: [15_000] },
      )
      .toBe(true);

    const trend = await get(request, grace, '/api/nps/trend');
    const latest = [...trend.points].reverse().find((p: any) => p.summary);
    const results = await get(
      request,
      grace,
      `/api/nps/campaigns/${latest.campaign.id}/results`,
    );
    const adoption = await get(request, grace, '/api/golden-paths/adoption');
    const latestAdoption = [...adoption.quarters]
      .reverse()
      .find((q: any) => q.adoption);
    const onboarding = await get(
      request,
      grace,
      '/api/platform-metrics/onboarding?quarters=8',
    );
    const cohort = [...onboarding.cohorts]
      .reverse()
      .find((c: any) => c.medianDays !== null);
    const dora = await get(
      request,
      grace,
      '/api/platform-metrics/dora?windowDays=90',
    );
    const items = (await get(request, grace, '/api/roadmap/items?limit=100'))
      .items;
    const now = items.filter(
      (i: any) =>
        i.horizon === 'now' &&
        i.status !== 'declined' &&
        i.status !== 'generally-available',
    ).length;

    await signIn(page, /Grace Adeyemi/);
    await page.goto('/health');
    await expect(
      page.getByRole('heading', { name: 'Leading metrics' }),
    ).toBeVisible({ timeout: 90_000 });

    await expect(value(page, 'nps')).toHaveText(signed(latest.summary.nps));
    await expect(value(page, 'participation')).toHaveText(
      `${Math.round(results.participation.rate * 100)}%`,
    );
    await expect(value(page, 'adoption')).toHaveText(
      `${Math.round(latestAdoption.adoption.rate * 100)}%`,
    );
    // The quarterly view pools joiners by quarter; a quarter smaller than k shows no median, and the page keeps it hidden too.
    await expect(value(page, 'onboarding')).toHaveText(
      cohort ? `${round1(cohort.medianDays)} days` : 'Hidden',
    );
    await expect(value(page, 'changeFailureRate')).toHaveText(
      `${Math.round(dora.metrics.changeFailureRate.value * 100)}%`,
    );
    await expect(value(page, 'deploymentFrequency')).toHaveText(
      `${round1(dora.metrics.deploymentFrequency.perWeek)}/week`,
    );
    await expect(page.getByTestId('roadmap-now')).toHaveText(String(now));
    // Every metric carries a status in words.
    await expect(page.locator('[data-metric="nps"] [data-status]')).toHaveText(
      /On track|At risk|Off track|Too early to tell|No data/,
    );

    // The OKRs of the demo quarter, read-only for a manager.
    await expect(page.getByTestId('objective')).toHaveCount(2);
    await expect(
      page.getByRole('button', { name: 'New objective' }),
    ).toHaveCount(0);

    // Monthly and quarterly views, linkable by URL.
    // Each DORA metric with data in both windows says how it changed since a quarter earlier.
    await expect(
      page
        .locator('[data-testid^="change-"]')
        .filter({ hasText: 'a change in value' })
        .first(),
    ).toBeVisible();
    await page.getByRole('button', { name: /Monthly/ }).click();
    await expect(page).toHaveURL(/view=monthly/);
    await expect(value(page, 'nps')).toHaveText(signed(latest.summary.nps));
    // Adoption in each of the last three months, as the golden-paths API counts them.
    const months = (
      await get(request, grace, '/api/golden-paths/adoption/monthly')
    ).months.slice(-3);
    const byMonth = page.getByRole('list', {
      name: 'Golden-path adoption by month',
    });
    await expect(byMonth.getByRole('listitem')).toHaveCount(3);
    for (const [i, m] of months.entries()) {
      await expect(byMonth.getByRole('listitem').nth(i)).toContainText(
        m.adoption
          ? `${Math.round(m.adoption.rate * 100)}% (${m.fromGoldenPaths} of ${
              m.newComponents
            })`
          : 'no new components',
      );
    }
    await page.getByRole('button', { name: 'Quarterly', exact: true }).click();
    await expect(page).toHaveURL(/view=quarterly/);
    await page.goto('/health?view=monthly');
    await expect(page.getByRole('button', { name: /Monthly/ })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    // No serious or critical axe violation once the page has loaded.
    await expect(value(page, 'changeFailureRate')).not.toHaveText('');
    // The page's own content; the portal's chrome is checked by accessibility.spec.ts.
    const axe = await new AxeBuilder({ page })
      .include('main')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      axe.violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => `${v.id}: ${v.nodes.map(n => n.html).join(' ')}`),
    ).toEqual([]);

    // One click: the quarterly review as Markdown.
    const download = page.waitForEvent('download');
    await page
      .getByRole('button', { name: 'Download quarterly review' })
      .click();
    const file = await (await download).path();
    const markdown = fs.readFileSync(file!, 'utf8');
    expect(markdown).toMatch(/^# Platform health review, Q\d \d{4}/);
    expect(markdown).toContain(
      `| Platform NPS | ${signed(latest.summary.nps)}`,
    );
    expect(markdown).toContain('## Not doing, and why');
    const declined = items.filter((i: any) => i.status === 'declined');
    expect(declined.length).toBeGreaterThan(0);
    // User text is escaped for Markdown ("Company\\-wide"): compare it unescaped.
    const text = markdown.replace(/\\(.)/g, '$1');
    for (const item of declined) expect(text).toContain(item.title);
    expect(markdown).not.toContain('Nothing declined.');

    // The printable page has the same review.
    await page.goto('/health/review');
    await expect(page.getByRole('heading', { name: 'Metrics' })).toBeVisible({
      timeout: 60_000,
    });
    await expect(
      page.locator('tr[data-metric="nps"] td').first(),
    ).toContainText(signed(latest.summary.nps));
  });
});
