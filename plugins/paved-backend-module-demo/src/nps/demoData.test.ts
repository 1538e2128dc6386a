import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import {
  NpsStore,
  createNpsServices,
  readNpsSettings,
} from '@paved/plugin-nps-backend';
import { loadDemoData } from './demoData';

const databases = pavedTestDatabases();

// The demo organisation's shape: six teams, forty people.
const sizes: Record<string, number> = {
  'platform-team': 7,
  checkout: 7,
  'fleet-ops': 6,
  routing: 7,
  'customer-apps': 7,
  'data-insights': 6,
};
const people = Object.entries(sizes).flatMap(([team, size]) =>
  Array.from({ length: size }, (_, i) => ({
    userRef: `user:default/${team}-${i}`,
    teamRef: `group:default/${team}`,
  })),
);

describe.each(databases.eachSupportedId())('NPS demo data on %p', id => {
  it('tells a believable story once, and leaves the demo users to answer', async () => {
    const knex = await databases.init(id);
    const store = await NpsStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const now = new Date('2026-11-24T12:00:00Z');
    const skip = 'user:default/checkout-0';
    const services = createNpsServices({
      store,
      directory: { eligibleCount: async () => people.length },
      settings: readNpsSettings(new ConfigReader({})),
      now: () => now,
    });
    expect(
      await loadDemoData({ store, services, people, skipUsers: [skip], now }),
    ).toBe(true);
    expect(await loadDemoData({ store, services, people, now })).toBe(false);

    const campaigns = await services.campaigns.list();
    expect(campaigns.map(c => c.status)).toEqual([
      ...Array(6).fill('closed'),
      'open',
    ]);
    expect(campaigns[6].title).toBe('Platform NPS Q4 2026');

    const trend = await services.results.trend();
    const nps = trend.points.map(p => p.summary?.nps ?? NaN);
    // About +5 six quarters ago, about +25 last quarter, rising.
    expect(nps[0]).toBeGreaterThanOrEqual(0);
    expect(nps[0]).toBeLessThanOrEqual(10);
    expect(nps[5]).toBeGreaterThanOrEqual(20);
    expect(nps[5]).toBeLessThanOrEqual(30);
    for (let i = 1; i < 6; i++)
      expect(nps[i]).toBeGreaterThanOrEqual(nps[i - 1]);

    const prompt = await services.answers.prompt({
      userRef: skip,
      ownershipRefs: [skip, 'group:default/checkout'],
    });
    expect(prompt.campaign?.id).toBe(campaigns[6].id);
    const [{ n }] = await knex('nps_responses')
      .whereNotNull('comment')
      .count({ n: '*' });
    expect(Number(n)).toBeGreaterThan(40);
    const themes = await store.themeCounts(campaigns[5].id);
    expect(themes.map(t => t.theme)).toContain('ci speed');
    // The roadmap's "Faster CI" item (theme 'ci speed') shows a number for the
    // last closed campaign, not "fewer than k comments".
    const ciSpeed = await services.comments.themeDemand(['ci speed']);
    expect(ciSpeed.items.at(-1)).toMatchObject({
      campaignId: campaigns[5].id,
      suppressed: false,
      comments: expect.any(Number),
    });
    expect(ciSpeed.items.at(-1)!.comments).toBeGreaterThanOrEqual(
      ciSpeed.minGroupSize,
    );
    expect(await store.themeCounts(campaigns[6].id)).toEqual([]);
    // The open campaign's answers wait: its teams are too small for a batch.
    expect(campaigns[6].answers).toBeNull();
    await services.release.release();
    expect((await services.campaigns.get(campaigns[6].id)).answers).toBeNull();
    const [{ waiting }] = await knex('nps_pending_answers')
      .where({ campaign_id: campaigns[6].id })
      .count({ waiting: '*' });
    expect(Number(waiting)).toBeGreaterThan(10);
  }, 60_000);

  it('loads the history when the quarterly schedule created this quarter first, and answers it', async () => {
    const knex = await databases.init(id);
    const store = await NpsStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const now = new Date('2026-11-24T12:00:00Z');
    const services = createNpsServices({
      store,
      directory: { eligibleCount: async () => people.length },
      settings: readNpsSettings(new ConfigReader({})),
      now: () => now,
    });
    const scheduled = await services.campaigns.create(
      {
        title: 'Platform NPS Q4 2026',
        question: 'Q',
        followUp: 'F',
        opensAt: '2026-10-01T00:00:00Z',
        closesAt: '2026-12-20T00:00:00Z',
        audience: { type: 'all' },
      },
      'nps:schedule',
      { origin: 'schedule', scheduleKey: '2026-Q4' },
    );
    await services.answers.answer(
      scheduled.id,
      { userRef: people[0].userRef, ownershipRefs: [people[0].teamRef] },
      { score: 10 },
    );
    expect(await loadDemoData({ store, services, people, now })).toBe(true);
    const campaigns = await services.campaigns.list();
    expect(campaigns).toHaveLength(7);
    expect(campaigns[6].id).toBe(scheduled.id);
    const [{ n }] = await knex('nps_participations')
      .where({ campaign_id: scheduled.id })
      .count({ n: '*' });
    expect(Number(n)).toBeGreaterThan(10);
  }, 60_000);
});
