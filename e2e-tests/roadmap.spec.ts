import { Page, expect, test } from '@playwright/test';
import { backend, demoHeaders, guestHeaders, signIn } from './auth';

// Picks an option of a labelled MUI select.
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('the public roadmap, as a platform PM uses it', () => {
  test('create an item, move it from Next to Now, see it in the history, vote', async ({
    page,
  }) => {
    await signIn(page);
    await page.goto('/roadmap');
    await expect(
      page.getByText(/current direction, not commitments/),
    ).toBeVisible();

    const title = `Golden path for event consumers ${Date.now()}`;
    await page.getByRole('button', { name: 'New item' }).click();
    const form = page.getByRole('form', { name: 'New roadmap item' });
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form
      .getByRole('textbox', { name: 'Summary' })
      .fill('A template for Kafka consumers with retries and dead letters.');
    await choose(page, 'Category', 'Golden paths');
    await choose(page, 'Horizon', 'Next');
    await choose(page, 'Status', 'In design');
    await form.getByRole('button', { name: 'Create item' }).click();
    await expect(form).toHaveCount(0);

    // Each card is an article named by its title; each column a section named by its horizon.
    const card = page.getByRole('article', { name: title });
    const column = (name: string) =>
      page.getByRole('region', { name, exact: true });
    await expect(
      column('Next').getByRole('link', { name: title }),
    ).toBeVisible();

    // The keyboard way: the card's "Move…" menu, whose entries name the card.
    await card.getByRole('button', { name: `Move “${title}”…` }).click();
    await page
      .getByRole('menuitem', { name: `Move “${title}” to Now`, exact: true })
      .click();
    await page.reload();
    await expect(
      column('Now').getByRole('link', { name: title }),
    ).toBeVisible();
    await expect(column('Next').getByRole('link', { name: title })).toHaveCount(
      0,
    );

    await page.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByText(/Next → Now/)).toBeVisible();

    // Voting says it also follows; both states are explicit, and a click right
    // after voting leaves the item followed.
    const vote = page.getByRole('button', { name: 'This matters to me' });
    const follow = page.getByRole('button', { name: 'Follow changes' });
    await expect(vote).toHaveAttribute('aria-pressed', 'false');
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
    await expect(vote).toHaveAccessibleDescription(
      'Voting also follows the item.',
    );
    await vote.click();
    await expect(vote).toHaveAttribute('aria-pressed', 'true');
    await expect(follow).toHaveAttribute('aria-pressed', 'true');
    await expect(follow).toHaveAccessibleDescription(/You follow it/);
    await follow.click();
    await expect(follow).toHaveAttribute('aria-pressed', 'false');
    await expect(vote).toHaveAttribute('aria-pressed', 'true');
  });

  test('drag a card to another horizon; shipped items are not on the board; views and filters are in the address', async ({
    page,
    request,
  }) => {
    const headers = await guestHeaders(request);
    const make = async (title: string, horizon: string, status: string) => {
      const res = await request.post(`${backend}/api/roadmap/items`, {
        headers,
        data: {
          title,
          summary: 'Made by the drag-and-drop test.',
          category: 'ci-cd',
          owner: 'group:default/platform-team',
          horizon,
          status,
        },
      });
      expect(res.status()).toBe(201);
      return res.json();
    };
    const stamp = Date.now();
    const dragged = await make(`Drag me ${stamp}`, 'later', 'exploring');
    const shipped = await make(
      `Shipped ${stamp}`,
      'now',
      'generally-available',
    );

    await signIn(page);
    await page.goto('/roadmap');
    const column = (name: string) =>
      page.getByRole('region', { name, exact: true });
    const card = page.getByRole('article', { name: dragged.title });
    await expect(
      column('Later').getByRole('article', { name: dragged.title }),
    ).toBeVisible();
    // The browser's drag events, carrying the card as the board's drag type.
    // (A mouse drag cannot reach the other column once other tests have made
    // both columns taller than the window: the page scrolls under the pointer.)
    const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
    await card.dispatchEvent('dragstart', { dataTransfer });
    await column('Next').dispatchEvent('dragover', { dataTransfer });
    await column('Next').dispatchEvent('drop', { dataTransfer });
    await card.dispatchEvent('dragend', { dataTransfer });
    await expect(
      column('Next').getByRole('article', { name: dragged.title }),
    ).toBeVisible();
    await page.reload();
    await expect(
      column('Next').getByRole('article', { name: dragged.title }),
    ).toBeVisible();

    // Generally available: in Shipped, not on the board.
    await expect(
      page.getByRole('article', { name: shipped.title }),
    ).toHaveCount(0);
    await page.getByRole('tab', { name: 'Shipped' }).click();
    await expect(page).toHaveURL(/[?&]view=shipped/);
    await expect(
      page
        .getByRole('list', { name: 'Shipped' })
        .getByRole('link', { name: shipped.title }),
    ).toBeVisible();

    // The list, searched, survives a reload; Now comes first.
    await page.goto('/roadmap?view=list&q=drag%20me');
    await page.reload();
    await expect(page.getByRole('tab', { name: 'List' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(
      'drag me',
    );
    await page.goto('/roadmap?view=list');
    const horizons = await page
      .getByRole('table', { name: 'Roadmap items' })
      .getByRole('row')
      .evaluateAll(rows =>
        rows.slice(1).map(r => r.querySelectorAll('td')[1]?.textContent),
      );
    const order = ['Now', 'Next', 'Later'];
    expect(horizons.map(h => order.indexOf(h!))).toEqual(
      [...horizons.map(h => order.indexOf(h!))].sort((a, b) => a - b),
    );

    // A filter on the board is in the address too.
    await page.goto('/roadmap?category=observability');
    await expect(page.getByRole('combobox', { name: 'Category' })).toHaveText(
      'Observability',
    );

    for (const item of [dragged, shipped]) {
      const current = await (
        await request.get(`${backend}/api/roadmap/items/${item.id}`, {
          headers,
        })
      ).json();
      await request.delete(`${backend}/api/roadmap/items/${item.id}`, {
        headers,
        data: { version: current.version },
      });
    }
  });

  test('an item that does not exist: a friendly page with a way back', async ({
    page,
  }) => {
    await signIn(page);
    await page.goto('/roadmap/items/00000000-0000-4000-8000-000000000000');
    await expect(
      page.getByRole('heading', { name: 'This roadmap item does not exist' }),
    ).toBeVisible();
    await expect(page.getByText(/Request failed/)).toHaveCount(0);
    await page.goto('/roadmap/items/not-an-id');
    await expect(
      page.getByRole('heading', { name: 'This roadmap item does not exist' }),
    ).toBeVisible();
    await page.getByRole('link', { name: 'Back to the roadmap' }).click();
    await expect(
      page.getByRole('heading', { name: 'Platform roadmap' }),
    ).toBeVisible();
  });

  test('hostile Markdown in a description renders inert', async ({
    page,
    request,
  }) => {
    const headers = await guestHeaders(request);
    const created = await request.post(`${backend}/api/roadmap/items`, {
      headers,
      data: {
        title: `Markdown safety ${Date.now()}`,
        summary:
          'Descriptions are Markdown; HTML and script links must stay inert.',
        description: [
          '**Bold stays bold.**',
          '<script>window.__pwned = "script"</script>',
          '<img src="x" onerror="window.__pwned = \'img\'">',
          '<a href="#" onclick="window.__pwned = \'onclick\'">attribute</a>',
          '[click me](javascript:window.__pwned="link")',
        ].join('\n\n'),
        category: 'developer-portal',
        owner: 'group:default/platform-team',
        horizon: 'later',
        status: 'exploring',
      },
    });
    expect(created.status()).toBe(201);
    const { id, version } = await created.json();

    await signIn(page);
    await page.goto(`/roadmap/items/${id}`);
    await expect(page.getByText('Bold stays bold.')).toBeVisible();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('[onerror], [onclick]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    const link = page.getByText('click me');
    if (await link.count()) await link.first().click();
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();

    await request.delete(`${backend}/api/roadmap/items/${id}`, {
      headers,
      data: { version },
    });
  });

  test('an item shows the survey demand behind it, from the NPS comments', async ({
    page,
  }) => {
    await signIn(page);
    await page.goto('/roadmap');
    await page
      .getByRole('region', { name: 'Now', exact: true })
      .getByRole('link', { name: 'Faster CI for monorepos' })
      .click();
    const demand = page.getByRole('table', { name: 'Demand per campaign' });
    await expect(demand).toBeVisible();
    await expect(
      demand.getByRole('row', { name: /Platform NPS/ }).first(),
    ).toBeVisible();
  });
});

test.describe('the public roadmap, as a developer uses it', () => {
  test('a developer votes, sees the change notice, and cannot edit', async ({
    page,
    request,
  }) => {
    // A PM puts an item on the roadmap.
    const pm = await demoHeaders(request, 'priya.raman');
    const title = `Preview environments per pull request ${Date.now()}`;
    const created = await request.post(`${backend}/api/roadmap/items`, {
      headers: pm,
      data: {
        title,
        summary: 'Every pull request gets its own short-lived environment.',
        category: 'infrastructure',
        owner: 'group:default/platform-team',
        horizon: 'next',
        status: 'exploring',
      },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();

    // Jonas, a developer on Checkout, signs in and finds it on the board.
    await signIn(page, /Jonas Weber/);
    await page.goto('/roadmap');
    const card = page.getByRole('article', { name: title });
    await expect(card).toBeVisible();

    // Read-only for him: no edit controls anywhere.
    await expect(page.getByRole('button', { name: 'New item' })).toHaveCount(0);
    await expect(card.getByRole('button', { name: /Move/ })).toHaveCount(0);
    await expect(card).not.toHaveAttribute('draggable', 'true');
    await card.getByRole('link', { name: title }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0);

    // He votes, which subscribes him.
    const vote = page.getByRole('button', { name: 'This matters to me' });
    await vote.click();
    await expect(vote).toHaveAttribute('aria-pressed', 'true');

    // And the API refuses his edits, whatever the UI shows.
    const jonas = await demoHeaders(request, 'jonas.weber');
    const edit = await request.patch(`${backend}/api/roadmap/items/${id}`, {
      headers: jonas,
      data: { version: 1, summary: 'Not his to change' },
    });
    expect(edit.status()).toBe(403);
    const move = await request.post(`${backend}/api/roadmap/items/${id}/move`, {
      headers: jonas,
      data: { version: 1, horizon: 'now', index: 0 },
    });
    expect(move.status()).toBe(403);

    // He has seen the roadmap; then the PM starts building it, now.
    // (His visits are recorded: on this second one, nothing is new to him.)
    await page.goto('/roadmap');
    await expect(card).toBeVisible();
    await expect(card.getByText('Changed since your last visit')).toHaveCount(
      0,
    );
    const current = await request.get(`${backend}/api/roadmap/items/${id}`, {
      headers: pm,
    });
    const { version } = await current.json();
    const started = await request.patch(`${backend}/api/roadmap/items/${id}`, {
      headers: pm,
      data: { version, status: 'building', horizon: 'now' },
    });
    expect(started.status()).toBe(200);

    // Next visit: a notice in his inbox and the marker on the card.
    await page.reload();
    const notices = page.getByRole('list', { name: 'Roadmap notices' });
    const notice = notices.getByRole('listitem').filter({ hasText: title });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(/Building/i);
    await expect(notice.getByText('New')).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Now', exact: true })
        .getByRole('article', { name: title })
        .getByText('Changed since your last visit'),
    ).toBeVisible();

    await request.delete(`${backend}/api/roadmap/items/${id}`, {
      headers: pm,
      data: { version: version + 1 },
    });
  });
});
