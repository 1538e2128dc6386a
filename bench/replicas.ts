/*
 * Load bench: two production replicas on one Postgres, driven on loopback.
 *
 * Starts a throwaway Postgres 15 cluster (its own port, never the shared server),
 * the production bundle twice (NODE_ENV=production, app-config.production.yaml,
 * ports 7201 and 7202, same databases), and drives them with autocannon:
 *   1. NPS submits from 10,000 distinct users, split across both replicas at
 *      200 req/s, plus refused ones (the same user again on the other replica at
 *      the same moment, and invalid scores), while 2,000 users vote for roadmap
 *      items on both replicas at once;
 *   2. deployment batches (5,000 events each) from a CI token, then re-sent;
 *   3. reads at a fixed rate with 1,000,000 answers stored: results, trend, DORA,
 *      the roadmap, the golden-path catalog, the health page's OKRs; and the
 *      trend as fast as it goes;
 *   4. the ceilings, in the same run: plain Express hello-world, and plain
 *      Express + `pg` inserting one row per request, as two processes like the
 *      replicas;
 * then closes the campaign and CHECKS the database: one participation and one
 * answer per accepted submit and none for refused ones, every answer released
 * exactly once, no duplicate votes, every accepted deployment stored once. It
 * exits non-zero when a check fails; the targets are reported, met or not.
 *
 *   ./paved yarn bench:replicas        (builds the production bundle if missing)
 *   BENCH_USERS=2000 ./paved yarn bench:replicas   (quicker)
 */
/* eslint-disable no-console */
import { ChildProcess, execSync, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import {
  BenchAuth,
  Replica,
  ROOT,
  ensureBundle,
  sleep,
  startOidcProvider,
} from './lib/backend';
import { BenchRun, npsStoredState, printUptime, runBench } from './lib/run';
import { LoadStats, drive, formatStats } from './lib/load';
import { ServingCpu } from './cpu';

const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const STORED_ANSWERS = Number(process.env.BENCH_STORED_ANSWERS ?? 1_000_000);
const SUBMIT_RATE = Number(process.env.BENCH_SUBMIT_RATE ?? 200);
const DEPLOYMENT_BATCHES = Number(process.env.BENCH_DEPLOYMENT_BATCHES ?? 40);
const RESENT = Math.min(6, DEPLOYMENT_BATCHES);
// The largest delivery the API accepts, as a CI system catching up would send.
const BATCH_SIZE = Number(process.env.BENCH_DEPLOYMENT_BATCH_SIZE ?? 5000);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 55432);
// How the replicas and the ceilings reach Postgres, which runs on this machine:
// its Unix socket (default), or TCP on loopback ("tcp").
const PG_TRANSPORT =
  process.env.BENCH_PG_TRANSPORT === 'tcp' ? 'tcp' : 'socket';
const PORTS = [7201, 7202];
const OIDC_PORT = 7251;
const CEILING_PORTS = { hello: [7211, 7212], insert: [7221, 7222] };
const PREFIX = 'paved_bench_';
const TEAMS = 50;
const DUPLICATES = Math.round(USERS * 0.05);
const INVALID = Math.round(USERS * 0.03);
const VOTERS = Math.round(USERS * 0.2);
const PM = 'user:default/priya.raman';
const PLATFORM = 'group:default/platform-team';

const userRef = (i: number) =>
  `user:default/bench-${String(i).padStart(5, '0')}`;
const teamOf = (i: number) =>
  `group:default/bench-team-${String(i % TEAMS).padStart(2, '0')}`;

