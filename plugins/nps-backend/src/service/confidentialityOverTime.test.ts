import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import fc from 'fast-check';
import knexFactory, { Knex } from 'knex';
import { NpsStore } from '../database/NpsStore';
import { NpsServices, createNpsServices, readNpsSettings } from '.';

const databases = pavedTestDatabases();

const DAY = 24 * 60 * 60 * 1000;
const K = 3;
const K_COMMENTS = 4;
// Few groups, so that batches, small groups and the close all happen often.
const TEAMS = ['checkout', 'checkout', 'routing', null] as const;

// Each step runs on one of the replicas (two on Postgres, which they share).
type Step = { replica: number } & (
  | { kind: 'answer'; team: number; score: number; comment: boolean }
  | { kind: 'release' }
  | { kind: 'read' }
);

const replicaArb = fc.integer({ min: 0, max: 1 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      replica: replicaArb,
      kind: fc.constant('answer' as const),
      team: fc.integer({ min: 0, max: TEAMS.length - 1 }),
      score: fc.integer({ min: 0, max: 10 }),
      comment: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      replica: replicaArb,
      kind: fc.constant('release' as const),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      replica: replicaArb,
      kind: fc.constant('read' as const),
    }),
  },
);

/** Everything anyone can read about one campaign, reduced to numbers. */
interface Snapshot {
  total: number;
  distribution: number[];
  /** Visible team rows: team → answers; hidden rows are left out. */
  teams: Map<string, number>;
  hiddenTeams: Set<string>;
  trendTotal: number;
  campaignAnswers: number;
  csvTotal: number;
  commentAnswers: number;
  commentIds: Set<string>;
  commentCsvLines: number;
}

async function snapshot(services: NpsServices, id: string): Promise<Snapshot> {
  const results = await services.results.results(id);
  const trend = await services.results.trend();
  const point = trend.points.find(p => p.campaign.id === id);
  const comments = await services.comments.comments(id);
  const csv = (await services.results.resultsCsv(id)).split('\r\n');
  const csvAll = csv[1].split(',')[2];
  const commentCsv = comments.shown
    ? (await services.comments.commentsCsv(id)).trim().split('\r\n').length - 1
    : 0;
  const teams = new Map<string, number>();
  const hiddenTeams = new Set<string>();
  for (const row of results.teams) {
    if (row.visible) teams.set(row.team ?? '', row.summary.n);
    else hiddenTeams.add(row.team ?? '');
  }
  return {
    total: results.summary?.n ?? 0,
    distribution: results.distribution ?? new Array(11).fill(0),
    teams,
    hiddenTeams,
    trendTotal: point?.summary?.n ?? 0,
    campaignAnswers: results.campaign.answers ?? 0,
    csvTotal: csvAll === '' ? 0 : Number(csvAll),
    commentAnswers: comments.answers ?? 0,
    commentIds: new Set(comments.comments.map(c => c.id)),
    commentCsvLines: commentCsv,
  };
}

/** A change between two reads is invisible or covers at least k answers. */
function expectNoSmallChange(what: string, a: number, b: number, k: number) {
  const change = Math.abs(a - b);
  if (change !== 0 && change < k) {
    throw new Error(
      `${what} moved by ${change} answers (${a} → ${b}), k = ${k}`,
    );
  }
}

function compare(a: Snapshot, b: Snapshot) {
  expectNoSmallChange('the total', a.total, b.total, K);
  expectNoSmallChange('the trend point', a.trendTotal, b.trendTotal, K);
  expectNoSmallChange(
    'the answer count',
    a.campaignAnswers,
    b.campaignAnswers,
    K,
  );
  expectNoSmallChange('the CSV total', a.csvTotal, b.csvTotal, K);
  const binChanges = a.distribution.reduce(
    (sum, n, score) => sum + Math.abs(n - b.distribution[score]),
    0,
  );
  expectNoSmallChange('the distribution', 0, binChanges, K);
  // Subtraction: the total minus the visible teams is what the hidden ones hold.
  const residual = (x: Snapshot) =>
    x.total - [...x.teams.values()].reduce((sum, n) => sum + n, 0);
  expectNoSmallChange(
    'the total minus visible teams',
    residual(a),
    residual(b),
    K,
  );
  for (const team of new Set([...a.teams.keys(), ...b.teams.keys()])) {
    if (a.hiddenTeams.has(team) || b.hiddenTeams.has(team)) continue;
    expectNoSmallChange(
      `team ${team || 'none'}`,
      a.teams.get(team) ?? 0,
      b.teams.get(team) ?? 0,
      K,
    );
  }
  expectNoSmallChange(
    'the comments',
    a.commentAnswers,
    b.commentAnswers,
    K_COMMENTS,
  );
  const sameComments =
    a.commentIds.size === b.commentIds.size &&
    [...a.commentIds].every(id => b.commentIds.has(id));
  if (!sameComments && a.commentAnswers === b.commentAnswers) {
    throw new Error('comments changed without a published batch');
  }
  if (a.commentCsvLines !== b.commentCsvLines && sameComments) {
    throw new Error('the comments CSV changed without the comments');
  }
}

