/*
 * Benchmark: delivery metrics at 1,000,000 deployments on Postgres.
 *
 * Ingests 1,000,000 deployments (and their commits) in batches of 5,000
 * through the same service method the POST /deployments route calls (schema
 * validation, catalog lookup, the store's upserts), then times the
 * organisation DORA query behind GET /dora (five metrics over 90 days and the
 * weekly series). Each beside baselines measured in the same run:
 * check-then-insert, one event at a time; the same figures computed from the
 * stored rows without the daily rollups (the query before them); and, up to
 * BENCH_NAIVE_QUERY_MAX deployments, every row loaded into JavaScript and
 * computed there.
 *
 *   ./paved yarn bench:metrics        (BENCH_DEPLOYMENTS=200000 for a quicker run)
 */
/* eslint-disable no-console */
import {
  BackstageServicePrincipal,
  DatabaseService,
} from '@backstage/backend-plugin-api';
import {
  DAY_MS,
  DeploymentRecord,
  IncidentRecord,
  MAX_BATCH,
  referenceAggregate,
  seededRandom,
} from '@paved/plugin-platform-metrics-common';
import knexFactory, { Knex } from 'knex';
import { loadavg } from 'node:os';
import { describeCpu, postgresCpuClock, withNodeCpu } from './cpu';
import { MetricsStore } from '../plugins/platform-metrics-backend/src/database/MetricsStore';
import { ServiceDirectory } from '../plugins/platform-metrics-backend/src/service/CatalogDirectory';
import { MetricsService } from '../plugins/platform-metrics-backend/src/service/MetricsService';
import { PlatformSources } from '../plugins/platform-metrics-backend/src/service/PluginSources';

const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 1_000_000);
const NAIVE_EVENTS = Number(process.env.BENCH_NAIVE_EVENTS ?? 20_000);
// The JavaScript reference attributes each incident by scanning every
// deployment: hours at a million deployments, so only up to this many.
const NAIVE_QUERY_MAX = Number(process.env.BENCH_NAIVE_QUERY_MAX ?? 200_000);
// Deliveries in flight at once in the concurrent ingestions (several CI
// systems posting at the same time), one phase per figure ("2,3"); 0 or 1
// leaves that phase out.
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '2,3')
  .split(',')
  .map(Number)
  .filter(n => n > 1);
const SERVICES = 500;
const TEAMS = 25;
const RUNS = 7;
const NOW = Date.parse('2026-11-30T12:00:00Z');
const connection = {
  host: process.env.BENCH_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.BENCH_PG_PORT ?? 5432),
  user: process.env.BENCH_PG_USER ?? 'postgres',
  password: process.env.BENCH_PG_PASSWORD ?? '',
};
// Scratch databases; BENCH_DB_PREFIX keeps concurrent runs on a shared server apart.
const PREFIX = process.env.BENCH_DB_PREFIX ?? 'bench_metrics';
const DATABASE = `${PREFIX}_ingest`;
const NAIVE_DATABASE = `${PREFIX}_naive`;
const CONCURRENT_DATABASE = `${PREFIX}_concurrent`;

const service = (i: number) => `component:default/svc-${i}`;
const sender: BackstageServicePrincipal = {
  type: 'service',
  subject: 'bench-ci',
};

// Every service is in the catalog, owned by one of 25 teams.
const directory: ServiceDirectory = {
  async lookup(refs) {
    return new Map(
      refs.map(r => [
        r,
        { owner: `group:default/team-${Number(r.split('-').pop()) % TEAMS}` },
      ]),
    );
  },
  async users() {
    return [];
  },
};
const noSources: PlatformSources = {
  async roadmapReleases() {
    return [];
  },
  async goldenPathServices() {
    return new Set();
  },
};

/** One batch of deployments as a CI tool sends them (JSON, ISO times). */
function batch(first: number, size: number, random: () => number) {
  const events = [];
  for (let i = first; i < first + size; i++) {
    // Spread over the year before NOW, in order of id (as CI reports them).
    const finishedAt = NOW - 365 * DAY_MS + (i / DEPLOYMENTS) * 365 * DAY_MS;
    const r = random();
    const commits = [];
    for (let c = 0; c < 1 + Math.floor(random() * 3); c++) {
      commits.push({
        sha: `${i.toString(16)}${c}`.padStart(12, '0'),
        committedAt: new Date(
          finishedAt - (1 + random() * 72) * 3_600_000,
        ).toISOString(),
      });
    }
    events.push({
      source: 'bench-ci',
      externalId: `run-${i}`,
      service: service(i % SERVICES),
      environment: r < 0.1 ? 'staging' : 'production',
      status:
        r < 0.13 && r >= 0.1 ? 'failed' : r > 0.96 ? 'rolled_back' : 'success',
      startedAt: new Date(finishedAt - 300_000).toISOString(),
      finishedAt: new Date(finishedAt).toISOString(),
      commits,
      rework: random() < 0.04,
    });
  }
  return events;
}