function shuffle<T>(items: T[], seed = 42): T[] {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

async function api(url: string, token: string, method: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** 1,000,000 answers in 8 past campaigns, as the release job leaves them (generated in SQL). */
async function storeAnswers(db: Knex) {
  const campaigns = 8;
  const per = Math.floor(STORED_ANSWERS / campaigns);
  const ids: string[] = [];
  for (let c = 0; c < campaigns; c++) {
    const opensAt = new Date(Date.UTC(2024, c * 3, 8));
    const [{ id }] = await db('nps_campaigns')
      .insert({
        id: db.raw('gen_random_uuid()'),
        title: `Bench history ${c + 1}`,
        question: 'Q',
        follow_up: 'F',
        opens_at: opensAt,
        closes_at: new Date(opensAt.getTime() + 21 * 86400_000),
        audience: JSON.stringify({ type: 'all' }),
        origin: 'manual',
        schedule_key: null,
        created_by: 'bench',
        created_at: opensAt,
      })
      .returning('id');
    ids.push(id);
    await db.raw(
      `INSERT INTO nps_responses (id, campaign_id, score, comment, team_ref)
       SELECT gen_random_uuid(), ?::uuid,
              least(10, greatest(0, floor(random() * 9 + ? * random() * 0.6)))::smallint,
              CASE WHEN random() < 0.3 THEN 'Faster CI, please' END,
              'group:default/bench-team-' || lpad((floor(random() * ?))::int::text, 2, '0')
       FROM generate_series(1, ?)`,
      [id, c, TEAMS, per],
    );
  }
  await db.raw(`
    INSERT INTO nps_counts (campaign_id, team_key, score, n)
    SELECT campaign_id, COALESCE(team_ref, ''), score, COUNT(*)
    FROM nps_responses GROUP BY campaign_id, COALESCE(team_ref, ''), score`);
  await db.raw('VACUUM ANALYZE nps_responses');
  await db.raw('VACUUM ANALYZE nps_counts');
  return ids;
}

function startCeiling(
  mode: 'hello' | 'insert',
  port: number,
  pg: { host: string; port: number },
) {
  return spawn(
    process.execPath,
    [path.join(__dirname, 'lib/ceiling-server.js')],
    {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        ...process.env,
        CEILING_MODE: mode,
        CEILING_PORT: String(port),
        CEILING_PG_HOST: pg.host,
        CEILING_PG_PORT: String(pg.port),
        CEILING_PG_DATABASE: `${PREFIX}ceiling`,
      },
    },
  );
}

async function waitFor(url: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { method: 'HEAD' });
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`${url} did not answer`);
}

