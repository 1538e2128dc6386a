import { mockServices } from '@backstage/backend-test-utils';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import { CampaignDemand, createItemSchema } from '@paved/plugin-roadmap-common';
import { Knex } from 'knex';
import { RoadmapStore } from '../database/RoadmapStore';
import { RoadmapService } from './RoadmapService';

const databases = pavedTestDatabases();
const PM = 'user:default/priya.raman';
const PM2 = 'user:default/tomas.alvarez';
const DEV = 'user:default/jonas.weber';

const item = (title: string, patch: object = {}) =>
  createItemSchema.parse({
    title,
    summary: `${title}, in one sentence.`,
    category: 'ci-cd',
    owner: 'group:default/platform-team',
    horizon: 'next',
    status: 'exploring',
    ...patch,
  });

describe.each(databases.eachSupportedId())('RoadmapService on %p', id => {
  let knex: Knex;
  let service: RoadmapService;
  let now: Date;

  const ALL = { limit: 200, offset: 0 };
  const listAll = async (user: string) =>
    (await service.listItems(user, ALL)).items;
  const inbox = async (user: string) =>
    (await service.notifications(user, ALL)).items;

  beforeEach(async () => {
    knex = await databases.init(id);
    const store = await RoadmapStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    now = new Date('2026-11-24T10:00:00Z');
    service = new RoadmapService(
      store,
      {
        // What the NPS backend answers for these themes (Q2 under k; 'docs'
        // under k in its latest campaign).
        demand: async (themes: string[]) => {
          const campaign = (
            campaignId: string,
            quarter: string,
            opensAt: string,
            comments: number | null,
          ): CampaignDemand =>
            comments === null
              ? {
                  campaignId,
                  title: `Platform NPS ${quarter} 2026`,
                  opensAt,
                  suppressed: true,
                  comments: null,
                }
              : {
                  campaignId,
                  title: `Platform NPS ${quarter} 2026`,
                  opensAt,
                  suppressed: false,
                  comments,
                };
          const campaigns: CampaignDemand[] = [];
          if (themes.includes('ci speed')) {
            campaigns.push(
              campaign('q2', 'Q2', '2026-04-08T00:00:00.000Z', null),
              campaign('q3', 'Q3', '2026-07-08T00:00:00.000Z', 7),
            );
          } else if (themes.includes('docs')) {
            campaigns.push(
              campaign('q3', 'Q3', '2026-07-08T00:00:00.000Z', null),
            );
          }
          return { minGroupSize: 5, campaigns };
        },
        latestDemand: async () => ({ minGroupSize: 5, items: [] }),
      },
      () => now,
    );
  });

  it('creates items at the bottom of their horizon and lists them in order', async () => {
    await service.createItem(item('Preview environments'), PM);
    await service.createItem(item('Faster CI'), PM);
    await service.createItem(
      item('Self-service databases', { horizon: 'now' }),
      PM,
    );
    const items = await listAll(DEV);
    expect(items.map(i => [i.horizon, i.rank, i.title])).toEqual([
      ['next', 0, 'Preview environments'],
      ['next', 1, 'Faster CI'],
      ['now', 0, 'Self-service databases'],
    ]);
    expect(items[0]).toMatchObject({ version: 1, votes: 0, votedByMe: false });
  });

  it('refuses an edit based on a stale version and changes nothing', async () => {
    const created = await service.createItem(item('Faster CI'), PM);
    await service.updateItem(
      created.id,
      { version: 1, title: 'Faster CI builds' },
      PM,
    );
    await expect(
      service.updateItem(created.id, { version: 1, summary: 'Mine!' }, PM2),
    ).rejects.toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(
        /changed by user:default\/priya.raman since you loaded it/,
      ),
    });
    const after = await service.getItem(created.id, PM);
    expect(after).toMatchObject({
      version: 2,
      title: 'Faster CI builds',
      summary: 'Faster CI, in one sentence.',
    });
  });

  it('keeps the full history: what changed, when, by whom', async () => {
    const created = await service.createItem(item('Faster CI'), PM);
    now = new Date('2026-11-25T10:00:00Z');
    await service.updateItem(
      created.id,
      { version: 1, status: 'building', targetQuarter: '2027-Q1' },
      PM2,
    );
    const history = await service.history(created.id);
    expect(history.map(h => [h.version, h.action, h.by])).toEqual([
      [1, 'created', PM],
      [2, 'updated', PM2],
    ]);
    expect(history[1]).toMatchObject({
      at: '2026-11-25T10:00:00.000Z',
      changes: {
        status: { from: 'exploring', to: 'building' },
        targetQuarter: { from: null, to: '2027-Q1' },
      },
    });
  });

  it('requires a public reason to decline and drops it when revived', async () => {
    const created = await service.createItem(item('Service mesh'), PM);
    await expect(
      service.updateItem(created.id, { version: 1, status: 'declined' }, PM),
    ).rejects.toMatchObject({ name: 'InputError' });
    const { item: declined } = await service.updateItem(
      created.id,
      {
        version: 1,
        status: 'declined',
        declineReason: 'Too little demand for the cost.',
      },
      PM,
    );
    expect(declined.declineReason).toBe('Too little demand for the cost.');
    const { item: revived } = await service.updateItem(
      created.id,
      { version: 2, status: 'exploring' },
      PM,
    );
    expect(revived.declineReason).toBeNull();
  });

  it('records when an item ships', async () => {
    const created = await service.createItem(
      item('Golden path for libraries'),
      PM,
    );
    now = new Date('2027-01-15T12:00:00Z');
    const { item: shipped } = await service.updateItem(
      created.id,
      { version: 1, status: 'generally-available' },
      PM,
    );
    expect(shipped.shippedAt).toBe('2027-01-15T12:00:00.000Z');
  });

  it('moves between horizons and reorders within one', async () => {
    const a = await service.createItem(item('A'), PM);
    const b = await service.createItem(item('B'), PM);
    const c = await service.createItem(item('C', { horizon: 'now' }), PM);
    const { changes } = await service.moveItem(
      a.id,
      { version: 1, horizon: 'now', position: 0 },
      PM,
    );
    expect(changes).toEqual({
      horizon: { from: 'next', to: 'now' },
      rank: { from: 0, to: 0 },
    });
    let items = await listAll(PM);
    expect(items.map(i => `${i.horizon}:${i.rank}:${i.title}`)).toEqual([
      'next:0:B',
      'now:0:A',
      'now:1:C',
    ]);
    await service.moveItem(
      c.id,
      { version: 1, horizon: 'now', position: 0 },
      PM,
    );
    items = await listAll(PM);
    expect(items.filter(i => i.horizon === 'now').map(i => i.title)).toEqual([
      'C',
      'A',
    ]);
    await expect(
      service.moveItem(b.id, { version: 7, horizon: 'later', position: 0 }, PM),
    ).rejects.toMatchObject({ name: 'ConflictError' });
  });

  it('soft-deletes: gone from the roadmap, kept in the history', async () => {
    const created = await service.createItem(item('Old idea'), PM);
    await service.deleteItem(created.id, 1, PM);
    expect(await listAll(PM)).toEqual([]);
    await expect(service.getItem(created.id, PM)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    expect((await service.history(created.id)).map(h => h.action)).toEqual([
      'created',
      'deleted',
    ]);
    const [{ n }] = await knex('roadmap_items').count({ n: '*' });
    expect(Number(n)).toBe(1);
  });

  it('counts one vote per user, toggles, and subscribes voters', async () => {
    const created = await service.createItem(item('Preview environments'), PM);
    await service.vote(created.id, DEV, true);
    await service.vote(created.id, DEV, true);
    await service.vote(created.id, PM2, true);
    let mine = await service.getItem(created.id, DEV);
    expect(mine).toMatchObject({
      votes: 2,
      votedByMe: true,
      subscribedByMe: true,
    });
    await service.vote(created.id, DEV, false);
    mine = await service.getItem(created.id, DEV);
    expect(mine).toMatchObject({
      votes: 1,
      votedByMe: false,
      subscribedByMe: true,
    });
    await service.subscribe(created.id, DEV, false);
    expect((await service.getItem(created.id, DEV)).subscribedByMe).toBe(false);
    await expect(
      service.vote('1f7b7a8e-44a4-4a36-9a6d-3f1c8e2d5b90', DEV, true),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('tells subscribers when status or horizon changes, and marks changes since their visit', async () => {
    const created = await service.createItem(item('Preview environments'), PM);
    await service.vote(created.id, DEV, true); // voting subscribes
    await service.subscribe(created.id, PM, true); // the editor is not told of their own change
    await service.recordVisit(DEV);
    expect((await service.getItem(created.id, DEV)).changedSinceLastVisit).toBe(
      false,
    );

    now = new Date('2026-11-24T11:00:00Z');
    await service.updateItem(
      created.id,
      { version: 1, summary: 'Wording only' },
      PM,
    );
    expect(await inbox(DEV)).toEqual([]);

    await service.updateItem(
      created.id,
      { version: 2, status: 'building' },
      PM,
    );
    await service.moveItem(
      created.id,
      { version: 3, horizon: 'now', position: 0 },
      PM,
    );
    const notices = await inbox(DEV);
    expect(notices.map(n => n.message)).toEqual([
      'moved Next → Now',
      'status Exploring → Building',
    ]);
    expect(notices[0]).toMatchObject({
      itemTitle: 'Preview environments',
      read: false,
    });
    expect(await inbox(PM)).toEqual([]);
    expect((await service.getItem(created.id, DEV)).changedSinceLastVisit).toBe(
      true,
    );

    await service.markNotificationsRead(DEV);
    expect((await inbox(DEV)).every(n => n.read)).toBe(true);
    now = new Date('2026-11-24T12:00:00Z');
    await service.recordVisit(DEV);
    expect((await service.getItem(created.id, DEV)).changedSinceLastVisit).toBe(
      false,
    );
  });

  it('pages the roadmap with a total and where the next page starts', async () => {
    for (const title of ['A', 'B', 'C', 'D', 'E']) {
      await service.createItem(item(title), PM);
    }
    await service.createItem(item('Now 1', { horizon: 'now' }), PM);
    const all = await listAll(DEV);
    expect(all).toHaveLength(6);

    const first = await service.listItems(DEV, { limit: 4, offset: 0 });
    expect(first.totalItems).toBe(6);
    expect(first.pageInfo).toEqual({ nextOffset: 4 });
    const second = await service.listItems(DEV, { limit: 4, offset: 4 });
    expect(second.pageInfo).toEqual({});
    expect([...first.items, ...second.items].map(i => i.id)).toEqual(
      all.map(i => i.id),
    );
    const past = await service.listItems(DEV, { limit: 4, offset: 10 });
    expect(past).toEqual({ items: [], totalItems: 6, pageInfo: {} });
  });

  it('pages the inbox and prunes notices read longer ago than the retention', async () => {
    const created = await service.createItem(item('Followed'), PM);
    await service.subscribe(created.id, DEV, true);
    let version = created.version;
    for (const status of ['in-design', 'building', 'alpha'] as const) {
      now = new Date(now.getTime() + 86_400_000);
      version = (await service.updateItem(created.id, { version, status }, PM))
        .item.version;
    }
    const page = await service.notifications(DEV, { limit: 2, offset: 0 });
    expect(page.totalItems).toBe(3);
    expect(page.items).toHaveLength(2);
    expect(page.pageInfo).toEqual({ nextOffset: 2 });

    // Read 40 days ago; a fourth notice arrives today and stays unread.
    await service.markNotificationsRead(DEV);
    now = new Date(now.getTime() + 40 * 86_400_000);
    await service.updateItem(created.id, { version, status: 'beta' }, PM);

    expect(await service.pruneReadNotifications(60)).toBe(0);
    expect(await inbox(DEV)).toHaveLength(4);
    expect(await service.pruneReadNotifications(30)).toBe(3);
    const left = await inbox(DEV);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ read: false, message: expect.any(String) });
    // Unread notices are never pruned, however old.
    now = new Date(now.getTime() + 400 * 86_400_000);
    expect(await service.pruneReadNotifications(30)).toBe(0);
  });

  it('exports the quarterly review: by horizon, then what was added, moved, shipped, declined', async () => {
    now = new Date('2026-10-05T09:00:00Z');
    const ci = await service.createItem(
      item('Faster CI', { horizon: 'now', status: 'building' }),
      PM,
    );
    const mesh = await service.createItem(
      item('Service mesh', { horizon: 'later' }),
      PM,
    );
    const sneaky = await service.createItem(
      item('<script>alert(1)</script> [x](javascript:y)'),
      PM,
    );
    now = new Date('2026-11-20T09:00:00Z');
    await service.updateItem(
      ci.id,
      { version: 1, status: 'generally-available' },
      PM,
    );
    await service.moveItem(
      sneaky.id,
      { version: 1, horizon: 'now', position: 1 },
      PM,
    );
    await service.updateItem(
      mesh.id,
      {
        version: 1,
        status: 'declined',
        declineReason: 'Little demand for the cost.',
      },
      PM,
    );
    await service.vote(ci.id, DEV, true);
    now = new Date('2026-11-24T09:00:00Z');

    const md = await service.reviewMarkdown();
    expect(md).toContain('# Platform roadmap review, 2026-11-24');
    expect(md).toMatch(/not commitments/);
    expect(md).toContain('- **Faster CI**: Generally available; 1 vote');
    expect(md).toContain('## What changed since 2026-07-01');
    expect(md).toMatch(/### Shipped\n\n- \*\*Faster CI\*\*/);
    expect(md).toMatch(
      /### Declined\n\n- \*\*Service mesh\*\*: Little demand for the cost\\./,
    );
    expect(md).toMatch(/### Moved\n\n- .*: Next → Now/);
    // User text is escaped: no live HTML or links in the export.
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('](javascript');
    expect(md).toContain('\\<script\\>');

    const recent = await service.reviewMarkdown(
      new Date('2026-11-21T00:00:00Z'),
    );
    expect(recent).toMatch(/### Added\n\nNone\./);
  });

  it('lists deleted items only as removed, and items declined at creation as declined and not doing', async () => {
    now = new Date('2026-10-05T09:00:00Z');
    const gone = await service.createItem(
      item('Abandoned idea', { horizon: 'next' }),
      PM,
    );
    await service.moveItem(
      gone.id,
      { version: 1, horizon: 'now', position: 0 },
      PM,
    );
    await service.deleteItem(gone.id, 2, PM);
    await service.createItem(
      item('Run our own CI', {
        horizon: 'later',
        status: 'declined',
        declineReason: 'The hosted runners do it better.',
      }),
      PM,
    );
    await service.createItem(
      item('Golden path for Go', { horizon: 'next' }),
      PM,
    );
    now = new Date('2026-11-24T09:00:00Z');

    const md = await service.reviewMarkdown();
    const section = (name: string) =>
      md.split(`### ${name}\n\n`)[1].split('\n\n')[0];
    expect(section('Added')).toBe('- **Golden path for Go**');
    expect(section('Moved')).toBe('None.');
    expect(section('Declined')).toBe(
      '- **Run our own CI**: The hosted runners do it better\\.',
    );
    expect(section('Removed')).toBe('- **Abandoned idea**');
    expect(md.split('## Not doing, and why\n\n')[1]).toBe(
      '- **Run our own CI**: The hosted runners do it better\\.\n',
    );
  });

  it('links NPS themes to an item and shows the demand behind it', async () => {
    const created = await service.createItem(
      item('Faster CI', { horizon: 'now' }),
      PM,
    );
    expect(await service.demand(created.id)).toEqual({
      themes: [],
      minGroupSize: 5,
      campaigns: [],
      studies: [],
    });
    const demand = await service.setThemes(created.id, [
      'ci speed',
      'flaky tests',
    ]);
    expect(demand.themes).toEqual(['ci speed', 'flaky tests']);
    expect(demand.minGroupSize).toBe(5);
    expect(demand.campaigns.map(c => [c.suppressed, c.comments])).toEqual([
      [true, null],
      [false, 7],
    ]);
    expect(await service.reviewMarkdown()).toContain(
      '- **Faster CI**: Exploring; 0 votes; asked for in 7 comments (Platform NPS Q3 2026)',
    );
    // Under k in its latest campaign: the review says so, without a number.
    const docs = await service.createItem(
      item('Docs search', { horizon: 'now' }),
      PM,
    );
    await service.setThemes(docs.id, ['docs']);
    expect(await service.reviewMarkdown()).toContain(
      '- **Docs search**: Exploring; 0 votes; asked for in fewer than 5 comments (Platform NPS Q3 2026)',
    );
    await expect(
      service.setThemes('1f7b7a8e-44a4-4a36-9a6d-3f1c8e2d5b90', ['x']),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('asks NPS once for the top themes of the items still on the roadmap, and attaches those items', async () => {
    const ci = await service.createItem(
      item('Faster CI', { horizon: 'now' }),
      PM,
    );
    const cache = await service.createItem(
      item('Remote build cache', { horizon: 'next' }),
      PM,
    );
    const gone = await service.createItem(item('Old runner'), PM);
    const declined = await service.createItem(
      item('Second CI vendor', {
        status: 'declined',
        declineReason: 'One CI is enough.',
      }),
      PM,
    );
    await service.setThemes(ci.id, ['ci speed', 'flaky tests']);
    await service.setThemes(cache.id, ['ci speed']);
    await service.setThemes(gone.id, ['runners']);
    await service.setThemes(declined.id, ['vendors', 'ci speed']);
    await service.deleteItem(gone.id, gone.version, PM);

    const latestDemand = jest.fn(async (_themes: string[], limit: number) => ({
      minGroupSize: 5,
      // NPS's answer: already ranked and limited, k or more only.
      items: [
        {
          theme: 'flaky tests',
          campaignId: 'q4',
          title: 'Platform NPS Q4 2026',
          opensAt: '2026-10-01T09:00:00.000Z',
          comments: 9,
        },
        {
          theme: 'ci speed',
          campaignId: 'q4',
          title: 'Platform NPS Q4 2026',
          opensAt: '2026-10-01T09:00:00.000Z',
          comments: 6,
        },
      ].slice(0, limit),
    }));
    const withNps = new RoadmapService(
      (service as any).store,
      {
        demand: async () => ({ minGroupSize: null, campaigns: [] }),
        latestDemand,
      },
      () => now,
    );
    expect(await withNps.topThemes(5)).toEqual({
      minGroupSize: 5,
      themes: [
        {
          theme: 'flaky tests',
          comments: 9,
          campaignId: 'q4',
          campaign: 'Platform NPS Q4 2026',
          items: [{ id: ci.id, title: 'Faster CI' }],
        },
        {
          theme: 'ci speed',
          comments: 6,
          campaignId: 'q4',
          campaign: 'Platform NPS Q4 2026',
          // The declined item is not listed; soonest first: now, then next.
          items: [
            { id: ci.id, title: 'Faster CI' },
            { id: cache.id, title: 'Remote build cache' },
          ],
        },
      ],
    });
    // One call, with the themes of items still on the roadmap only.
    expect(latestDemand).toHaveBeenCalledTimes(1);
    expect(latestDemand).toHaveBeenCalledWith(['ci speed', 'flaky tests'], 5);
  });
});
