import { expect, test } from '@playwright/test';
import { backend, guestHeaders } from './auth';

test.describe('the roadmap API on the real backend', () => {
  test('demo roadmap, demand read from the NPS survey, review export', async ({
    request,
  }) => {
    const headers = await guestHeaders(request);
    let items: any[] = [];
    await expect
      .poll(
        async () => {
          const res = await request.get(`${backend}/api/roadmap/items`, {
            headers,
          });
          items = (await res.json()).items ?? [];
          return items.length;
        },
        { timeout: 90_000, intervals: [2_000] },
      )
      .toBeGreaterThanOrEqual(15);
    const faster = items.find(i => i.title === 'Faster CI for monorepos');
    expect(faster).toBeTruthy();

    // Linked to the NPS theme "ci speed"; the counts come from the NPS plugin.
    await expect
      .poll(
        async () => {
          const res = await request.get(
            `${backend}/api/roadmap/items/${faster.id}/demand`,
            { headers },
          );
          const demand = await res.json();
          return demand.campaigns?.length ?? 0;
        },
        { timeout: 60_000, intervals: [2_000] },
      )
      .toBeGreaterThanOrEqual(1);

    const review = await request.get(`${backend}/api/roadmap/review.md`, {
      headers,
    });
    expect(review.status()).toBe(200);
    const markdown = await review.text();
    expect(markdown).toContain('## Now');
    expect(markdown).toMatch(
      /\*\*Faster CI for monorepos\*\*: Building.*asked for in \d+ comments?/,
    );
  });

  test('refuses bad input, stale versions and missing credentials', async ({
    request,
  }) => {
    const headers = await guestHeaders(request);
    const bad = await request.post(`${backend}/api/roadmap/items`, {
      headers,
      data: { title: 'x', horizon: 'soon' },
    });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.message).toMatch(/horizon/);
    expect((await request.get(`${backend}/api/roadmap/items`)).status()).toBe(
      401,
    );

    const created = await request.post(`${backend}/api/roadmap/items`, {
      headers,
      data: {
        title: 'E2E: concurrent edit',
        summary: 'Two PMs edit the same item.',
        category: 'developer-portal',
        owner: 'group:default/platform-team',
        horizon: 'later',
        status: 'exploring',
      },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    const first = await request.patch(`${backend}/api/roadmap/items/${id}`, {
      headers,
      data: { version: 1, summary: 'First save' },
    });
    expect(first.status()).toBe(200);
    const stale = await request.patch(`${backend}/api/roadmap/items/${id}`, {
      headers,
      data: { version: 1, summary: 'Second save' },
    });
    expect(stale.status()).toBe(409);
    const removed = await request.delete(`${backend}/api/roadmap/items/${id}`, {
      headers,
      data: { version: 2 },
    });
    expect(removed.status()).toBe(204);
  });
});
