/*
 * Benchmark: deployment ingestion, this tree against an earlier commit's
 * store and migrations, batch by batch in turn in one run, so that both see
 * the same machine load (on a shared machine, figures from different runs
 * are not comparable).
 *
 * The earlier service and store are read from git (BENCH_BASELINE_REF, by
 * default f5f51f7, the last commit before the daily rollups) into
 * bench/.baseline-<ref>/ and driven the same way, with
 * the same batches of 5,000 as bench:metrics, each into its own scratch
 * database on the Postgres at 127.0.0.1:5432 (BENCH_PG_*, BENCH_DB_PREFIX).
 *
 *   ./paved yarn bench:metrics:ab      (BENCH_DEPLOYMENTS=200000 by default)
 */
/* eslint-disable no-console */
import {
  BackstageServicePrincipal,
  DatabaseService,
} from '@backstage/backend-plugin-api';
import {
  DAY_MS,
  MAX_BATCH,
  seededRandom,
} from '@paved/plugin-platform-metrics-common';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import knexFactory, { Knex } from 'knex';
import { describeCpu, postgresCpuClock, withNodeCpu } from './cpu';
import { MetricsStore } from '../plugins/platform-metrics-backend/src/database/MetricsStore';
import { ServiceDirectory } from '../plugins/platform-metrics-backend/src/service/CatalogDirectory';
import { MetricsService } from '../plugins/platform-metrics-backend/src/service/MetricsService';
import { PlatformSources } from '../plugins/platform-metrics-backend/src/service/PluginSources';

const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 200_000);
const REF = process.env.BENCH_BASELINE_REF ?? 'f5f51f7';
const SERVICES = 500;
const NOW = Date.parse('2026-11-30T12:00:00Z');
const connection = {
  host: process.env.BENCH_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.BENCH_PG_PORT ?? 5432),
  user: process.env.BENCH_PG_USER ?? 'postgres',
  password: process.env.BENCH_PG_PASSWORD ?? '',
};
const PREFIX = process.env.BENCH_DB_PREFIX ?? 'bench_metrics';
const BEFORE = `${PREFIX}_ab_before`;
const AFTER = `${PREFIX}_ab_after`;

const sender: BackstageServicePrincipal = {
  type: 'service',
  subject: 'bench-ci',
};
const directory: ServiceDirectory = {
  async lookup(refs) {
    return new Map(
      refs.map(r => [
        r,
        { owner: `group:default/team-${Number(r.split('-').pop()) % 25}` },
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

/** The batches of bench:metrics (same shape and mix). */
function batch(first: number, size: number, random: () => number) {
  const events = [];
  for (let i = first; i < first + size; i++) {
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
      service: `component:default/svc-${i % SERVICES}`,
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
    // Connections stay open, so their backends' CPU time can be read at the end.
    pool: { min: 1, max: 4, idleTimeoutMillis: 3_600_000 },
  });
}

/**
 * The earlier commit's service, store and migrations, written out from git
 * (every source file of src/database and src/service, so that the baseline
 * validates deliveries as that commit did too).
 */
function baselineFromGit(): { dir: string; migrations: string } {
  const root = resolve(__dirname, '..');
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  const dir = join(root, 'bench', `.baseline-${REF}`);
  const migrations = join(dir, 'migrations');
  mkdirSync(migrations, { recursive: true });
  const backend = 'plugins/platform-metrics-backend';
  for (const folder of ['database', 'service']) {
    mkdirSync(join(dir, folder), { recursive: true });
    for (const file of git(
      'ls-tree',
      '--name-only',
      `${REF}:${backend}/src/${folder}`,
    )
      .split('\n')
      .filter(f => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      writeFileSync(
        join(dir, folder, file),
        git('show', `${REF}:${backend}/src/${folder}/${file}`),
      );
    }
  }
  for (const path of git(
    'ls-tree',
    '--name-only',
    `${REF}:${backend}/migrations`,
  )
    .split('\n')
    .filter(Boolean)) {
    writeFileSync(
      join(migrations, path),
      git('show', `${REF}:${backend}/migrations/${path}`),
    );
  }
  return { dir, migrations };
}

async function main() {
  const baseline = baselineFromGit();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { MetricsStore: BaselineStore } = require(join(
    baseline.dir,
    'database',
    'MetricsStore.ts',
  ));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { MetricsService: BaselineService } = require(join(
    baseline.dir,
    'service',
    'MetricsService.ts',
  ));
  const beforeDb = await freshDatabase(BEFORE);
  await beforeDb.migrate.latest({ directory: baseline.migrations });
  const afterDb = await freshDatabase(AFTER);
  const afterStore = await MetricsStore.create({
    getClient: async () => afterDb,
    migrations: { skip: false },
  } as unknown as DatabaseService);
  const services: Record<'before' | 'after', MetricsService> = {
    before: new BaselineService(
      new BaselineStore(beforeDb),
      directory,
      noSources,
      () => NOW,
    ),
    after: new MetricsService(afterStore, directory, noSources, () => NOW),
  };
  console.log(
    `load average (1, 5, 15 min) at the start: ${loadavg()
      .map(l => l.toFixed(2))
      .join(', ')}`,
  );

  const ms = { before: 0, after: 0 };
  const nodeCpu = { before: { ms: 0 }, after: { ms: 0 } };
  const pgCpu = {
    before: await postgresCpuClock(beforeDb),
    after: await postgresCpuClock(afterDb),
  };
  const random = seededRandom('bench');
  for (let first = 0, n = 0; first < DEPLOYMENTS; first += MAX_BATCH, n++) {
    const events = batch(
      first,
      Math.min(MAX_BATCH, DEPLOYMENTS - first),
      random,
    );
    // Alternate which goes first, so neither always follows the other.
    const order: Array<'before' | 'after'> =
      n % 2 ? ['before', 'after'] : ['after', 'before'];
    for (const which of order) {
      const body = JSON.parse(JSON.stringify(events));
      const start = process.hrtime.bigint();
      const result = await withNodeCpu(nodeCpu[which], () =>
        services[which].ingestDeployments(body, sender),
      );
      ms[which] += Number(process.hrtime.bigint() - start) / 1e6;
      if (result.stored !== events.length) {
        throw new Error(
          `${which}: stored ${result.stored} of ${events.length}`,
        );
      }
    }
  }
  const rate = (t: number) =>
    Math.round((DEPLOYMENTS / t) * 1000).toLocaleString('en-GB');
  console.log(
    `${DEPLOYMENTS.toLocaleString(
      'en-GB',
    )} deployments in batches of ${MAX_BATCH}, in turn into two databases:`,
  );
  console.log(`  before (${REF}):  ${rate(ms.before)} deployments/s`);
  console.log(`  after (this tree): ${rate(ms.after)} deployments/s`);
  console.log(`  after ÷ before: ${(ms.before / ms.after).toFixed(2)}x`);
  for (const which of ['before', 'after'] as const) {
    console.log(
      `  ${which}: ${describeCpu(
        { nodeMs: nodeCpu[which].ms, postgresMs: await pgCpu[which].stop() },
        DEPLOYMENTS,
      )}`,
    );
  }
  console.log(
    `load average (1, 5, 15 min) at the end: ${loadavg()
      .map(l => l.toFixed(2))
      .join(', ')}`,
  );

  await beforeDb.destroy();
  await afterDb.destroy();
  const admin = knexFactory({
    client: 'pg',
    connection: { ...connection, database: 'postgres' },
  });
  await admin.raw(`drop database if exists ${BEFORE}`);
  await admin.raw(`drop database if exists ${AFTER}`);
  await admin.destroy();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
