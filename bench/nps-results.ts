/*
 * Benchmark: platform NPS results and trend at 100,000 and 1,000,000 answers on Postgres.
 *
 * Answers are published in batches into a small counts table (campaign × team ×
 * score), which the results and the trend read; so their cost should not grow with
 * the number of answers. This run measures, at two sizes in the same database:
 *   - the work behind GET /trend and GET /campaigns/:id/results (the services the
 *     routes call);
 *   - baseline 1: the same aggregates computed over every answer row in SQL (the
 *     approach before batching);
 *   - baseline 2: every answer loaded into JavaScript and counted there;
 * and the release job's throughput publishing 50,000 waiting answers.
 *
 *   ./paved yarn bench:nps            (BENCH_ANSWERS=200000 for a quicker run)
 */
/* eslint-disable no-console */
import { ConfigReader } from '@backstage/config';
import {
  BandCounts,
  PASSIVE_MIN_SCORE,
  PROMOTER_MIN_SCORE,
  scoreBand,
  summarizeNps,
  suppressGroups,
} from '@paved/plugin-nps-common';
import knexFactory, { Knex } from 'knex';
import { NpsStore } from '../plugins/nps-backend/src/database/NpsStore';
import {
  NpsServices,
  createNpsServices,
  readNpsSettings,
} from '../plugins/nps-backend/src/service';

const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 1_000_000);
const CAMPAIGNS = 8;
const TEAMS = 50;
const RUNS = 7;
const RELEASE_ANSWERS = 50_000;
const connection = {
  host: process.env.BENCH_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.BENCH_PG_PORT ?? 5432),
  user: process.env.BENCH_PG_USER ?? 'postgres',
  password: process.env.BENCH_PG_PASSWORD ?? '',
};
const DATABASE = 'paved_bench_nps';
const DAY = 24 * 60 * 60 * 1000;

async function median(label: string, fn: () => Promise<unknown>) {
  await fn(); // warm-up: plans cached, pages in memory, as in a running portal
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const result = times[Math.floor(times.length / 2)];
  console.log(
    `  ${label.padEnd(46)} median ${result
      .toFixed(1)
      .padStart(8)} ms  (min ${times[0].toFixed(1)}, max ${times[
      times.length - 1
    ].toFixed(1)})`,
  );
  return result;
}

async function createCampaigns(store: NpsStore): Promise<string[]> {
  const ids: string[] = [];
  for (let c = 0; c < CAMPAIGNS; c++) {
    const opensAt = new Date(Date.UTC(2025, c * 3, 8));
    ids.push(
      await store.insertCampaign(
        {
          title: `Bench campaign ${c + 1}`,
          question: 'Q',
          followUp: 'F',
          opensAt,
          closesAt: new Date(opensAt.getTime() + 21 * DAY),
          audience: { type: 'all' },
          origin: 'manual',
          scheduleKey: null,
          createdBy: 'bench',
        },
        opensAt,
      ),
    );
  }
  return ids;
}

// Generated in SQL: scores skew upwards over time; a few answers have no team.
const answerRows = (table: 'published' | 'pending') => `
  SELECT gen_random_uuid() AS id, ?::uuid AS campaign_id,
         least(10, greatest(0, floor(random() * 9 + ? * random() * 0.6)))::smallint AS score,
         CASE WHEN random() < 0.3 THEN 'Faster CI, please' END AS comment,
         CASE WHEN random() < 0.02 THEN ${table === 'published' ? 'NULL' : "''"}
              ELSE 'group:default/team-' || lpad((floor(random() * ?))::int::text, 2, '0') END AS team
  FROM generate_series(1, ?)`;

