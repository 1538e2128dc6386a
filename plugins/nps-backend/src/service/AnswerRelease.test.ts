import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { NpsStore } from '../database/NpsStore';
import { AnswerRelease } from './AnswerRelease';
import { Caller, NpsServices, createNpsServices, readNpsSettings } from '.';

const databases = pavedTestDatabases();

const DAY = 24 * 60 * 60 * 1000;
const start = new Date('2026-10-01T09:00:00Z');
const settings = { minGroupSize: 5, minCommentGroupSize: 10 };

function person(name: string, team: string | null): Caller {
  const userRef = `user:default/${name}`;
  return {
    userRef,
    ownershipRefs: team ? [userRef, `group:default/${team}`] : [userRef],
  };
}

describe.each(databases.eachSupportedId())(
  'publishing answers in batches on %p',
  databaseId => {
    let knex: Knex;
    let store: NpsStore;
    let services: NpsServices;
    let now: Date;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await NpsStore.create(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      now = new Date(start);
      services = createNpsServices({
        store,
        directory: { eligibleCount: async () => 100 },
        settings: readNpsSettings(new ConfigReader({ nps: settings })),
        now: () => now,
      });
    });

    async function openCampaign(title = 'Q4') {
      const campaign = await services.campaigns.create(
        {
          title,
          question: 'Q',
          followUp: 'F',
          opensAt: now.toISOString(),
          closesAt: new Date(now.getTime() + 21 * DAY).toISOString(),
          audience: { type: 'all' },
        },
        'user:default/priya.raman',
      );
      return campaign.id;
    }

    async function answer(
      id: string,
      team: string | null,
      count: number,
      options: { from?: number; score?: (i: number) => number } = {},
    ) {
      const from = options.from ?? 0;
      for (let i = from; i < from + count; i++) {
        await services.answers.answer(id, person(`${team}-${i}`, team), {
          score: options.score ? options.score(i) : i % 11,
          comment: `comment ${team} ${i}`,
        });
      }
    }

    const count = async (table: string, where: object = {}) => {
      const [{ n }] = await knex(table).where(where).count({ n: '*' });
      return Number(n);
    };
    const published = async (id: string) => {
      const [{ n }] = await knex('nps_counts')
        .where({ campaign_id: id })
        .sum({ n: 'n' });
      return Number(n ?? 0);
    };

    it('publishes a team only once 2k answers wait, keeping k back until close', async () => {
      const id = await openCampaign();
      await answer(id, 'checkout', 9);
      expect(await services.release.release()).toEqual({
        answers: 0,
        comments: 0,
      });
      expect(await published(id)).toBe(0);
      expect((await services.campaigns.get(id)).answers).toBeNull();

      await answer(id, 'checkout', 1, { from: 9 });
      expect((await services.release.release()).answers).toBe(5);
      expect(await published(id)).toBe(5);
      expect((await services.campaigns.get(id)).answers).toBe(5);
      expect(await count('nps_pending_answers')).toBe(5);
      expect(await count('nps_counts')).toBeGreaterThan(0);

      // Four more: 9 waiting, below 2k again.
      await answer(id, 'checkout', 4, { from: 10 });
      expect((await services.release.release()).answers).toBe(0);
      await answer(id, 'checkout', 3, { from: 14 });
      expect((await services.release.release()).answers).toBe(7);
      expect(await published(id)).toBe(12);

      // A small team shows nothing new until close; then everything is counted.
      await answer(id, 'fleet-ops', 3);
      await services.release.release();
      expect(await published(id)).toBe(12);
      await services.campaigns.close(id);
      expect(await published(id)).toBe(20);
      expect(await count('nps_pending_answers')).toBe(0);
      expect(await count('nps_responses')).toBe(20);
    });

    it('keeps back a random k, not the latest k', async () => {
      // Scores in arrival order 0..9; the kept-back set is the last five (5..9)
      // with probability 1/252 per campaign, so three in a row is 1 in 16 million.
      const keptBack: string[] = [];
      for (let round = 0; round < 3; round++) {
        const id = await openCampaign(`Q${round}`);
        await answer(id, `team-${round}`, 10, { score: i => i });
        await services.release.release();
        const rows = await knex('nps_pending_answers')
          .where({ campaign_id: id })
          .select('score')
          .orderBy('score');
        keptBack.push(rows.map(r => r.score).join(','));
        now = new Date(now.getTime() + 30 * DAY);
      }
      expect(keptBack.every(set => set === '5,6,7,8,9')).toBe(false);
    });

    it('publishes comments in their own batches of at least the comment minimum', async () => {
      const id = await openCampaign();
      // 19 published answers' comments stay hidden: fewer than 2 × 10.
      await answer(id, 'checkout', 24);
      await services.release.release();
      expect(await published(id)).toBe(19);
      expect(await services.comments.comments(id)).toMatchObject({
        shown: false,
        answers: null,
      });
      await answer(id, 'checkout', 6, { from: 24 });
      await services.release.release(); // 11 waiting → 6 published, 25 hidden
      const comments = await services.comments.comments(id);
      expect(comments.shown).toBe(true);
      expect(comments.answers).toBe(15);
      expect(comments.comments).toHaveLength(15);
      expect(await count('nps_responses', { comment_visible: false })).toBe(10);
      await services.campaigns.close(id);
      const all = await services.comments.comments(id);
      expect(all.answers).toBe(30);
      expect(new Set(all.comments.map(c => c.comment)).size).toBe(30);
    });

    it('writes published rows in shuffled order, with ids that are not the waiting ids', async () => {
      const id = await openCampaign();
      await answer(id, 'checkout', 10, { score: i => i });
      const waitingIds = new Set(
        (await knex('nps_pending_answers').select('id')).map(r => r.id),
      );
      await services.campaigns.close(id);
      // Physical order: SQLite's rowid, Postgres' ctid.
      const order =
        knex.client.config.client === 'pg'
          ? knex.raw('ctid')
          : knex.raw('rowid');
      const rows = await knex('nps_responses')
        .select('id', 'score')
        .orderBy(order as any);
      expect(rows.map(r => r.score)).not.toEqual([
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
      ]);
      expect(rows.some(r => waitingIds.has(r.id))).toBe(false);
    });

    it('loses nothing and counts nothing twice when a release fails halfway', async () => {
      const id = await openCampaign();
      await answer(id, 'checkout', 12);
      const before = await knex('nps_pending_answers')
        .select('id')
        .orderBy('id');
      const rules = {
        answers: (waiting: number) => waiting - 5,
        comments: () => 0,
      };
      await expect(
        store.releaseGroup(id, 'group:default/checkout', rules, now, () => {
          throw new Error('replica killed');
        }),
      ).rejects.toThrow('replica killed');
      expect(
        await knex('nps_pending_answers').select('id').orderBy('id'),
      ).toEqual(before);
      expect(await count('nps_responses')).toBe(0);
      expect(await count('nps_counts')).toBe(0);

      expect((await services.release.release()).answers).toBe(7);
      await services.campaigns.close(id);
      expect(await published(id)).toBe(12);
      const results = await services.results.results(id);
      expect(results.summary?.n).toBe(12);
    });

    it('never splits a batch when two replicas release at once', async () => {
      const id = await openCampaign();
      await answer(id, 'checkout', 13);
      await answer(id, 'routing', 10);
      // A second replica: its own connection pool on the same database (on
      // SQLite in memory there is one database per connection, so it shares it).
      const other =
        knex.client.config.client === 'pg'
          ? knexFactory(knex.client.config)
          : knex;
      try {
        const otherRelease = new AnswerRelease({
          store: new NpsStore(other),
          settings,
          now: () => now,
        });
        const outcomes = await Promise.all([
          services.release.release(),
          otherRelease.release(),
          services.release.release(),
          otherRelease.release(),
        ]);
        expect(outcomes.reduce((n, o) => n + o.answers, 0)).toBe(8 + 5);
        const teams = await store.teamScores(id);
        const sizes = Object.fromEntries(
          teams.map(t => [t.team, t.perScore.reduce((a, b) => a + b, 0)]),
        );
        expect(sizes).toEqual({
          'group:default/checkout': 8,
          'group:default/routing': 5,
        });
        expect(await count('nps_pending_answers')).toBe(10);
      } finally {
        if (other !== knex) await other.destroy();
      }
    });
  },
);