function incidents(count: number, random: () => number) {
  return Array.from({ length: count }, (_, i) => {
    const openedAt = NOW - 365 * DAY_MS + random() * 365 * DAY_MS;
    return {
      source: 'bench-ci',
      externalId: `inc-${i}`,
      service: service(Math.floor(random() * SERVICES)),
      openedAt: new Date(openedAt).toISOString(),
      resolvedAt: new Date(openedAt + random() * 8 * 3_600_000).toISOString(),
    };
  });
}

async function freshDatabase(name: string): Promise<Knex> {
  const admin = knexFactory({
    client: 'pg',
    connection: { ...connection, database: 'postgres' },
  });
  await admin.raw(`drop database if exists ${name}`);
  await admin.raw(`create database ${name}`);
  await admin.destroy();
  return knexFactory({
    client: 'pg',
    connection: { ...connection, database: name },
    // Connections stay open, so their backends' CPU time can be read.
    pool: {
      min: 1,
      max: Math.max(4, ...CONCURRENCIES.map(n => n + 2)),
      idleTimeoutMillis: 3_600_000,
    },
  });
}

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
    `${label.padEnd(48)} median ${result
      .toFixed(1)
      .padStart(8)} ms  (min ${times[0].toFixed(1)}, max ${times[
      times.length - 1
    ].toFixed(1)}, ${RUNS} runs)`,
  );
  return result;
}

/** The naive ingestion: look each event up, then insert or update it, one by one. */
async function naiveIngest(db: Knex, events: any[]) {
  for (const e of events) {
    const existing = await db('naive_deployments')
      .where({ source: e.source, external_id: e.externalId })
      .first('id');
    const row = {
      source: e.source,
      external_id: e.externalId,
      service_ref: e.service,
      environment: e.environment,
      status: e.status,
      finished_at: Date.parse(e.finishedAt),
    };
    let id = existing?.id;
    if (id) {
      await db('naive_deployments').where({ id }).update(row);
      await db('naive_commits').where({ deployment_id: id }).del();
    } else {
      [{ id }] = await db('naive_deployments').insert(row).returning('id');
    }
    for (const c of e.commits) {
      await db('naive_commits').insert({
        deployment_id: id,
        sha: c.sha,
        committed_at: Date.parse(c.committedAt),
      });
    }
  }
}

/**
 * The same batches as the sequential ingestion, delivered `concurrency` at a
 * time into a database of their own (as several CI systems post at once),
 * then the same incidents. The bodies are built beforehand, so that only the
 * deliveries are timed, as in the sequential loop. Checks that the figures
 * of the last 90 days, in total and per week, equal the sequential
 * database's (per service, computed from the rows, takes minutes at a
 * million; the rollups test compares those).
 */
