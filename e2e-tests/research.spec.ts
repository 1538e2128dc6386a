import AxeBuilder from '@axe-core/playwright';
import { Browser, Page, expect, test } from '@playwright/test';
import { backend, demoHeaders, signIn } from './auth';

// A fresh browser session signed in as someone of the demo organisation.
async function sessionAs(browser: Browser, who?: RegExp): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, who);
  // The survey prompt is another story: put it off if it shows.
  const later = page
    .getByRole('complementary', { name: 'Platform survey' })
    .getByRole('button', { name: 'Remind me later' });
  if (await later.isVisible().catch(() => false)) await later.click();
  return page;
}

// The WCAG 2.1 A/AA problems axe finds in the page's main content.
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('main')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`,
  );
}

test.describe('user research', () => {
  test.beforeAll(async ({ request }) => {
    // The demo research loads once the catalog and the demo roadmap are there.
    const pm = await demoHeaders(request, 'priya.raman');
    await expect
      .poll(
        async () => {
          const res = await request.get(`${backend}/api/research/summaries`, {
            headers: pm,
          });
          return res.ok() ? (await res.json()).items.length : 0;
        },
        { timeout: 120_000, intervals: [3_000] },
      )
      .toBeGreaterThan(0);
  });

  test('a PM runs a study: invites a developer, who accepts; notes with a theme link a finding to a roadmap item, which shows the demand', async ({
    browser,
  }) => {
    test.setTimeout(240_000);
    const title = `Onboarding interviews ${Date.now()}`;

    // Priya, the platform PM, creates a study for this quarter.
    const pm = await sessionAs(browser);
    await pm.goto('/research?tab=studies');
    await pm.getByRole('button', { name: 'New study' }).click();
    const form = pm.getByRole('form', { name: 'New study' });
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form.getByRole('button', { name: 'Create study' }).click();
    await expect(pm.getByRole('heading', { name: title })).toBeVisible();

    // The default guide asks about behaviour; a feature question gets a warning.
    const guide = pm.getByRole('region', { name: 'Interview guide' });
    await expect(
      guide.getByRole('textbox', { name: 'Question 1' }),
    ).toHaveValue(/^Walk me through your last deployment/);
    await guide.getByRole('button', { name: 'Add a question' }).click();
    await guide
      .getByRole('textbox', { name: 'Question 7' })
      .fill('What features would you like in the portal?');
    await expect(guide.getByText(/This asks for features/)).toBeVisible();
    await guide.getByRole('button', { name: 'Remove question 7' }).click();

    // Recruiting: the balanced proposal, adjusted to Jonas alone.
    await pm.getByRole('tab', { name: 'Recruiting' }).click();
    await expect(pm).toHaveURL(/tab=recruiting/);
    const candidates = pm.getByRole('table', { name: 'Candidates' });
    await expect(candidates).toBeVisible();
    await expect(candidates.getByRole('row')).not.toHaveCount(1);
    const boxes = candidates.getByRole('checkbox', { name: /^Invite / });
    for (const box of await boxes.all()) await box.uncheck();
    const jonas = pm.getByRole('checkbox', { name: 'Invite Jonas Weber' });
    if ((await jonas.count()) === 0) {
      // Not proposed this time: the PM adds him.
      await pm.getByRole('combobox', { name: 'Add someone' }).fill('Jonas');
      await pm.getByRole('option', { name: /Jonas Weber/ }).click();
    }
    await jonas.check();
    await pm.getByRole('button', { name: /^Invite 1\sperson$/ }).click();
    await expect(pm.getByRole('status')).toContainText('Invited 1');

    // Jonas finds the invitation in his inbox, accepts a slot and downloads it.
    const dev = await sessionAs(browser, /Jonas Weber/);
    await dev.goto('/research?tab=invitations');
    await expect(
      dev
        .getByRole('list', { name: 'Research notices' })
        .getByText('Would you talk to the platform team for 30 minutes?')
        .first(),
    ).toBeVisible();
    const invitation = dev.getByRole('article', { name: title });
    await invitation.getByRole('radio').first().check();
    await invitation.getByRole('button', { name: 'Accept' }).click();
    await expect(invitation.getByText('Accepted')).toBeVisible();
    const [download] = await Promise.all([
      dev.waitForEvent('download'),
      invitation
        .getByRole('button', { name: 'Add to calendar (.ics)' })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe('platform-interview.ics');
    const ics = await (await download.createReadStream()).toArray();
    // Long lines are folded (RFC 5545): unfold before reading.
    const text = Buffer.concat(ics).toString('utf8').replace(/\r\n /g, '');
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(text).toContain(title);

    // Priya writes the notes: raw notes, and a finding tagged with a shared theme.
    await pm.getByRole('tab', { name: 'Interviews' }).click();
    await pm.reload();
    const row = pm
      .getByRole('table', { name: 'Invitations and interviews' })
      .getByRole('row', { name: /Jonas Weber/ });
    await expect(row).toContainText('Accepted');
    await row.getByRole('link', { name: 'Write notes' }).click();
    await expect(
      pm.getByRole('heading', { name: 'Participant 1: Jonas Weber' }),
    ).toBeVisible();
    await pm
      .getByRole('textbox', { name: 'Raw notes' })
      .fill('First week: the template did not set up the pipeline.');
    await pm.getByRole('button', { name: 'Save notes' }).click();
    await expect(pm.getByText('Saved')).toBeVisible();
    const finding = pm.getByRole('form', { name: 'New finding' });
    await finding
      .getByRole('textbox', { name: 'What they did or said' })
      .fill('Waited 40 minutes for CI on the first pull request');
    await finding.getByRole('combobox', { name: 'Theme' }).click();
    await pm.getByRole('option', { name: /^ci speed/ }).click();
    await finding
      .getByRole('textbox', { name: 'Root cause' })
      .fill('No build cache on the monorepo');
    await finding.getByRole('combobox', { name: 'Roadmap item' }).click();
    await pm
      .getByRole('option', { name: 'Faster CI for monorepos', exact: true })
      .click();
    await finding.getByRole('button', { name: 'Add finding' }).click();
    const saved = pm.getByRole('article', { name: 'Finding: ci speed' });
    await expect(saved).toContainText('No build cache on the monorepo');
    await expect(
      saved.getByRole('link', { name: 'Faster CI for monorepos' }),
    ).toBeVisible();

    // The synthesis ranks it; the roadmap item's demand now counts this study.
    await pm.goto('/research?tab=studies');
    await pm.getByRole('link', { name: title }).click();
    await pm.getByRole('tab', { name: 'Synthesis' }).click();
    await expect(pm.getByRole('region', { name: '1. ci speed' })).toContainText(
      'No build cache on the monorepo',
    );
    await pm.goto('/roadmap');
    await pm
      .getByRole('region', { name: 'Now', exact: true })
      .getByRole('link', { name: 'Faster CI for monorepos' })
      .click();
    const interviews = pm.getByRole('table', {
      name: 'Interview participants per study',
    });
    await expect(
      interviews.getByRole('row', { name: new RegExp(title) }),
    ).toContainText('1');
    await pm.context().close();
    await dev.context().close();
  });

  test('a developer joins a preview from the roadmap item and leaves feedback', async ({
    browser,
  }) => {
    const dev = await sessionAs(browser, /Jonas Weber/);
    await dev.goto('/roadmap');
    await dev
      .getByRole('region', { name: 'Now', exact: true })
      .getByRole('link', { name: 'Preview environments for pull requests' })
      .click();
    const card = dev.getByRole('region', { name: 'Developer preview' });
    const size = card.getByLabel('Preview size');
    await expect(size).toContainText(/developers? taking part/);
    const people = async () =>
      Number(/(\d+)\s+developers?/.exec((await size.textContent()) ?? '')![1]);
    const notes = async () =>
      Number(/(\d+)\s+feedback/.exec((await size.textContent()) ?? '')![1]);
    // On a reused portal Jonas may have joined before: start from outside.
    const leave = card.getByRole('button', { name: 'Leave the preview' });
    if (await leave.isVisible()) {
      await leave.click();
      await expect(
        card.getByRole('button', { name: 'Join the preview' }),
      ).toBeVisible();
    }
    const before = await people();
    const feedbackBefore = await notes();

    await card.getByRole('button', { name: 'Join the preview' }).click();
    await expect(card.getByText('You take part')).toBeVisible();
    expect(await people()).toBe(before + 1);
    // A developer sees sizes and counts, never who else takes part.
    await expect(card.getByText(/Participants and feedback/)).toHaveCount(0);

    const form = card.getByRole('form', { name: 'Preview feedback' });
    await form
      .getByRole('textbox', { name: 'Your feedback' })
      .fill('Came up in five minutes; I could not find its logs.');
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await expect(card.getByText('Thank you: feedback sent')).toBeVisible();
    expect(await notes()).toBe(feedbackBefore + 1);

    // The platform PM sees Jonas among the participants, with his feedback.
    const pm = await sessionAs(browser);
    await pm.goto(dev.url());
    const pmCard = pm.getByRole('region', { name: 'Developer preview' });
    await pmCard
      .getByRole('button', { name: /Participants and feedback/ })
      .click();
    await expect(pmCard.getByText(/Jonas Weber/).first()).toBeVisible();
    await expect(
      pmCard.getByRole('article', { name: 'Feedback from Jonas Weber' }).last(),
    ).toContainText('could not find its logs');
    await pm.context().close();
    await dev.context().close();
  });

  test('the research API keeps names and notes with the platform team, and volunteering apart from answers', async ({
    request,
  }) => {
    const dev = await demoHeaders(request, 'jonas.weber');
    const pm = await demoHeaders(request, 'priya.raman');
    const studies = await request.get(`${backend}/api/research/studies`, {
      headers: pm,
    });
    const study = (await studies.json()).items.find(
      (s: { title: string }) => s.title === 'Getting a change to production',
    );
    const asDev = await request.get(
      `${backend}/api/research/studies/${study.id}`,
      { headers: dev },
    );
    expect(asDev.status()).toBe(200);
    expect((await asDev.json()).invitations).toBeUndefined();
    const asPm = await request.get(
      `${backend}/api/research/studies/${study.id}`,
      { headers: pm },
    );
    const invitation = (await asPm.json()).invitations[0];
    expect(invitation.displayName).toBeTruthy();
    expect(
      (
        await request.get(
          `${backend}/api/research/interviews/${invitation.id}`,
          {
            headers: dev,
          },
        )
      ).status(),
    ).toBe(403);

    // Nothing can ride along with a volunteer: not a campaign, not an answer.
    const sneaky = await request.put(`${backend}/api/research/volunteer`, {
      headers: dev,
      data: { campaignId: '5f0c0d32-2a1e-4d4c-9f1a-8f8a8f8a8f8a', score: 9 },
    });
    expect(sneaky.status()).toBe(400);
    const volunteered = await request.put(`${backend}/api/research/volunteer`, {
      headers: dev,
      data: {},
    });
    expect(await volunteered.json()).toEqual({ volunteering: true });
    expect(
      (await request.get(`${backend}/api/research/summaries`)).status(),
    ).toBe(401);
  });

  test('every research view is axe-clean, for developers and platform PMs', async ({
    browser,
    request,
  }) => {
    test.setTimeout(240_000);
    const headers = await demoHeaders(request, 'priya.raman');
    const get = async (path: string) =>
      (
        await (
          await request.get(`${backend}/api/research${path}`, { headers })
        ).json()
      ).items;
    const studies: Array<{ id: string; title: string }> = await get('/studies');
    const finished = studies.find(
      s => s.title === 'Getting a change to production',
    )!;
    const underWay = studies.find(s => s.title === 'Setting up a new service')!;
    const [preview] = await get('/previews');
    const detail = await (
      await request.get(`${backend}/api/research/studies/${underWay.id}`, {
        headers,
      })
    ).json();
    const interview = detail.invitations.find(
      (i: { findings: number }) => i.findings > 0,
    );

    const check = async (page: Page, paths: string[]) => {
      for (const path of paths) {
        await page.goto(path);
        const main = page.locator('main');
        await expect(main.locator('h1').first()).toBeVisible();
        // Loaded: no spinner left (a determinate progress bar is content).
        await expect(
          main.locator('[role=progressbar]:not([aria-valuenow])'),
        ).toHaveCount(0);
        expect(await axeViolations(page), path).toEqual([]);
      }
    };
    const dev = await sessionAs(browser, /Jonas Weber/);
    await check(dev, [
      '/research',
      '/research?tab=invitations',
      '/research?tab=previews',
      '/research/volunteer',
    ]);
    await check(dev, [`/roadmap/items/${preview.itemId}`]);
    const pm = await sessionAs(browser);
    await check(pm, [
      '/research?tab=studies',
      `/research/studies/${underWay.id}`,
      `/research/studies/${underWay.id}?tab=recruiting`,
      `/research/studies/${underWay.id}?tab=interviews`,
      `/research/studies/${finished.id}?tab=synthesis`,
      `/research/studies/${finished.id}?tab=summary`,
      `/research/interviews/${interview.id}`,
    ]);
    await check(pm, [`/roadmap/items/${preview.itemId}`]);
    await pm.context().close();
    await dev.context().close();
  });
});