describe.each(databases.eachSupportedId())(
  'confidentiality over time and across replicas on %p',
  databaseId => {
    let knex: Knex;
    let second: Knex | undefined;
    let replicas: NpsServices[];
    let services: NpsServices;
    let now: Date;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const store = await NpsStore.create(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      now = new Date('2026-01-05T09:00:00Z');
      const build = (replicaStore: NpsStore) =>
        createNpsServices({
          store: replicaStore,
          directory: { eligibleCount: async () => 200 },
          settings: readNpsSettings(
            new ConfigReader({
              nps: { minGroupSize: K, minCommentGroupSize: K_COMMENTS },
            }),
          ),
          now: () => now,
        });
      services = build(store);
      // On Postgres, a second replica with its own connection pool on the same
      // database (an in-memory SQLite database cannot be shared).
      second =
        knex.client.config.client === 'pg'
          ? knexFactory(knex.client.config)
          : undefined;
      replicas = second ? [services, build(new NpsStore(second))] : [services];
    });

    afterAll(async () => {
      await second?.destroy();
    });

    it('no two reads of any view differ by fewer than k answers, and the close counts everything once', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(stepArb, { minLength: 1, maxLength: 60 }),
          async steps => {
            run += 1;
            // A fresh campaign per run, after the previous one.
            now = new Date(now.getTime() + 30 * DAY);
            const campaign = await services.campaigns.create(
              {
                title: `Run ${run}`,
                question: 'Q',
                followUp: 'F',
                opensAt: now.toISOString(),
                closesAt: new Date(now.getTime() + 21 * DAY).toISOString(),
                audience: { type: 'all' },
              },
              'user:default/priya.raman',
            );
            const on = (step: Step) => replicas[step.replica % replicas.length];
            const reads: Snapshot[] = [await snapshot(services, campaign.id)];
            const given: Array<{ score: number; comment?: string }> = [];
            for (const step of steps) {
              if (step.kind === 'answer') {
                const team = TEAMS[step.team];
                const userRef = `user:default/run${run}-person${given.length}`;
                const answer = {
                  score: step.score,
                  comment: step.comment
                    ? `run ${run} comment ${given.length}`
                    : undefined,
                };
                await on(step).answers.answer(
                  campaign.id,
                  {
                    userRef,
                    ownershipRefs: team
                      ? [userRef, `group:default/${team}`]
                      : [userRef],
                  },
                  answer,
                );
                given.push(answer);
              } else if (step.kind === 'release') {
                await on(step).release.release();
              } else {
                reads.push(await snapshot(on(step), campaign.id));
              }
            }
            await services.campaigns.close(campaign.id);
            await services.release.release();
            reads.push(await snapshot(services, campaign.id));

            for (let i = 0; i < reads.length; i++) {
              for (let j = i + 1; j < reads.length; j++) {
                compare(reads[i], reads[j]);
              }
            }

            // At close, every answer is counted exactly once.
            const [{ n: counted }] = await knex('nps_counts')
              .where({ campaign_id: campaign.id })
              .sum({ n: 'n' });
            expect(Number(counted ?? 0)).toBe(given.length);
            const [{ n: waiting }] = await knex('nps_pending_answers')
              .where({ campaign_id: campaign.id })
              .count({ n: '*' });
            expect(Number(waiting)).toBe(0);
            const [{ n: rows }] = await knex('nps_responses')
              .where({ campaign_id: campaign.id })
              .count({ n: '*' });
            expect(Number(rows)).toBe(given.length);
            const histogram = new Array(11).fill(0);
            for (const { score } of given) histogram[score] += 1;
            const last = reads[reads.length - 1];
            // Below k the distribution is hidden (all zeros), never partial.
            expect(last.distribution).toEqual(
              given.length >= K ? histogram : new Array(11).fill(0),
            );
            const stored = await knex('nps_responses')
              .where({ campaign_id: campaign.id, comment_visible: true })
              .whereNotNull('comment')
              .pluck('comment');
            expect(stored.sort()).toEqual(
              given.flatMap(a => (a.comment ? [a.comment] : [])).sort(),
            );
          },
        ),
        { numRuns: databaseId === 'SQLITE_3' ? 100 : 25 },
      );
    }, 120_000);
  },
);
