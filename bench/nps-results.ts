/*
 * Benchmark: platform NPS trend + team breakdown at 1,000,000 answers on Postgres.
 *
 * Loads 8 campaigns x 125,000 answers across 50 teams into a scratch database, then
 * times the work behind GET /trend and GET /campaigns/:id/results (the service
 * methods the routes call, with the SQL aggregates) against a naive baseline that
 * loads every answer into JavaScript and counts there, in the same run.
 *
 *   ./paved yarn bench:nps            (BENCH_ANSWERS=200000 for a quicker run)
 */
/* eslint-disable no-console */
import { ConfigReader } from '@backstage/config';
import {
  BandCounts,
  summarizeNps,
  suppressGroups,
} from '@paved/plugin-nps-common';
import knexFactory, { Knex } from 'knex';
import { NpsStore } from '../plugins/nps-backend/src/database/NpsStore';
import {
  NpsService,
  readNpsSettings,
} from '../plugins/nps-backend/src/service/NpsService';

const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 1_000_000);
const CAMPAIGNS = 8;
const TEAMS = 50;
const RUNS = 7;
const connection = {
  host: process.env.BENCH_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.BENCH_PG_PORT ?? 5432),
  user: process.env.BENCH_PG_USER ?? 'postgres',
  password: process.env.BENCH_PG_PASSWORD ?? '',
};
const DATABASE = 'paved_bench_nps';

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
    `${label.padEnd(44)} median ${result
      .toFixed(1)
      .padStart(8)} ms  (min ${times[0].toFixed(1)}, max ${times[
      times.length - 1
    ].toFixed(1)}, ${RUNS} runs)`,
  );
  return result;
}

async function load(db: Knex, store: NpsStore): Promise<string[]> {
  const ids: string[] = [];
  const day = 24 * 60 * 60 * 1000;
  for (let c = 0; c < CAMPAIGNS; c++) {
    const opensAt = new Date(Date.UTC(2025, c * 3, 8));
    ids.push(
      await store.insertCampaign(
        {
          title: `Bench campaign ${c + 1}`,
          question: 'Q',
          followUp: 'F',
          opensAt,
          closesAt: new Date(opensAt.getTime() + 21 * day),
          audience: { type: 'all' },
          origin: 'manual',
          scheduleKey: null,
          createdBy: 'bench',
        },
        opensAt,
      ),
    );
  }
  const perCampaign = Math.floor(ANSWERS / CAMPAIGNS);
  for (const [c, id] of ids.entries()) {
    // Generated in SQL: scores skew upwards over time; a few answers have no team.
    await db.raw(
      `INSERT INTO nps_responses (id, campaign_id, score, comment, team_ref)
       SELECT gen_random_uuid(), ?, least(10, greatest(0, floor(random() * 9 + ? * random() * 0.6)))::smallint,
              CASE WHEN random() < 0.3 THEN 'Faster CI, please' END,
              CASE WHEN random() < 0.02 THEN NULL
                   ELSE 'group:default/team-' || lpad((floor(random() * ?))::int::text, 2, '0') END
       FROM generate_series(1, ?)`,
      [id, c, TEAMS, perCampaign],
    );
  }
  // As autovacuum would after a bulk load: statistics and the visibility map.
  await db.raw('VACUUM ANALYZE nps_responses');
  return ids;
}

// The baseline: every answer into JavaScript, counted there.
async function naive(db: Knex, campaignId: string, minGroupSize: number) {
  const rows: Array<{ campaign_id: string; score: number; team_ref: string }> =
    await db('nps_responses').select('campaign_id', 'score', 'team_ref');
  const band = (s: number) => {
    if (s >= 9) return 'promoters';
    return s >= 7 ? 'passives' : 'detractors';
  };
  const byCampaign = new Map<string, BandCounts>();
  const byTeam = new Map<string, BandCounts>();
  for (const row of rows) {
    const c = byCampaign.get(row.campaign_id) ?? {
      promoters: 0,
      passives: 0,
      detractors: 0,
    };
    c[band(row.score)]++;
    byCampaign.set(row.campaign_id, c);
    if (row.campaign_id === campaignId) {
      const key = row.team_ref ?? '';
      const t = byTeam.get(key) ?? { promoters: 0, passives: 0, detractors: 0 };
      t[band(row.score)]++;
      byTeam.set(key, t);
    }
  }
  const trend = [...byCampaign.values()].map(c => summarizeNps(c));
  const teams = [...byTeam.entries()].map(([key, c]) => ({
    key,
    n: c.promoters + c.passives + c.detractors,
  }));
  return { trend, teams: suppressGroups(teams, minGroupSize) };
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
    const loadStart = Date.now();
    const ids = await load(db, store);
    const [{ n }] = await db('nps_responses').count({ n: '*' });
    const version = (await db.raw('show server_version')).rows[0]
      .server_version;
    console.log(
      `Loaded ${Number(n).toLocaleString(
        'en-US',
      )} answers, ${CAMPAIGNS} campaigns, ${TEAMS} teams into Postgres ${version} in ${(
        (Date.now() - loadStart) /
        1000
      ).toFixed(1)} s`,
    );

    const settings = readNpsSettings(new ConfigReader({}));
    const service = new NpsService({
      store,
      directory: { eligibleCount: async () => 5000 },
      settings,
      now: () => new Date(Date.UTC(2027, 0, 1)),
    });
    const latest = ids[ids.length - 1];

    const trend = await median('trend (SQL aggregates)', () => service.trend());
    const breakdown = await median('results + team breakdown (SQL)', () =>
      service.results(latest),
    );
    const both = await median('trend + breakdown together (SQL)', () =>
      Promise.all([service.trend(), service.results(latest)]),
    );
    const baseline = await median('naive: all rows into JavaScript', () =>
      naive(db, latest, settings.minGroupSize),
    );
    console.log('');
    console.log(
      `trend + breakdown: ${(trend + breakdown).toFixed(
        1,
      )} ms sequential, ${both.toFixed(1)} ms concurrent (target < 300 ms)`,
    );
    console.log(
      `naive JavaScript baseline: ${baseline.toFixed(1)} ms, ${(
        baseline / both
      ).toFixed(1)}x slower than SQL`,
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
