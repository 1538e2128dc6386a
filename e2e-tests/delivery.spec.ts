import { execFileSync } from 'node:child_process';
import AxeBuilder from '@axe-core/playwright';
import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { backend, demoHeaders, signIn } from './auth';

// The static token e2e-tests/app-config.e2e.yaml gives the CI tool "github-actions".
const CI_TOKEN = 'e2e-github-actions-token';
// A mobile app: the demo history has no deployments for it.
const SERVICE = 'component:default/driver-app';

/** Posts JSON to the backend with curl, as a CI pipeline would; status and body. */
function curl(path: string, body: unknown, token = CI_TOKEN) {
  const out = execFileSync(
    'curl',
    [
      '-sS',
      '-X',
      'POST',
      `${backend}${path}`,
      '-H',
      `Authorization: Bearer ${token}`,
      '-H',
      'Content-Type: application/json',
      '--data-binary',
      JSON.stringify(body),
      '-w',
      '\n%{http_code}',
    ],
    { encoding: 'utf8' },
  );
  const lines = out.trimEnd().split('\n');
  const status = Number(lines.pop());
  return { status, body: JSON.parse(lines.join('\n') || '{}') };
}

async function productionDeployments(
  request: APIRequestContext,
  headers: Record<string, string>,
) {
  const res = await request.get(
    `${backend}/api/platform-metrics/dora?service=${encodeURIComponent(
      SERVICE,
    )}`,
    { headers },
  );
  expect(res.status()).toBe(200);
  return (await res.json()).metrics.deploymentFrequency.sample as number;
}

async function expectNoAxeViolations(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  expect(results.violations.map(v => `${v.id}: ${v.nodes[0]?.target}`)).toEqual(
    [],
  );
}

test.describe('delivery metrics', () => {
  test('a deployment posted with curl and a static token appears on that service’s DORA card', async ({
    page,
    request,
  }) => {
    const jonas = await demoHeaders(request, 'jonas.weber');
    const before = await productionDeployments(request, jonas);
    const runId = `e2e-${Date.now().toString(36)}`;
    const finished = new Date(Date.now() - 60 * 60 * 1000);
    const deployment = {
      source: 'github-actions',
      externalId: runId,
      service: SERVICE,
      environment: 'production',
      status: 'success',
      startedAt: new Date(finished.getTime() - 5 * 60 * 1000).toISOString(),
      finishedAt: finished.toISOString(),
      commits: [
        {
          sha: 'e2e0000000001',
          committedAt: new Date(finished.getTime() - 3_600_000).toISOString(),
        },
      ],
      deployer: 'user:default/jonas.weber',
    };

    // A batch with one bad event is refused whole, naming index and field.
    const refused = curl('/api/platform-metrics/deployments', [
      deployment,
      { ...deployment, externalId: `${runId}-bad`, status: 'done' },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('events[1].status');
    // A wrong token is not a sender.
    expect(
      curl('/api/platform-metrics/deployments', deployment, 'not-a-token')
        .status,
    ).toBe(401);
    expect(await productionDeployments(request, jonas)).toBe(before);

    const stored = curl('/api/platform-metrics/deployments', deployment);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ received: 1, stored: 1 });
    // A retried delivery changes nothing.
    expect(
      curl('/api/platform-metrics/deployments', deployment).body,
    ).toMatchObject({ stored: 0, unchanged: 1 });

    await signIn(page, /Jonas Weber/);
    await page.goto('/catalog/default/component/driver-app');
    const card = page.getByRole('region', { name: 'Delivery (DORA)' });
    const count = before + 1;
    await expect(
      card.getByText(
        `${count} production deployment${count === 1 ? '' : 's'}`,
        {
          exact: true,
        },
      ),
    ).toBeVisible();
    await expect(
      card.getByRole('table', { name: 'DORA metrics' }),
    ).toBeVisible();
    if (count < 5) {
      await expect(
        card
          .getByText(/^Too little data: \d+ production deployments? in 90 days/)
          .first(),
      ).toBeVisible();
    }
  });

  test('the Delivery page: the five metrics, release impact, onboarding, unmapped services; accessible', async ({
    page,
    request,
  }) => {
    test.setTimeout(300_000);
    // The demo history loads once the catalog has settled: wait for it.
    const priya = await demoHeaders(request, 'priya.raman');
    await expect
      .poll(
        async () => {
          const res = await request.get(
            `${backend}/api/platform-metrics/unmapped-services`,
            { headers: priya },
          );
          return JSON.stringify(await res.json());
        },
        { timeout: 180_000, intervals: [5_000] },
      )
      .toContain('payments-gw');
    await signIn(page);
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Delivery' })
      .click();
    await expect(page.getByRole('heading', { name: 'Delivery' })).toBeVisible();
    await expect(
      page.getByRole('article', { name: 'Deployment frequency' }),
    ).toBeVisible();
    for (const name of [
      'Change lead time',
      'Change failure rate',
      'Failed deployment recovery time',
      'Deployment rework rate',
    ]) {
      await expect(page.getByRole('article', { name })).toBeVisible();
    }
    await expect(page.getByText(/dora-2023/).first()).toBeVisible();
    await expect(page.getByRole('table', { name: /^Impact of / })).toBeVisible({
      timeout: 30_000,
    });
    await expect(
      page.getByRole('table', { name: 'Services the catalog does not know' }),
    ).toContainText('payments-gw');

    // Filter to one team by keyboard-reachable, labelled controls.
    await page
      .getByRole('combobox', { name: 'Team' })
      .selectOption({ label: 'data-insights' });
    await expect(
      page.getByRole('heading', { name: 'data-insights: the last 90 days' }),
    ).toBeVisible();
    await expect(page).toHaveURL(/team=group%3Adefault%2Fdata-insights/);

    await expectNoAxeViolations(page, 'main');
  });
});
