import { APIRequestContext, expect, test } from '@playwright/test';
import { demoHeaders, guestHeaders, signIn } from './auth';

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
    // The page keeps room for the panel at its bottom, so it hides nothing for good.
    const room = await page
      .locator('[data-backstage-core-page]')
      .first()
      .evaluate(el => parseFloat(getComputedStyle(el).paddingBottom));
    const height = await panel.evaluate(
      el => el.getBoundingClientRect().height,
    );
    expect(room).toBeGreaterThanOrEqual(height);
    // The score option with keyboard focus shows a ring.
    await scale.getByRole('radio', { name: '0', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    const focused = scale.locator('.Mui-focusVisible');
    await expect(focused).toHaveCount(1);
    expect(
      await focused.evaluate(el => getComputedStyle(el).outlineStyle),
    ).toBe('solid');
    await scale.getByRole('radio', { name: '9', exact: true }).check();
    await panel
      .getByRole('textbox', {
        name: 'What is the one thing we should fix or build?',
      })
      .fill('Preview environments for every pull request, please.');
    await panel.getByRole('button', { name: 'Send answer' }).click();
    await expect(panel.getByRole('status')).toContainText('Thank you');
    // Focus lands on the thank-you that replaced the form.
    await expect(panel.getByRole('status')).toBeFocused();

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
      await request.get(`${backend}/api/nps/prompt?includePutOff=true`, {
        headers: jonas,
      })
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

  test('a PM creates a campaign for teams from the catalog, with mistakes named per field; the campaign shown is in the address', async ({
    page,
    request,
  }) => {
    await signIn(page);
    await page.goto('/nps');
    const form = page.getByRole('form', { name: 'New campaign' });
    const title = `Checkout pulse ${Date.now()}`;
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form.getByLabel('Opens').fill('2031-03-10T09:00');
    await form.getByLabel('Closes').fill('2031-03-01T09:00');
    await form.getByRole('radio', { name: 'Some teams' }).check();
    await form.getByRole('button', { name: 'Create campaign' }).click();
    // Checked in the browser with nps-common's schema, each problem at its field.
    await expect(form.getByText('Must be after the opening')).toBeVisible();
    await expect(form.getByText('Choose at least one team')).toBeVisible();

    await form.getByLabel('Closes').fill('2031-03-24T09:00');
    const teams = form.getByRole('combobox', { name: 'Teams' });
    await teams.click();
    await teams.fill('Checkout');
    await page.getByRole('option', { name: /Checkout & Payments/ }).click();
    await form.getByRole('button', { name: 'Create campaign' }).click();
    const campaigns = page.getByRole('table', { name: 'Campaigns' });
    await expect(
      campaigns.getByRole('row', { name: new RegExp(title) }),
    ).toContainText('checkout');

    // The server's own reason, not "Request failed with 409".
    await form.getByRole('textbox', { name: 'Title' }).fill(`${title} again`);
    await form.getByLabel('Opens').fill('2031-03-12T09:00');
    await form.getByLabel('Closes').fill('2031-03-20T09:00');
    // The audience (checkout) is still chosen from the first campaign.
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await expect(
      form.getByText(/already asks an overlapping audience/),
    ).toBeVisible();
    await expect(page.getByText(/Request failed/)).toHaveCount(0);

    const headers = await guestHeaders(request);
    const all = await (
      await request.get(`${backend}/api/nps/campaigns`, { headers })
    ).json();
    const created = all.items.find((c: { title: string }) => c.title === title);
    expect(
      (
        await request.delete(`${backend}/api/nps/campaigns/${created.id}`, {
          headers,
        })
      ).status(),
    ).toBe(204);

    // The campaign picker is in the address and survives a reload.
    const picker = page.getByRole('combobox', { name: 'Campaign' });
    await picker.click();
    await page.getByRole('option').first().click();
    await expect(page).toHaveURL(/[?&]campaign=/);
    const chosen = await picker.innerText();
    await page.reload();
    await expect(picker).toHaveText(chosen);

    // An unknown campaign or sub-page: a friendly page with a way back.
    await page.goto('/nps?campaign=00000000-0000-4000-8000-000000000000');
    await expect(
      page.getByText('There is no such survey campaign'),
    ).toBeVisible();
    await page.goto('/nps/answers');
    await expect(
      page.getByRole('heading', { name: 'This page does not exist' }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Go to Platform NPS' }).click();
    await expect(
      page.getByRole('heading', { name: 'NPS trend' }),
    ).toBeVisible();
  });
});