async function concurrentIngest(
  concurrency: number,
  sequential: MetricsStore,
  incidentEvents: unknown[],
) {
  const random = seededRandom('bench');
  const bodies: unknown[] = [];
  for (let first = 0; first < DEPLOYMENTS; first += MAX_BATCH) {
    bodies.push(
      JSON.parse(
        JSON.stringify(
          batch(first, Math.min(MAX_BATCH, DEPLOYMENTS - first), random),
        ),
      ),
    );
  }
  const db = await freshDatabase(CONCURRENT_DATABASE);
  const store = await MetricsStore.create({
    getClient: async () => db,
    migrations: { skip: false },
  } as unknown as DatabaseService);
  const metrics = new MetricsService(store, directory, noSources, () => NOW);
  // Every connection the deliveries will use, open before the clock starts.
  await Promise.all(
    Array.from({ length: concurrency }, () =>
      db.transaction(tx => tx.raw('select 1')),
    ),
  );
  const pgCpu = await postgresCpuClock(db);
  const nodeStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++] as unknown[];
        const result = await metrics.ingestDeployments(body, sender);
        if (result.stored !== body.length) {
          throw new Error(`stored ${result.stored} of ${body.length}`);
        }
      }
    }),
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const node = process.cpuUsage(nodeStart);
  const cpu = {
    nodeMs: (node.user + node.system) / 1000,
    postgresMs: await pgCpu.stop(),
  };
  for (let i = 0; i < incidentEvents.length; i += MAX_BATCH) {
    await metrics.ingestIncidents(
      incidentEvents.slice(i, i + MAX_BATCH),
      sender,
    );
  }
  const window = [NOW - 90 * DAY_MS, NOW] as const;
  const org = { kind: 'organisation' as const };
  // Both paths (rollups and rows), in total and per week: a difference is
  // printed, key by key, before the run fails.
  const figures = async (s: MetricsStore) =>
    new Map(
      (
        await Promise.all([
          s.aggregate(...window, org, 'total'),
          s.aggregate(...window, org, 'week'),
          s.aggregateFromRows(...window, org, 'total'),
          s.aggregateFromRows(...window, org, 'week'),
        ])
      ).flatMap((m, i) =>
        [...m].map(
          ([k, v]) =>
            [
              `${['rollups', 'rollups', 'rows', 'rows'][i]} ${k}`,
              JSON.stringify(v),
            ] as const,
        ),
      ),
    );
  const [mine, theirs] = [await figures(store), await figures(sequential)];
  const differing = [...new Set([...mine.keys(), ...theirs.keys()])].filter(
    k => mine.get(k) !== theirs.get(k),
  );
  for (const k of differing.slice(0, 5)) {
    console.log(
      `  ${concurrency} in flight differs at ${k}:\n    concurrent ${mine.get(
        k,
      )}\n    sequential ${theirs.get(k)}`,
    );
  }
  const same = differing.length === 0;
  await db.destroy();
  return {
    concurrency: concurrency,
    perSecond: (DEPLOYMENTS / ms) * 1000,
    ms,
    cpu,
    same,
  };
}