async function main(run: BenchRun) {
  ensureBundle();
  const { dir, check } = run;
  const replicas: Replica[] = [];
  const child = (process: ChildProcess) => {
    run.defer(() => process.kill('SIGTERM'));
    return process;
  };
  printUptime();
  const cluster = await run.startCluster(PG_PORT, {
    max_connections: 400,
    shared_buffers: '512MB',
  });
  const pgVersion = execSync(`/usr/lib/postgresql/15/bin/postgres --version`)
    .toString()
    .trim();
  console.log(
    `Postgres: ${pgVersion}, throwaway cluster on port ${PG_PORT} (max_connections 400, shared_buffers 512MB), replicas and ceilings connect through its ${
      PG_TRANSPORT === 'tcp' ? 'TCP port on loopback' : 'Unix socket'
    }`,
  );

  // BENCH_PERMISSIONS_IN_PROCESS=0: every permission check asks the permission
  // backend over HTTP; BENCH_USER_TOKEN_CACHE_SECONDS=0: every request's token
  // is verified.
  const inProcess = process.env.BENCH_PERMISSIONS_IN_PROCESS;
  const tokenCache = process.env.BENCH_USER_TOKEN_CACHE_SECONDS;
  const auth = new BenchAuth(
    dir,
    'nps:\n  release:\n    frequencySeconds: 15\n' +
      (inProcess || tokenCache ? 'paved:\n' : '') +
      (inProcess
        ? `  permissions:\n    evaluateInProcess: ${inProcess !== '0'}\n`
        : '') +
      (tokenCache
        ? `  auth:\n    userTokenCacheSeconds: ${Number(tokenCache)}\n`
        : ''),
  );
  child(await startOidcProvider(OIDC_PORT, `http://localhost:${PORTS[0]}`));
  // The first replica creates the databases and runs the migrations; then the second.
  for (const [i, port] of PORTS.entries()) {
    const replica = Replica.start({
      name: `replica-${i + 1}`,
      port,
      dir,
      auth,
      postgres:
        PG_TRANSPORT === 'tcp' ? cluster.connection : cluster.socketConnection,
      databasePrefix: PREFIX,
      oidcPort: OIDC_PORT,
    });
    replicas.push(replica);
    run.defer(() => replica.stop());
    const t0 = Date.now();
    await replica.ready();
    console.log(
      `${replica.name} ready on :${port} in ${(
        (Date.now() - t0) /
        1000
      ).toFixed(1)} s`,
    );
  }
  const urls = replicas.map(r => r.url);
  // CPU per request of the replicas, their Postgres and the load generator.
  const serving = new ServingCpu({
    replicas: () => replicas.map(r => r.pid),
    postgres: () => cluster.postmasterPid,
  });
  const knex = (plugin: string) => {
    const db = knexFactory({
      client: 'pg',
      connection: { ...cluster.connection, database: `${PREFIX}${plugin}` },
      pool: { min: 0, max: 4 },
    });
    run.defer(() => db.destroy());
    return db;
  };
  const nps = knex('nps');
  const roadmap = knex('roadmap');
  const metrics = knex('platform-metrics');

  console.log(`Tokens: signing ${USERS + INVALID} user tokens…`);
  const pm = await auth.userToken(PM, [PLATFORM]);
  const tokens: string[] = [];
  await BenchAuth.recordSignIns(knex('auth'), [
    { userRef: PM, groups: [PLATFORM] },
    ...Array.from({ length: USERS + INVALID }, (_, i) => ({
      userRef: userRef(i),
      groups: [teamOf(i)],
    })),
  ]);
  for (let i = 0; i < USERS + INVALID; i++)
    tokens.push(await auth.userToken(userRef(i), [teamOf(i)]));

  console.log(
    `Storing ${STORED_ANSWERS.toLocaleString(
      'en-US',
    )} answers in 8 past campaigns…`,
  );
  let t0 = Date.now();
  const history = await storeAnswers(nps);
  console.log(`  stored in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // The quarterly schedule opens the current quarter's campaign on start (within
  // about 15 s): the bench answers that one, as developers would.
  let campaign: { id: string; title: string } | undefined;
  for (let wait = 0; !campaign && wait < 120; wait++) {
    const { items: all } = await api(`${urls[0]}/api/nps/campaigns`, pm, 'GET');
    campaign = all.find((c: any) => c.status === 'open');
    if (!campaign) await sleep(1000);
  }
  if (!campaign)
    throw new Error(
      'no open campaign: the quarterly schedule did not open one',
    );
  console.log(`Answering "${campaign.title}" (${campaign.id})`);
  // What the replicas cost with no request at all (scheduled jobs, the
  // catalog's processing loop): part of every per-request figure below.
  serving.start();
  await sleep(10_000);
  console.log(
    `CPU with no requests (10 s): ${serving.perSecond(10)} (${
      availableParallelism() * 1000
    } ms/s is the whole machine)`,
  );
  const items: string[] = [];
  for (let i = 0; i < 3; i++) {
    const item = await api(`${urls[i % 2]}/api/roadmap/items`, pm, 'POST', {
      title: `Bench item ${i + 1}`,
      summary: 'Created by the load bench.',
      category: 'developer-portal',
      owner: PLATFORM,
      horizon: 'now',
      status: 'building',
    });
    items.push(item.id);
  }

  // --- 1. NPS submits + concurrent votes ---------------------------------------
  type Submit = {
    user: number;
    score: number;
    kind: 'valid' | 'duplicate' | 'invalid';
  };
  const queues: Submit[][] = [[], []];
  const valid = shuffle(Array.from({ length: USERS }, (_, i) => i));
  valid.forEach((user, i) =>
    queues[i % 2].push({ user, score: user % 11, kind: 'valid' }),
  );
  // The same user again, on the other replica, at the same position: a real race.
  for (let d = 0; d < DUPLICATES; d++) {
    const pos = Math.floor((d * queues[0].length) / DUPLICATES);
    const from = d % 2;
    const original = queues[from][pos];
    queues[1 - from].splice(pos, 0, {
      user: original.user,
      score: 10,
      kind: 'duplicate',
    });
  }
  for (let v = 0; v < INVALID; v++) {
    const q = queues[v % 2];
    q.splice(Math.floor((v * q.length) / INVALID), 0, {
      user: USERS + v,
      score: 11,
      kind: 'invalid',
    });
  }
  const outcomes = new Map<string, number[]>();
  const record = (key: string, status: number) => {
    const list = outcomes.get(key) ?? [];
    list.push(status);
    outcomes.set(key, list);
  };
  const cursor = [0, 0];
  const submitPath = `/api/nps/campaigns/${campaign.id}/answers`;

  const voteQueues: number[][] = [[], []];
  for (const voter of shuffle(
    Array.from({ length: VOTERS }, (_, i) => i),
    7,
  )) {
    voteQueues[0].push(voter);
    voteQueues[1].push(voter);
  }
  const voteCursor = [0, 0];
  const votes: Record<string, number> = {};

  console.log(
    `\n1. NPS submits at ${SUBMIT_RATE} req/s from ${USERS.toLocaleString(
      'en-US',
    )} users (+${DUPLICATES} duplicates on the other replica, +${INVALID} invalid), with ${VOTERS} users voting on both replicas at once`,
  );
  const submitCount = queues[0].length + queues[1].length;
  const submitSeconds = submitCount / SUBMIT_RATE;
  const releasedBefore = Number(
    (
      await nps('nps_responses')
        .where({ campaign_id: campaign.id })
        .count({ n: '*' })
    )[0].n,
  );
  serving.start();
  const [submits, voting] = await Promise.all([
    drive({
      label: 'POST /nps/campaigns/:id/answers',
      targets: urls,
      method: 'POST',
      path: submitPath,
      connections: 20,
      rate: SUBMIT_RATE,
      amount: submitCount,
      setupRequest: t => (req, ctx) => {
        const s = queues[t][cursor[t]++];
        if (!s) return req;
        ctx.submit = s;
        return {
          ...req,
          headers: {
            ...req.headers,
            authorization: `Bearer ${tokens[s.user]}`,
          },
          body: JSON.stringify({
            score: s.score,
            comment: s.user % 3 === 0 ? 'Faster CI, please' : undefined,
          }),
        };
      },
      onResponse: () => (status, _body, ctx) => {
        const s: Submit | undefined = ctx.submit;
        if (s) record(`${s.kind}:${s.user}`, status);
      },
    }),
    drive({
      label: 'PUT /roadmap/items/:id/vote',
      targets: urls,
      method: 'PUT',
      path: `/api/roadmap/items/${items[0]}/vote`,
      connections: 10,
      rate: (2 * VOTERS) / submitSeconds,
      amount: 2 * VOTERS,
      body: JSON.stringify({ on: true }),
      setupRequest: t => req => {
        const voter = voteQueues[t][voteCursor[t]++];
        if (voter === undefined) return req;
        return {
          ...req,
          path: `/api/roadmap/items/${items[voter % items.length]}/vote`,
          headers: {
            ...req.headers,
            authorization: `Bearer ${tokens[voter]}`,
          },
        };
      },
      onResponse: () => status => {
        votes[status] = (votes[status] ?? 0) + 1;
      },
    }),
  ]);
  const releasedDuring =
    Number(
      (
        await nps('nps_responses')
          .where({ campaign_id: campaign.id })
          .count({ n: '*' })
      )[0].n,
    ) - releasedBefore;
  console.log(formatStats(submits));
  console.log(formatStats(voting));
  console.log(
    `  submits and votes together: ${serving.per(
      submits.requests + voting.requests,
    )}`,
  );
  console.log(
    `  answers the release job published during the load: ${releasedDuring}`,
  );

  // --- 2. Deployment batches -------------------------------------------------------
  const deploymentBatch = (b: number) =>
    JSON.stringify(
      Array.from({ length: BATCH_SIZE }, (_, i) => {
        const n = b * BATCH_SIZE + i;
        const finished = Date.UTC(2026, 9, 1) + n * 60_000;
        return {
          source: 'bench-ci',
          externalId: `run-${n}`,
          service: `component:default/bench-service-${n % 200}`,
          environment: n % 10 === 0 ? 'staging' : 'production',
          status:
            n % 33 === 0 ? 'failed' : n % 25 === 0 ? 'rolled_back' : 'success',
          startedAt: new Date(finished - 300_000).toISOString(),
          finishedAt: new Date(finished).toISOString(),
          commits: [
            {
              sha: n.toString(16).padStart(8, '0'),
              committedAt: new Date(
                finished - 3_600_000 * (1 + (n % 48)),
              ).toISOString(),
            },
          ],
        };
      }),
    );
  console.log(
    `\n2. Deployment batches: ${DEPLOYMENT_BATCHES} × ${BATCH_SIZE} events across both replicas, then ${RESENT} batches re-sent`,
  );
  const bodies = Array.from({ length: DEPLOYMENT_BATCHES }, (_, b) =>
    deploymentBatch(b),
  );
  const batchCursor = [0, 0];
  let stored = 0;
  let changedOnResend = 0;
  serving.start();
  const ingest = await drive({
    label: `POST /platform-metrics/deployments (${BATCH_SIZE})`,
    targets: urls,
    method: 'POST',
    path: '/api/platform-metrics/deployments',
    headers: { authorization: `Bearer ${auth.ciToken}` },
    connections: 2,
    amount: DEPLOYMENT_BATCHES,
    timeoutSeconds: 120,
    setupRequest: t => req => {
      const b = batchCursor[t]++ * 2 + t;
      return { ...req, body: bodies[b] ?? bodies[0] };
    },
    onResponse: () => (status, body) => {
      if (status === 200) stored += JSON.parse(body).stored;
    },
  });
  console.log(formatStats(ingest));
  console.log(`  ${serving.per(ingest.requests * BATCH_SIZE, 'event')}`);
  const eventsPerSecond = (ingest.requests * BATCH_SIZE) / ingest.seconds;
  console.log(
    `  ${eventsPerSecond.toFixed(0)} events/s accepted (${stored} stored)`,
  );
  for (let b = 0; b < RESENT; b++) {
    const res = await api(
      `${urls[b % 2]}/api/platform-metrics/deployments`,
      auth.ciToken,
      'POST',
      JSON.parse(bodies[b]),
    );
    changedOnResend += res.stored;
  }

  // --- 3. Reads ----------------------------------------------------------------------
  console.log(
    `\n3. Reads at 100 req/s across both replicas (10 s each), ${STORED_ANSWERS.toLocaleString(
      'en-US',
    )} answers stored`,
  );
  const dev = tokens[1];
  const reads: Array<[string, string]> = [
    [
      'GET /nps/campaigns/:id/results (125k answers)',
      `/api/nps/campaigns/${history[history.length - 1]}/results`,
    ],
    [
      'GET /nps/campaigns/:id/results (live)',
      `/api/nps/campaigns/${campaign.id}/results`,
    ],
    ['GET /nps/trend', '/api/nps/trend'],
    ['GET /platform-metrics/dora', '/api/platform-metrics/dora'],
    ['GET /roadmap/items', '/api/roadmap/items'],
    ['GET /golden-paths/paths', '/api/golden-paths/paths'],
    // The health page's OKRs: readings from NPS, golden paths and delivery.
    ['GET /platform-health/okrs', '/api/platform-health/okrs'],
  ];
  const readStats: LoadStats[] = [];
  for (const [label, p] of reads) {
    serving.start();
    const stats = await drive({
      label,
      targets: urls,
      path: p,
      headers: { authorization: `Bearer ${dev}` },
      connections: 10,
      rate: 100,
      duration: 10,
    });
    readStats.push(stats);
    console.log(formatStats(stats));
    console.log(`    ${serving.per(stats.requests)}`);
  }

  // --- 4. Ceilings and saturation ------------------------------------------------------
  console.log(
    '\n4. As fast as they answer (10 connections per process, 10 s), and the ceilings',
  );
  const admin = knexFactory({
    client: 'pg',
    connection: { ...cluster.connection, database: 'postgres' },
  });
  await admin.raw(`CREATE DATABASE ${PREFIX}ceiling`);
  await admin.destroy();
  const ceilingDb = knex('ceiling');
  await ceilingDb.raw(
    'CREATE TABLE ceiling_answers (id uuid PRIMARY KEY, user_ref text NOT NULL UNIQUE, score int NOT NULL)',
  );
  // The ceilings reach Postgres the way the replicas do.
  const ceilingPg =
    PG_TRANSPORT === 'tcp' ? cluster.connection : cluster.socketConnection;
  for (const port of CEILING_PORTS.hello)
    child(startCeiling('hello', port, ceilingPg));
  for (const port of CEILING_PORTS.insert)
    child(startCeiling('insert', port, ceilingPg));
  for (const port of [...CEILING_PORTS.hello, ...CEILING_PORTS.insert])
    await waitFor(`http://127.0.0.1:${port}/`);
  const ceilingUrls = (ports: number[]) =>
    ports.map(p => `http://127.0.0.1:${p}`);
  let insertUser = 0;
  const insertSetup = () => (req: any) => ({
    ...req,
    body: JSON.stringify({
      user: `user:default/c-${insertUser++}`,
      score: 7,
    }),
  });
  const saturation = [
    await drive({
      label: 'ceiling: Express hello-world',
      targets: ceilingUrls(CEILING_PORTS.hello),
      path: '/hello',
      connections: 10,
      duration: 10,
    }),
    await drive({
      label: 'ceiling: Express + pg insert',
      targets: ceilingUrls(CEILING_PORTS.insert),
      method: 'POST',
      path: '/answers',
      connections: 10,
      duration: 10,
      setupRequest: insertSetup,
    }),
    await drive({
      label: 'GET /nps/trend',
      targets: urls,
      path: '/api/nps/trend',
      headers: { authorization: `Bearer ${dev}` },
      connections: 10,
      duration: 10,
    }),
    await drive({
      label: 'GET /roadmap/items',
      targets: urls,
      path: '/api/roadmap/items',
      headers: { authorization: `Bearer ${dev}` },
      connections: 10,
      duration: 10,
    }),
  ];
  saturation.forEach(s => console.log(formatStats(s)));
  const insertAtRate = await drive({
    label: `ceiling: Express + pg insert at ${SUBMIT_RATE}/s`,
    targets: ceilingUrls(CEILING_PORTS.insert),
    method: 'POST',
    path: '/answers',
    connections: 20,
    rate: SUBMIT_RATE,
    duration: 15,
    setupRequest: insertSetup,
  });
  console.log(formatStats(insertAtRate));
  const [hello, insert, trendMax, roadmapMax] = saturation;
  console.log(
    `  ratios: GET /nps/trend ${(
      (trendMax.perSecond / hello.perSecond) *
      100
    ).toFixed(1)}% of hello-world's throughput; GET /roadmap/items ${(
      (roadmapMax.perSecond / hello.perSecond) *
      100
    ).toFixed(1)}%`,
  );
  console.log(
    `          Express + pg insert as fast as it goes: ${insert.perSecond.toFixed(
      0,
    )} req/s (Paved's submit is driven at ${SUBMIT_RATE} req/s, the target)`,
  );
  console.log(
    `          NPS submit p99 at ${SUBMIT_RATE}/s ${(
      submits.p99 / insertAtRate.p99
    ).toFixed(
      1,
    )}x the plain pg insert's p99 at the same rate (${submits.p99.toFixed(
      1,
    )} vs ${insertAtRate.p99.toFixed(1)} ms)`,
  );

  // --- Close, release, check ------------------------------------------------------------
  await api(`${urls[1]}/api/nps/campaigns/${campaign.id}/close`, pm, 'POST');
  console.log('\nChecks (database, after closing the campaign):');
  const accepted = [...outcomes.entries()]
    .filter(([, s]) => s.includes(201))
    .map(([k]) => Number(k.split(':')[1]));
  const acceptedUsers = new Set(accepted);
  const unknown = [...outcomes.values()]
    .flat()
    .filter(s => ![201, 400, 409].includes(s)).length;
  const { participations, answeredUsers, published, pending, counted } =
    await npsStoredState(nps, campaign.id);
  const results = await api(
    `${urls[0]}/api/nps/campaigns/${campaign.id}/results`,
    pm,
    'GET',
  );
  check(
    unknown === 0,
    `every submit answered 201, 400 or 409 (${unknown} other outcomes)`,
  );
  check(
    accepted.length === acceptedUsers.size,
    `one 201 per user (${accepted.length} accepted, ${acceptedUsers.size} users)`,
  );
  check(
    acceptedUsers.size === USERS,
    `every one of the ${USERS} distinct users accepted once (${acceptedUsers.size})`,
  );
  const dupOutcomes = [...outcomes.entries()].filter(
    ([k]) => k.startsWith('duplicate:') || k.startsWith('valid:'),
  );
  const perUser = new Map<number, number[]>();
  for (const [k, s] of dupOutcomes)
    perUser.set(Number(k.split(':')[1]), [
      ...(perUser.get(Number(k.split(':')[1])) ?? []),
      ...s,
    ]);
  const raced = [...perUser.values()].filter(s => s.length > 1);
  check(
    raced.every(
      s =>
        s.filter(x => x === 201).length === 1 &&
        s.filter(x => x === 409).length === s.length - 1,
    ),
    `each of the ${raced.length} users who answered twice at once on both replicas: one 201, one 409`,
  );
  check(
    answeredUsers.size === participations &&
      participations === acceptedUsers.size &&
      [...acceptedUsers].every(u => answeredUsers.has(userRef(u))),
    `one participation per accepted submit (${participations})`,
  );
  const invalidUsers = Array.from({ length: INVALID }, (_, v) =>
    userRef(USERS + v),
  );
  const [{ n: invalidParts }] = await nps('nps_participations')
    .where({ campaign_id: campaign.id })
    .whereIn('user_ref', invalidUsers)
    .count({ n: '*' });
  check(
    Number(invalidParts) === 0 &&
      [...outcomes.entries()]
        .filter(([k]) => k.startsWith('invalid:'))
        .every(([, s]) => s.every(x => x === 400)),
    `refused (invalid) submits: 400, no participation (${invalidParts})`,
  );
  check(
    published + pending === acceptedUsers.size,
    `one answer per accepted submit (${published + pending})`,
  );
  check(
    pending === 0 && published === acceptedUsers.size,
    `every answer released (published ${published}, waiting ${pending})`,
  );
  check(
    counted === acceptedUsers.size &&
      results.participation.respondents === acceptedUsers.size,
    `released exactly once: counts ${counted}, results say ${results.participation.respondents}`,
  );
  const [{ n: voteRows }] = await roadmap('roadmap_votes')
    .whereIn('item_id', items)
    .count({ n: '*' });
  const [{ n: votePairs }] = await roadmap('roadmap_votes')
    .whereIn('item_id', items)
    .countDistinct({ n: roadmap.raw("item_id || '/' || user_ref") });
  check(
    Number(voteRows) === VOTERS &&
      Number(votePairs) === VOTERS &&
      votes[200] === 2 * VOTERS,
    `no duplicate votes: ${voteRows} rows for ${VOTERS} voters who each voted on both replicas (${JSON.stringify(
      votes,
    )})`,
  );
  const [{ n: deployRows }] = await metrics('metrics_deployments')
    .where({ source: 'bench-ci' })
    .count({ n: '*' });
  const [{ n: deployKeys }] = await metrics('metrics_deployments')
    .where({ source: 'bench-ci' })
    .countDistinct({ n: 'external_id' });
  check(
    ingest.statuses[200] === DEPLOYMENT_BATCHES &&
      Number(deployRows) === DEPLOYMENT_BATCHES * BATCH_SIZE &&
      Number(deployKeys) === Number(deployRows) &&
      stored === Number(deployRows),
    `every accepted deployment stored once (${deployRows} rows, ${stored} reported stored)`,
  );
  check(
    changedOnResend === 0,
    `re-sent batches stored nothing (${changedOnResend})`,
  );

  const byLabel = (label: string) =>
    readStats.find(s => s.label.startsWith(label))!;
  const worstRead = Math.max(
    byLabel('GET /nps/campaigns/:id/results (125k').p99,
    byLabel('GET /nps/trend').p99,
  );
  console.log('\nTargets (2 cores):');
  const target = (ok: boolean, what: string) =>
    console.log(`  ${ok ? 'met    ' : 'NOT met'} ${what}`);
  target(
    submits.p99 < 100 && submits.perSecond >= SUBMIT_RATE * 0.95,
    `NPS submit p99 < 100 ms at ${SUBMIT_RATE} req/s: p99 ${submits.p99.toFixed(
      1,
    )} ms at ${submits.perSecond.toFixed(0)} req/s`,
  );
  target(
    worstRead < 50,
    `results and trend p99 < 50 ms with ${STORED_ANSWERS.toLocaleString(
      'en-US',
    )} answers: worst p99 ${worstRead.toFixed(1)} ms`,
  );
  target(
    eventsPerSecond >= 20_000,
    `deployment ingest ≥ 20,000 events/s: ${eventsPerSecond.toFixed(
      0,
    )} events/s`,
  );
  const conns = await knex('ceiling').raw(
    'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname LIKE ?',
    [`${PREFIX}%`],
  );
  console.log(
    `\nPostgres connections open at the end (both replicas, all plugins): ${conns.rows[0].n}`,
  );
  printUptime();
}

runBench('replicas', main);
