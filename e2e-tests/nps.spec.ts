import { APIRequestContext, expect, test } from '@playwright/test';
import { demoHeaders } from './auth';

const backend = 'http://localhost:7007';

async function guestToken(request: APIRequestContext): Promise<string> {
  const res = await request.get(`${backend}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(res.status()).toBe(200);
  return (await res.json()).backstageIdentity.token;
}

test.describe('platform NPS, as a developer answers it', () => {
  test('prompt, answer 9 with a comment, counted on /nps, second answer refused', async ({
    page,
    request,
  }) => {
    const token = await guestToken(request);
    const headers = { authorization: `Bearer ${token}` };

    // The demo campaigns load once the catalog has the demo organisation.
    let campaignId = '';
    await expect
      .poll(
        async () => {
          const res = await request.get(`${backend}/api/nps/prompt`, {
            headers,
          });
          campaignId = (await res.json()).campaign?.id ?? '';
          return campaignId;
        },
        { timeout: 90_000, intervals: [2_000] },
      )
      .not.toBe('');
    const before = await request.get(
      `${backend}/api/nps/campaigns/${campaignId}`,
      { headers },
    );
    const answersBefore: number | null = (await before.json()).answers;

    await page.goto('/');
    await page.getByRole('button', { name: 'Enter' }).click();

    const panel = page.getByRole('complementary', { name: 'Platform survey' });
    await expect(panel).toBeVisible();
    const scale = panel.getByRole('radiogroup', {
      name: /How likely are you to recommend our developer platform/,
    });
    await scale.getByRole('radio', { name: '9', exact: true }).check();
    await panel
      .getByRole('textbox', {
        name: 'What is the one thing we should fix or build?',
      })
      .fill('Preview environments for every pull request, please.');
    await panel.getByRole('button', { name: 'Send answer' }).click();
    await expect(panel.getByRole('status')).toContainText('Thank you');

    // The prompt does not come back, on this page or after a reload.
    await page.reload();
    await expect(page.getByText('Welcome to Paved')).toBeVisible();
    const prompt = await request.get(`${backend}/api/nps/prompt`, { headers });
    expect((await prompt.json()).campaign).toBeNull();
    await expect(panel).toHaveCount(0);

    // The answer waits to be published in a batch: /nps says so.
    await page.goto('/nps');
    await expect(
      page.getByText(/no survey for you to answer right now/),
    ).toBeVisible();
    await expect(
      page.getByText(
        /While this survey is open, answers are published in batches/,
      ),
    ).toBeVisible();

    // A second answer is refused and nothing more is stored.
    const again = await request.post(
      `${backend}/api/nps/campaigns/${campaignId}/answers`,
      { headers, data: { score: 0 } },
    );
    expect(again.status()).toBe(409);
    expect((await again.json()).error.message).toMatch(/already answered/);
    const after = await request.get(
      `${backend}/api/nps/campaigns/${campaignId}`,
      { headers },
    );
    expect((await after.json()).answers).toBe(answersBefore);
  });

  test('the NPS API refuses bad input with 400 and no credentials with 401', async ({
    request,
  }) => {
    const token = await guestToken(request);
    const headers = { authorization: `Bearer ${token}` };
    const { items } = await (
      await request.get(`${backend}/api/nps/campaigns`, { headers })
    ).json();
    const open = items.find((c: any) => c.status === 'open');
    expect(open).toBeTruthy();
    for (const data of [{ score: 11 }, { score: '7' }, { score: 7.5 }]) {
      const res = await request.post(
        `${backend}/api/nps/campaigns/${open.id}/answers`,
        { headers, data },
      );
      expect(res.status(), JSON.stringify(data)).toBe(400);
      expect((await res.json()).error.message).toMatch(/score/);
    }
    const anonymous = await request.get(`${backend}/api/nps/trend`);
    expect(anonymous.status()).toBe(401);
  });

  test('a platform PM runs a campaign for some teams; eligibility comes from the catalog', async ({
    request,
  }) => {
    const token = await guestToken(request); // the demo user is a platform PM
    const headers = { authorization: `Bearer ${token}` };
    const created = await request.post(`${backend}/api/nps/campaigns`, {
      headers,
      data: {
        title: 'Checkout and routing pulse',
        opensAt: '2030-03-01T09:00:00Z',
        closesAt: '2030-03-10T09:00:00Z',
        audience: {
          type: 'groups',
          groups: ['group:default/checkout', 'group:default/routing'],
        },
      },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    const results = await request.get(
      `${backend}/api/nps/campaigns/${id}/results`,
      { headers },
    );
    // Seven people in each of the two teams of the demo organisation.
    // Nobody has answered: counts below the group minimum are never shown.
    expect((await results.json()).participation).toEqual({
      respondents: null,
      eligible: 14,
      rate: null,
    });
    const overlapping = await request.post(`${backend}/api/nps/campaigns`, {
      headers,
      data: {
        title: 'Checkout again',
        opensAt: '2030-03-05T09:00:00Z',
        closesAt: '2030-03-20T09:00:00Z',
        audience: { type: 'groups', groups: ['group:default/checkout'] },
      },
    });
    expect(overlapping.status()).toBe(409);
    const removed = await request.delete(`${backend}/api/nps/campaigns/${id}`, {
      headers,
    });
    expect(removed.status()).toBe(204);
  });

  test('reading the results before and after a colleague answers shows nothing; a batch of k answers shows', async ({
    page,
    request,
  }) => {
    // Zoe (customer apps) reads the open campaign's results in the browser.
    await page.goto('/');
    await page.getByRole('radio', { name: /Zoe Nguyen/ }).check();
    await page.getByRole('button', { name: 'Enter' }).click();
    await expect(page.getByText('Welcome to Paved')).toBeVisible();
    const results = page.getByRole('region', { name: /^Results: / });
    const read = async () => {
      await page.goto('/nps');
      await expect(results).toBeVisible();
      await expect(results.getByText(/ of 40 developers/)).toBeVisible();
      return (await results.innerText()).replace(/\s+/g, ' ');
    };
    const before = await read();

    // A colleague she knows, Jonas (checkout), answers; the job publishes every 2 s.
    const jonas = await demoHeaders(request, 'jonas.weber');
    const { campaign } = await (
      await request.get(`${backend}/api/nps/prompt`, { headers: jonas })
    ).json();
    expect(campaign).toBeTruthy();
    const answer = async (headers: Record<string, string>, score: number) => {
      const res = await request.post(
        `${backend}/api/nps/campaigns/${campaign.id}/answers`,
        { headers, data: { score } },
      );
      expect(res.status()).toBe(201);
    };
    await answer(jonas, 2);
    await page.waitForTimeout(6_000);
    expect(await read()).toBe(before);

    // Five more of his team answer: 6 = 2k wait, so a batch of 3 = k is published.
    for (const person of [
      'amara.nwosu',
      'diego.santos',
      'mei.lin',
      'oskar.lindqvist',
      'sofia.rossi',
    ]) {
      await answer(await demoHeaders(request, person), 9);
    }
    await expect
      .poll(read, { timeout: 30_000, intervals: [2_000] })
      .not.toBe(before);
    await expect(
      results.getByRole('row', { name: /^checkout 3 / }),
    ).toBeVisible();
  });
});