const postgres = databases
  .eachSupportedId()
  .filter(([id]) => id.startsWith('POSTGRES_'));

describe.each(postgres)('published answers on %p', databaseId => {
  const npsServices = (store: NpsStore) =>
    createNpsServices({
      store,
      directory: { eligibleCount: async () => 100 },
      settings: readNpsSettings(new ConfigReader({ nps: settings })),
      now: () => start,
    });

  // An open campaign that `count` people of one team have answered.
  async function openCampaignAnsweredBy(count: number) {
    const knex = await databases.init(databaseId);
    const store = await NpsStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const services = npsServices(store);
    const campaign = await services.campaigns.create(
      {
        title: 'Q4',
        question: 'Q',
        followUp: 'F',
        opensAt: start.toISOString(),
        closesAt: new Date(start.getTime() + 21 * DAY).toISOString(),
        audience: { type: 'all' },
      },
      'user:default/priya.raman',
    );
    for (let i = 0; i < count; i++) {
      await services.answers.answer(campaign.id, person(`p${i}`, 'checkout'), {
        score: i % 11,
      });
    }
    return { knex, store, services, campaign };
  }

  it('share no transaction id with a participation: one release transaction per batch', async () => {
    const { knex, services } = await openCampaignAnsweredBy(12);
    await services.release.release();
    const transactions = async (table: string) =>
      (
        await knex.raw(`select distinct xmin::text as x from ${table}`)
      ).rows.map((row: { x: string }) => row.x);
    const published = await transactions('nps_responses');
    const participations = new Set(await transactions('nps_participations'));
    expect(published).toHaveLength(1);
    expect(participations.size).toBe(12);
    expect(participations.has(published[0])).toBe(false);
  });

  it('keep taking answers while a release of the same campaign is under way, on another replica', async () => {
    const { knex, store, campaign } = await openCampaignAnsweredBy(10);
    // The other replica's pool gives up on any lock it waits for over 2 s, so
    // an answer that had to wait for the release fails instead of hanging.
    const other = knexFactory({
      ...knex.client.config,
      pool: {
        afterCreate: (conn: any, done: (error: unknown, c: any) => void) =>
          conn.query("set lock_timeout = '2s'", (error: unknown) =>
            done(error, conn),
          ),
      },
    });
    let resume = () => {};
    const paused = new Promise<void>(resolve => {
      resume = resolve;
    });
    let claimed = () => {};
    const hasClaimed = new Promise<void>(resolve => {
      claimed = resolve;
    });
    try {
      const otherServices = npsServices(new NpsStore(other));
      // The release holds its lock on the campaign until `resume`.
      const release = store.releaseGroup(
        campaign.id,
        'group:default/checkout',
        {
          answers: (waiting: number) => waiting - 5,
          comments: () => 0,
        },
        start,
        async () => {
          claimed();
          await paused;
        },
      );
      await hasClaimed;
      await expect(
        otherServices.answers.answer(campaign.id, person('late', 'checkout'), {
          score: 9,
        }),
      ).resolves.toBeUndefined();
      resume();
      expect((await release).answers).toBe(5);
      const [{ n }] = await knex('nps_pending_answers').count({ n: '*' });
      expect(Number(n)).toBe(6);
    } finally {
      resume();
      await other.destroy();
    }
  });
});