/** Adds published answers in bulk, as the release job would leave them, with their counts. */
async function publish(db: Knex, ids: string[], total: number) {
  const perCampaign = Math.floor(total / CAMPAIGNS);
  for (const [c, id] of ids.entries()) {
    await db.raw(
      `INSERT INTO nps_responses (id, campaign_id, score, comment, team_ref, comment_visible)
       SELECT id, campaign_id, score, comment, team, true FROM (${answerRows(
         'published',
       )}) a`,
      [id, c, TEAMS, perCampaign],
    );
  }
  await db('nps_counts').delete();
  await db.raw(`
    INSERT INTO nps_counts (campaign_id, team_key, score, n)
    SELECT campaign_id, COALESCE(team_ref, ''), score, COUNT(*)
    FROM nps_responses GROUP BY campaign_id, COALESCE(team_ref, ''), score`);
  // As autovacuum would after a bulk load: statistics and the visibility map.
  await db.raw('VACUUM ANALYZE nps_responses');
  await db.raw('VACUUM ANALYZE nps_counts');
}

// Baseline 1: the aggregates over every answer row, in SQL (before batching).
async function sqlOverRows(db: Knex, campaignId: string, k: number) {
  const bands = [
    db.raw('count(*) as n'),
    db.raw('count(*) filter (where score >= ?) as promoters', [
      PROMOTER_MIN_SCORE,
    ]),
    db.raw('count(*) filter (where score >= ? and score < ?) as passives', [
      PASSIVE_MIN_SCORE,
      PROMOTER_MIN_SCORE,
    ]),
    db.raw('count(*) filter (where score < ?) as detractors', [
      PASSIVE_MIN_SCORE,
    ]),
  ];
  const toCounts = (r: any): BandCounts => ({
    promoters: Number(r.promoters),
    passives: Number(r.passives),
    detractors: Number(r.detractors),
  });
  const [byCampaign, byTeam] = await Promise.all([
    db('nps_responses')
      .select('campaign_id', ...bands)
      .groupBy('campaign_id'),
    db('nps_responses')
      .where({ campaign_id: campaignId })
      .select('team_ref', ...bands)
      .groupBy('team_ref'),
  ]);
  return {
    trend: byCampaign.map((r: any) => summarizeNps(toCounts(r))),
    teams: suppressGroups(
      byTeam.map((r: any) => ({ key: r.team_ref ?? '', n: Number(r.n) })),
      k,
    ),
  };
}

// Baseline 2: every answer into JavaScript, counted there.
async function naive(db: Knex, campaignId: string, k: number) {
  const rows: Array<{ campaign_id: string; score: number; team_ref: string }> =
    await db('nps_responses').select('campaign_id', 'score', 'team_ref');
  const empty = (): BandCounts => ({
    promoters: 0,
    passives: 0,
    detractors: 0,
  });
  const key = {
    promoter: 'promoters',
    passive: 'passives',
    detractor: 'detractors',
  } as const;
  const byCampaign = new Map<string, BandCounts>();
  const byTeam = new Map<string, BandCounts>();
  for (const row of rows) {
    const band = key[scoreBand(row.score)];
    const c = byCampaign.get(row.campaign_id) ?? empty();
    c[band]++;
    byCampaign.set(row.campaign_id, c);
    if (row.campaign_id === campaignId) {
      const t = byTeam.get(row.team_ref ?? '') ?? empty();
      t[band]++;
      byTeam.set(row.team_ref ?? '', t);
    }
  }
  return {
    trend: [...byCampaign.values()].map(c => summarizeNps(c)),
    teams: suppressGroups(
      [...byTeam.entries()].map(([team, c]) => ({
        key: team,
        n: c.promoters + c.passives + c.detractors,
      })),
      k,
    ),
  };
}