async function main() {
  const random = seededRandom('bench');
  const db = await freshDatabase(DATABASE);
  const database = {
    getClient: async () => db,
    migrations: { skip: false },
  } as unknown as DatabaseService;
  const store = await MetricsStore.create(database);
  const metrics = new MetricsService(store, directory, noSources, () => NOW);
  const version = (await db.raw('show server_version')).rows[0].server_version;
  console.log(
    `load average (1, 5, 15 min) at the start: ${loadavg()
      .map(l => l.toFixed(2))
      .join(', ')}`,
  );

  // --- ingestion ---------------------------------------------------------------------------------
  let ingestMs = 0;
  const nodeCpu = { ms: 0 };
  const pgCpu = await postgresCpuClock(db);
  let commitCount = 0;
  let lastBody: unknown = [];
  for (let first = 0; first < DEPLOYMENTS; first += MAX_BATCH) {
    const events = batch(
      first,
      Math.min(MAX_BATCH, DEPLOYMENTS - first),
      random,
    );
    commitCount += events.reduce((n, e) => n + e.commits.length, 0);
    // The JSON body as the route receives it, parsed as express would.
    const body = JSON.parse(JSON.stringify(events));
    lastBody = JSON.parse(JSON.stringify(events));
    const start = process.hrtime.bigint();
    const result = await withNodeCpu(nodeCpu, () =>
      metrics.ingestDeployments(body, sender),
    );
    ingestMs += Number(process.hrtime.bigint() - start) / 1e6;
    if (result.stored !== events.length) {
      throw new Error(`stored ${result.stored} of ${events.length}`);
    }
    if ((first / MAX_BATCH) % 20 === 19) {
      console.log(
        `  ${(first + MAX_BATCH).toLocaleString(
          'en-GB',
        )} deployments, ${Math.round(
          ((first + MAX_BATCH) / ingestMs) * 1000,
        ).toLocaleString('en-GB')} per second so far`,
      );
    }
  }
  const ingestCpu = { nodeMs: nodeCpu.ms, postgresMs: await pgCpu.stop() };
  const incidentEvents = incidents(Math.round(DEPLOYMENTS * 0.02), random);
  for (let i = 0; i < incidentEvents.length; i += MAX_BATCH) {
    await metrics.ingestIncidents(
      incidentEvents.slice(i, i + MAX_BATCH),
      sender,
    );
  }
  const perSecond = (DEPLOYMENTS / ingestMs) * 1000;
  const concurrents = [];
  for (const n of CONCURRENCIES) {
    concurrents.push(await concurrentIngest(n, store, incidentEvents));
  }
  // A re-delivery of the last batch: nothing is written.
  const retryStart = process.hrtime.bigint();
  const retry = await metrics.ingestDeployments(lastBody, sender);
  const retryMs = Number(process.hrtime.bigint() - retryStart) / 1e6;

  // The naive baseline, on its own database in the same run.
  const naiveDb = await freshDatabase(NAIVE_DATABASE);
  await naiveDb.schema.createTable('naive_deployments', t => {
    t.bigIncrements('id');
    t.string('source');
    t.string('external_id');
    t.string('service_ref');
    t.string('environment');
    t.string('status');
    t.bigInteger('finished_at');
    t.unique(['source', 'external_id']);
  });
  await naiveDb.schema.createTable('naive_commits', t => {
    t.bigInteger('deployment_id');
    t.string('sha');
    t.bigInteger('committed_at');
    t.index(['deployment_id']);
  });
  const naiveEvents = batch(0, NAIVE_EVENTS, seededRandom('naive'));
  const naiveStart = process.hrtime.bigint();
  await naiveIngest(naiveDb, naiveEvents);
  const naiveMs = Number(process.hrtime.bigint() - naiveStart) / 1e6;
  const naivePerSecond = (NAIVE_EVENTS / naiveMs) * 1000;
  await naiveDb.destroy();
  console.log(
    `ingestion ${Math.round(perSecond).toLocaleString(
      'en-GB',
    )}/s; naive check-then-insert ${Math.round(naivePerSecond).toLocaleString(
      'en-GB',
    )}/s`,
  );

  // --- the organisation DORA query ----------------------------------------------------------------
  await db.raw('vacuum analyze');
  const from = NOW - 90 * DAY_MS;
  const org = { kind: 'organisation' as const };
  const summary = await median(
    'organisation, 90 days: five metrics (rollups)',
    () => store.aggregate(from, NOW, org, 'total'),
  );
  const weekly = await median(
    'organisation, 90 days: weekly series (rollups)',
    () => store.aggregate(from, NOW, org, 'week'),
  );
  const full = await median(
    'GET /dora for the organisation (both, rollups)',
    () => metrics.dora({}),
  );
  const team = await median('GET /dora for one team (rows)', () =>
    metrics.dora({ team: 'group:default/team-3' }),
  );
  // The baseline: the same figures from the stored rows, as before the rollups.
  const rowsSummary = await median(
    'baseline: five metrics from rows (no rollups)',
    () => store.aggregateFromRows(from, NOW, org, 'total'),
  );
  const rowsWeekly = await median(
    'baseline: weekly series from rows (no rollups)',
    () => store.aggregateFromRows(from, NOW, org, 'week'),
  );
  const asJson = (m: Map<string, unknown>) =>
    JSON.stringify([...m].sort(([a], [b]) => a.localeCompare(b)));
  const sameAsRows =
    asJson(await store.aggregate(from, NOW, org, 'total')) ===
      asJson(await store.aggregateFromRows(from, NOW, org, 'total')) &&
    asJson(await store.aggregate(from, NOW, org, 'week')) ===
      asJson(await store.aggregateFromRows(from, NOW, org, 'week'));
  const sql = (await store.aggregate(from, NOW, org, 'total')).get('all');
  console.log(
    `rollups give the same figures as the rows, in total and per week: ${
      sameAsRows ? 'yes' : 'NO'
    }`,
  );

  // The naive baseline: every row into JavaScript, computed there (one run).
  let naiveQueryMs: number | null = null;
  let same = sameAsRows;
  if (DEPLOYMENTS <= NAIVE_QUERY_MAX) {
    const naiveQueryStart = process.hrtime.bigint();
    const deployments = new Map<number, DeploymentRecord>();
    for (const r of await db('metrics_deployments').select()) {
      deployments.set(Number(r.id), {
        source: r.source,
        externalId: r.external_id,
        service: r.service_ref,
        environment: r.environment,
        status: r.status,
        startedAt: Number(r.started_at),
        finishedAt: Number(r.finished_at),
        commits: (JSON.parse(r.commits) as Array<[string, number]>).map(
          ([sha, committedAt]) => ({ sha, committedAt }),
        ),
        rework: r.rework,
        deployer: r.deployer_ref,
      });
    }
    const incidentRows: IncidentRecord[] = (
      await db('metrics_incidents').select()
    ).map((r: any) => ({
      source: r.source,
      externalId: r.external_id,
      service: r.service_ref,
      openedAt: Number(r.opened_at),
      resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
      causedBy: null,
      restoredBy: null,
    }));
    const naive = referenceAggregate([...deployments.values()], incidentRows, {
      from,
      to: NOW,
    });
    naiveQueryMs = Number(process.hrtime.bigint() - naiveQueryStart) / 1e6;
    same = same && JSON.stringify(naive) === JSON.stringify(sql);
  }

  console.log(
    `\nPostgres ${version}, ${DEPLOYMENTS.toLocaleString(
      'en-GB',
    )} deployments with ${commitCount.toLocaleString(
      'en-GB',
    )} commits, ${incidentEvents.length.toLocaleString(
      'en-GB',
    )} incidents, ${SERVICES} services`,
  );
  console.log(
    `ingestion (batches of ${MAX_BATCH}): ${Math.round(
      perSecond,
    ).toLocaleString('en-GB')} deployments/s in ${(ingestMs / 1000).toFixed(
      1,
    )} s (target ≥ 20,000/s)`,
  );
  console.log(`  ${describeCpu(ingestCpu, DEPLOYMENTS)}`);
  for (const concurrent of concurrents) {
    console.log(
      `ingestion with ${
        concurrent.concurrency
      } deliveries in flight (same batches, own database): ${Math.round(
        concurrent.perSecond,
      ).toLocaleString('en-GB')} deployments/s in ${(
        concurrent.ms / 1000
      ).toFixed(1)} s (target ≥ 20,000/s); same figures as sequential: ${
        concurrent.same ? 'yes' : 'NO'
      }`,
    );
    console.log(
      `  CPU per 1,000 deployments: node ${(
        (concurrent.cpu.nodeMs / DEPLOYMENTS) *
        1000
      ).toFixed(1)} ms + Postgres ${(
        (concurrent.cpu.postgresMs / DEPLOYMENTS) *
        1000
      ).toFixed(1)} ms`,
    );
  }
  console.log(
    `  re-delivery of a stored batch: ${
      retry.stored
    } written, ${retryMs.toFixed(0)} ms`,
  );
  console.log(
    `  naive check-then-insert, one event at a time: ${Math.round(
      naivePerSecond,
    ).toLocaleString('en-GB')} deployments/s (${NAIVE_EVENTS.toLocaleString(
      'en-GB',
    )} events), ${(perSecond / naivePerSecond).toFixed(1)}x slower`,
  );
  console.log(
    `organisation DORA query: ${summary.toFixed(
      1,
    )} ms five metrics, ${weekly.toFixed(1)} ms weekly series, ${full.toFixed(
      1,
    )} ms the whole GET /dora, ${team.toFixed(
      1,
    )} ms for a team (target < 200 ms)`,
  );
  console.log(
    `  baseline from rows (no rollups): ${rowsSummary.toFixed(
      1,
    )} ms five metrics (${(rowsSummary / summary).toFixed(
      1,
    )}x slower), ${rowsWeekly.toFixed(1)} ms weekly series; same figures: ${
      sameAsRows ? 'yes' : 'NO'
    }`,
  );
  console.log(
    naiveQueryMs === null
      ? `  naive, every row into JavaScript: skipped above ${NAIVE_QUERY_MAX.toLocaleString(
          'en-GB',
        )} deployments (BENCH_NAIVE_QUERY_MAX)`
      : `  naive: every row into JavaScript: ${naiveQueryMs.toFixed(0)} ms, ${(
          naiveQueryMs / summary
        ).toFixed(0)}x slower; same figures as SQL: ${same ? 'yes' : 'NO'}`,
  );
  console.log(
    `load average (1, 5, 15 min) at the end: ${loadavg()
      .map(l => l.toFixed(2))
      .join(', ')}`,
  );

  await db.destroy();
  const admin = knexFactory({
    client: 'pg',
    connection: { ...connection, database: 'postgres' },
  });
  await admin.raw(`drop database if exists ${DATABASE}`);
  await admin.raw(`drop database if exists ${NAIVE_DATABASE}`);
  await admin.raw(`drop database if exists ${CONCURRENT_DATABASE}`);
  await admin.destroy();
  if (!same || concurrents.some(c => !c.same)) process.exitCode = 1;
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