async function measure(
  db: Knex,
  services: NpsServices,
  latest: string,
  k: number,
) {
  const [{ n }] = await db('nps_responses').count({ n: '*' });
  console.log(`\nAt ${Number(n).toLocaleString('en-US')} published answers:`);
  const trend = await median('trend (counts table)', () =>
    services.results.trend(),
  );
  const results = await median('results + team breakdown (counts table)', () =>
    services.results.results(latest),
  );
  const overRows = await median(
    'baseline 1: same aggregates over all rows',
    () => sqlOverRows(db, latest, k),
  );
  const js = await median('baseline 2: all rows into JavaScript', () =>
    naive(db, latest, k),
  );
  return { answers: Number(n), trend, results, overRows, js };
}

async function main() {
  const admin = knexFactory({
    client: 'pg',
    connection: { ...connection, database: 'postgres' },
  });
  await admin.raw(`DROP DATABASE IF EXISTS ${DATABASE}`);
  await admin.raw(`CREATE DATABASE ${DATABASE}`);
  await admin.destroy();
  const db = knexFactory({
    client: 'pg',
    connection: { ...connection, database: DATABASE },
  });
  try {
    const store = await NpsStore.create({
      getClient: async () => db,
      migrations: { skip: false },
    });
    const version = (await db.raw('show server_version')).rows[0]
      .server_version;
    console.log(`Postgres ${version}, ${CAMPAIGNS} campaigns, ${TEAMS} teams`);
    const settings = readNpsSettings(new ConfigReader({}));
    const services = createNpsServices({
      store,
      directory: { eligibleCount: async () => 5000 },
      settings,
      now: () => new Date(Date.UTC(2027, 0, 1)),
    });
    const ids = await createCampaigns(store);
    const latest = ids[ids.length - 1];

    // The release job: 50,000 waiting answers of closed campaigns, published.
    const perCampaign = Math.floor(RELEASE_ANSWERS / CAMPAIGNS);
    for (const [c, id] of ids.entries()) {
      await db.raw(
        `INSERT INTO nps_pending_answers (id, campaign_id, score, comment, team_key)
         SELECT id, campaign_id, score, comment, team FROM (${answerRows(
           'pending',
         )}) a`,
        [id, c, TEAMS, perCampaign],
      );
    }
    const releaseStart = process.hrtime.bigint();
    const released = await services.release.release();
    const releaseMs = Number(process.hrtime.bigint() - releaseStart) / 1e6;
    console.log(
      `release job: ${released.answers.toLocaleString(
        'en-US',
      )} answers published in ${(releaseMs / 1000).toFixed(1)} s (${Math.round(
        (released.answers / releaseMs) * 1000,
      ).toLocaleString('en-US')} answers/s, ${CAMPAIGNS * (TEAMS + 1)} groups)`,
    );

    const small = await (async () => {
      await publish(db, ids, ANSWERS / 10);
      return measure(db, services, latest, settings.minGroupSize);
    })();
    const large = await (async () => {
      await publish(db, ids, ANSWERS - ANSWERS / 10);
      return measure(db, services, latest, settings.minGroupSize);
    })();

    const growth = (key: 'trend' | 'results' | 'overRows' | 'js') =>
      `${(large[key] / small[key]).toFixed(1)}x`;
    console.log(
      `\nFrom ${small.answers.toLocaleString(
        'en-US',
      )} to ${large.answers.toLocaleString('en-US')} answers (${(
        large.answers / small.answers
      ).toFixed(0)}x): trend ${growth('trend')}, results ${growth(
        'results',
      )}, baseline 1 ${growth('overRows')}, baseline 2 ${growth('js')}`,
    );
    console.log(
      `At ${large.answers.toLocaleString('en-US')}: trend + results ${(
        large.trend + large.results
      ).toFixed(1)} ms vs ${large.overRows.toFixed(
        1,
      )} ms over rows in SQL and ${large.js.toFixed(
        1,
      )} ms in JavaScript (target: results and trend p99 < 50 ms)`,
    );
  } finally {
    await db.destroy();
    const cleanup = knexFactory({
      client: 'pg',
      connection: { ...connection, database: 'postgres' },
    });
    await cleanup.raw(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await cleanup.destroy();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
