/*
 * Faults bench: what two production replicas do when things break, on a
 * throwaway Postgres 15 cluster of its own (never the shared server).
 *
 *   A. Postgres stopped for a few seconds mid-load, then started again: requests
 *      during the outage fail fast with 503 + Retry-After (no hang, no 500, no
 *      stack); both replicas recover by themselves; no accepted answer lost or
 *      half-written; the release job runs again by itself (within its timeout).
 *   B. Pool exhaustion: more concurrent requests than the plugin's pool holds,
 *      every connection stuck behind a lock: the surplus gets 503 + Retry-After
 *      after the acquire timeout, not a crash, and the replica serves afterwards.
 *   C. A replica SIGKILLed while it runs the global release task (made to wait on
 *      a lock, so the kill lands mid-run): the other replica keeps serving; the
 *      task left "running" is picked up by the other replica once its timeout
 *      (5 minutes) has passed; every scheduled job runs at most once per period.
 *
 * C runs first: a job claimed when Postgres goes away in A stays claimed until its
 * timeout (see A), which would keep C waiting. It exits non-zero when a check fails.
 *
 *   ./paved yarn bench:faults          (about 10 minutes; builds the bundle if missing)
 */
/* eslint-disable no-console */
import { execSync } from 'node:child_process';
import knexFactory, { Knex } from 'knex';
import {
  BenchAuth,
  Replica,
  ensureBundle,
  sleep,
  startOidcProvider,
} from './lib/backend';
import { BenchRun, npsStoredState, printUptime, runBench } from './lib/run';
import { percentile } from './lib/load';

const PG_PORT = Number(process.env.BENCH_FAULTS_PG_PORT ?? 55433);
const PORTS = [7301, 7302];
const OIDC_PORT = 7351;
const PREFIX = 'paved_faults_';
const TEAMS = 10;
const USERS = 20_000;
const RATE = Number(process.env.BENCH_FAULTS_RATE ?? 40);
const RELEASE_SECONDS = 10;
const PM = 'user:default/priya.raman';
const PLATFORM = 'group:default/platform-team';
const PAVED_PLUGINS = [
  'nps',
  'roadmap',
  'golden-paths',
  'platform-metrics',
  'research',
];

const userRef = (i: number) =>
  `user:default/fault-${String(i).padStart(5, '0')}`;
const teamOf = (i: number) => `group:default/fault-team-${i % TEAMS}`;

// What the load sends: NPS submits and reads, and one read of every other
// Paved plugin, so that an outage is seen by each plugin's routes.
const PATHS = {
  submit: (campaign: string) => `/api/nps/campaigns/${campaign}/answers`,
  trend: () => '/api/nps/trend',
  results: (campaign: string) => `/api/nps/campaigns/${campaign}/results`,
  dora: () => '/api/platform-metrics/dora',
  roadmap: () => '/api/roadmap/items',
  paths: () => '/api/golden-paths/paths',
  okrs: () => '/api/platform-health/okrs',
  notices: () => '/api/research/notices',
};
type Kind = keyof typeof PATHS;
const MIX: Kind[] = [
  'submit',
  'trend',
  'submit',
  'results',
  'submit',
  'dora',
  'submit',
  'roadmap',
  'submit',
  'paths',
  'submit',
  'okrs',
  'submit',
  'notices',
];

/** One response as the load generator saw it. */
interface Outcome {
  at: number;
  replica: number;
  kind: Kind;
  user?: number;
  status: number; // 0: no HTTP answer (connection refused, reset, timeout)
  ms: number;
  retryAfter: string | null;
  body: string;
}

/** Steady load on the replicas that are up: submits from fresh users and reads. */
class LoadGenerator {
  readonly outcomes: Outcome[] = [];
  private next = 0;
  private timer?: NodeJS.Timeout;
  private inflight = new Set<Promise<void>>();
  skip = new Set<number>();

  constructor(
    private readonly urls: string[],
    private readonly tokens: string[],
    private readonly campaignId: string,
  ) {}

  start(rate: number) {
    let i = 0;
    this.timer = setInterval(() => {
      // Each kind goes to every replica in turn.
      const replica = i % this.urls.length;
      const kind = MIX[Math.floor(i / this.urls.length) % MIX.length];
      i++;
      if (this.skip.has(replica)) return;
      const p = this.fire(replica, kind).finally(() => this.inflight.delete(p));
      this.inflight.add(p);
    }, 1000 / rate);
  }

  async stop() {
    clearInterval(this.timer);
    await Promise.all(this.inflight);
  }

  async fire(replica: number, kind: Outcome['kind'], user?: number) {
    const u = kind === 'submit' ? user ?? this.next++ : 1;
    const url = `${this.urls[replica]}${PATHS[kind](this.campaignId)}`;
    const at = Date.now();
    try {
      const res = await fetch(url, {
        method: kind === 'submit' ? 'POST' : 'GET',
        headers: {
          authorization: `Bearer ${this.tokens[u]}`,
          'content-type': 'application/json',
        },
        body: kind === 'submit' ? JSON.stringify({ score: u % 11 }) : undefined,
        signal: AbortSignal.timeout(60_000),
      });
      const body = await res.text();
      this.outcomes.push({
        at,
        replica,
        kind,
        user: kind === 'submit' ? u : undefined,
        status: res.status,
        ms: Date.now() - at,
        retryAfter: res.headers.get('retry-after'),
        body: body.slice(0, 2000),
      });
    } catch (error) {
      this.outcomes.push({
        at,
        replica,
        kind,
        user: kind === 'submit' ? u : undefined,
        status: 0,
        ms: Date.now() - at,
        retryAfter: null,
        body: String(error),
      });
    }
  }
}

/** Every scheduled task's runs, sampled from each Paved plugin's task table. */
class TaskWatcher {
  readonly runs = new Map<string, number[]>(); // task -> run end times (ms)
  readonly starts = new Map<string, number[]>(); // task -> run start times (ms), sampled
  private lastStart = new Map<string, number>();
  readonly frequencies = new Map<string, number>(); // task -> seconds
  private last = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private busy = false;

  constructor(private readonly dbs: Map<string, Knex>) {}

  start() {
    this.timer = setInterval(() => this.sample(), 250);
  }

  stop() {
    clearInterval(this.timer);
  }

  private async sample() {
    if (this.busy) return;
    this.busy = true;
    try {
      for (const [plugin, db] of this.dbs) {
        const rows = await db('backstage_backend_tasks__tasks').select(
          'id',
          'settings_json',
          'last_run_ended_at',
          'current_run_started_at',
        );
        for (const row of rows) {
          const id = `${plugin}/${row.id}`;
          const cadence = JSON.parse(row.settings_json).cadence as string;
          const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(
            cadence,
          );
          if (m) {
            this.frequencies.set(
              id,
              Number(m[1] ?? 0) * 3600 +
                Number(m[2] ?? 0) * 60 +
                Number(m[3] ?? 0),
            );
          }
          const ended = row.last_run_ended_at
            ? new Date(row.last_run_ended_at).getTime()
            : undefined;
          const started = row.current_run_started_at
            ? new Date(row.current_run_started_at).getTime()
            : undefined;
          if (started && started !== this.lastStart.get(id)) {
            this.lastStart.set(id, started);
            this.starts.set(id, [...(this.starts.get(id) ?? []), started]);
          }
          if (ended && ended !== this.last.get(id)) {
            this.last.set(id, ended);
            this.runs.set(id, [...(this.runs.get(id) ?? []), ended]);
          }
        }
      }
    } catch {
      // Postgres is away (scenario A): the next sample reads again
    } finally {
      this.busy = false;
    }
  }
}

/** The replica whose Postgres connection (client port) runs a query waiting on a lock. */
function replicaOfClientPort(port: number, replicas: Replica[]) {
  // Both ends of the connection are listed (the replica's and the Postgres
  // backend's): keep the one whose process is a replica.
  const pids = execSync('ss -tnpH')
    .toString()
    .split('\n')
    .filter(l => l.includes(`127.0.0.1:${port} `))
    .flatMap(l => [...l.matchAll(/pid=(\d+)/g)].map(m => Number(m[1])));
  return replicas.find(r => pids.includes(r.pid));
}

async function main(run: BenchRun) {
  ensureBundle();
  const { dir, check } = run;
  const replicas: Replica[] = [];
  const dbs = new Map<string, Knex>();
  printUptime();
  const cluster = await run.startCluster(PG_PORT, { max_connections: 300 });
  const auth = new BenchAuth(
    dir,
    `nps:
  release:
    frequencySeconds: ${RELEASE_SECONDS}
goldenPaths:
  scan:
    frequencySeconds: 15
  runs:
    frequencySeconds: 15
`,
  );
  const oidc = await startOidcProvider(
    OIDC_PORT,
    `http://localhost:${PORTS[0]}`,
  );
  run.defer(() => oidc.kill());
  const startReplica = async (i: number) => {
    const replica = Replica.start({
      name: `replica-${i + 1}`,
      port: PORTS[i],
      dir,
      auth,
      postgres: cluster.connection,
      databasePrefix: PREFIX,
      oidcPort: OIDC_PORT,
    });
    replicas[i] = replica;
    run.defer(() => replica.stop());
    await replica.ready();
    return replica;
  };
  await startReplica(0);
  await startReplica(1);
  const urls = replicas.map(r => r.url);
  console.log(`two replicas ready on ${PORTS.join(', ')}`);
  const db = (plugin: string) => {
    const knex = knexFactory({
      client: 'pg',
      connection: { ...cluster.connection, database: `${PREFIX}${plugin}` },
      pool: { min: 0, max: 3 },
      // The bench's own reads fail while Postgres is down (scenario A): no noise.
      log: { warn() {}, error() {}, debug() {}, deprecate() {} },
    });
    run.defer(() => knex.destroy());
    return knex;
  };
  for (const plugin of PAVED_PLUGINS) dbs.set(plugin, db(plugin));
  const nps = dbs.get('nps')!;
  const authDb = db('auth');
  await BenchAuth.recordSignIns(authDb, [
    { userRef: PM, groups: [PLATFORM] },
    ...Array.from({ length: USERS }, (_, i) => ({
      userRef: userRef(i),
      groups: [teamOf(i)],
    })),
  ]);
  await authDb.destroy();
  const tokens: string[] = [];
  for (let i = 0; i < USERS; i++) {
    tokens.push(await auth.userToken(userRef(i), [teamOf(i)]));
  }
  const pm = await auth.userToken(PM, [PLATFORM]);
  let campaign: { id: string } | undefined;
  for (let wait = 0; !campaign && wait < 120; wait++) {
    const res = await fetch(`${urls[0]}/api/nps/campaigns`, {
      headers: { authorization: `Bearer ${pm}` },
    });
    campaign = ((await res.json()).items ?? []).find(
      (c: any) => c.status === 'open',
    );
    if (!campaign) await sleep(1000);
  }
  if (!campaign) throw new Error('no open campaign');

  const watcher = new TaskWatcher(dbs);
  watcher.start();
  const load = new LoadGenerator(urls, tokens, campaign.id);
  const counts = async () =>
    Number(
      (
        await nps('nps_counts')
          .where({ campaign_id: campaign!.id })
          .sum({ n: 'n' })
      )[0].n ?? 0,
    );

  // --- C. A replica SIGKILLed mid-task -------------------------------------------------
  console.log(
    '\nC. SIGKILL the replica running the global release task (held mid-run by a lock), under load',
  );
  const load2 = new LoadGenerator(urls, tokens, campaign.id);
  (load2 as any).next = 10_000;
  load2.start(RATE);
  // Enough waiting answers per team that the next release run writes the counts.
  await sleep(15_000);
  const share = await nps.transaction();
  await share.raw('LOCK TABLE nps_counts IN SHARE MODE');
  let victim: Replica | undefined;
  let waitingPid: number | undefined;
  for (let t = 0; !victim && t < (3 * RELEASE_SECONDS + 30) * 4; t++) {
    // Not through `share`: in a transaction, pg_stat_activity is a snapshot.
    const { rows } = await nps.raw(
      `SELECT pid, client_port FROM pg_stat_activity
         WHERE datname = ? AND wait_event_type = 'Lock' AND query ILIKE 'insert into "nps_counts"%'`,
      [`${PREFIX}nps`],
    );
    if (t % 40 === 39) {
      const waiting = await nps.raw(
        `SELECT pid, wait_event_type, state, left(query, 90) AS query FROM pg_stat_activity
           WHERE datname = ? AND pid <> pg_backend_pid() AND state <> 'idle'`,
        [`${PREFIX}nps`],
      );
      const [task] = await nps('backstage_backend_tasks__tasks')
        .where({ id: 'nps-release-answers' })
        .select(
          'current_run_started_at',
          'next_run_start_at',
          'last_run_ended_at',
          'last_run_error_json',
        );
      console.log(
        `  still waiting; task ${JSON.stringify(task)}; busy: ${JSON.stringify(
          waiting.rows,
        )}`,
      );
    }
    if (rows.length) {
      waitingPid = rows[0].pid;
      victim = replicaOfClientPort(rows[0].client_port, replicas);
    } else await sleep(250);
  }
  if (!victim) {
    await share.rollback();
    throw new Error('the release task never waited on the lock');
  }
  const survivorIndex = replicas.indexOf(victim) === 0 ? 1 : 0;
  const [taskBefore] = await nps('backstage_backend_tasks__tasks')
    .where({ id: 'nps-release-answers' })
    .select('current_run_ticket', 'current_run_expires_at');
  const killedAt = Date.now();
  await victim.kill();
  load2.skip.add(replicas.indexOf(victim)); // the load balancer's readiness check
  console.log(
    `  ${victim.name} (pid ${
      victim.pid
    }) was running it (Postgres backend ${waitingPid}); killed; task ticket ${
      taskBefore.current_run_ticket
    }, expires ${new Date(taskBefore.current_run_expires_at).toISOString()}`,
  );
  await share.rollback();
  // The task left running on the dead replica stays claimed until its timeout;
  // meanwhile an orchestrator restarts the dead replica (after 20 s).
  const expires = new Date(taskBefore.current_run_expires_at).getTime();
  const victimIndex = replicas.indexOf(victim);
  const restart = sleep(20_000).then(async () => {
    await startReplica(victimIndex);
    load2.skip.delete(victimIndex);
  });
  let pickedUp: any;
  while (!pickedUp && Date.now() < expires + 3 * 60_000) {
    const [row] = await nps('backstage_backend_tasks__tasks')
      .where({ id: 'nps-release-answers' })
      .select(
        'current_run_ticket',
        'current_run_started_at',
        'last_run_ended_at',
        'last_run_error_json',
      );
    if (row.current_run_ticket !== taskBefore.current_run_ticket) {
      pickedUp = { ...row, seenAt: Date.now() };
    } else await sleep(500);
  }
  await restart;
  const pickedUpAt: number | undefined = pickedUp?.seenAt;
  // Then a live replica claims it and runs it to the end.
  let ranAgainAt: number | undefined;
  const clearedEnd = pickedUp?.last_run_ended_at
    ? new Date(pickedUp.last_run_ended_at).getTime()
    : 0;
  while (pickedUp && !ranAgainAt && Date.now() < (pickedUpAt ?? 0) + 90_000) {
    const [row] = await nps('backstage_backend_tasks__tasks')
      .where({ id: 'nps-release-answers' })
      .select('last_run_ended_at', 'last_run_error_json');
    const ended = row.last_run_ended_at
      ? new Date(row.last_run_ended_at).getTime()
      : 0;
    if (ended > clearedEnd && !row.last_run_error_json) ranAgainAt = ended;
    else await sleep(500);
  }
  if (pickedUp) {
    console.log(
      `  the task's claim changed ${(
        (pickedUp.seenAt - killedAt) /
        1000
      ).toFixed(0)} s after the kill: ticket ${
        pickedUp.current_run_ticket
      }, last run ended ${pickedUp.last_run_ended_at?.toISOString?.()}, error ${
        pickedUp.last_run_error_json ?? 'none'
      }`,
    );
  }
  await load2.stop();
  const survivor = load2.outcomes.filter(
    o =>
      o.replica === survivorIndex &&
      o.at > killedAt &&
      o.at < killedAt + 20_000,
  );
  const survivorBad = survivor.filter(o => o.status === 0 || o.status >= 500);
  check(
    survivor.length > 0 && survivorBad.length === 0,
    `the other replica kept serving while one was dead (${survivor.length} requests, ${survivorBad.length} failed)`,
  );
  check(
    pickedUpAt !== undefined && pickedUpAt >= expires - 1000,
    `the release task left running was picked up after its timeout, not before: ${
      pickedUpAt
        ? `${((pickedUpAt - killedAt) / 1000).toFixed(0)} s after the kill, ${(
            (pickedUpAt - expires) /
            1000
          ).toFixed(0)} s after its 5-minute timeout expired`
        : 'never'
    }`,
  );
  check(
    ranAgainAt !== undefined,
    `then a live replica ran it to the end ${
      ranAgainAt && pickedUpAt
        ? `${((ranAgainAt - pickedUpAt) / 1000).toFixed(0)} s later`
        : 'never'
    }`,
  );

  // --- A. Postgres restarted mid-load -------------------------------------------
  console.log(
    `\nA. Postgres stopped for 8 s under ${RATE} req/s (NPS submits and reads, and a read of every other Paved plugin, on both replicas)`,
  );
  load.start(RATE);
  await sleep(10_000);
  const down = Date.now();
  await cluster.stop('fast');
  await sleep(8_000);
  await cluster.start();
  const up = Date.now();
  await sleep(20_000);
  await load.stop();
  const during = load.outcomes.filter(
    o => o.at >= down - 500 && o.at < up + 500,
  );
  const after = load.outcomes.filter(o => o.at >= up);
  const refused = during.filter(o => o.status === 503);
  const bad = load.outcomes.filter(o => o.status >= 500 && o.status !== 503);
  const noAnswer = load.outcomes.filter(o => o.status === 0);
  const ms503 = refused.map(o => o.ms).sort((a, b) => a - b);
  console.log(
    `  ${load.outcomes.length} requests; while Postgres was down: ${
      during.length
    }, of which 503: ${refused.length} (p50 ${percentile(
      ms503,
      50,
    )} ms, p99 ${percentile(ms503, 99)} ms, max ${ms503[ms503.length - 1]} ms)`,
  );
  const statusesDuring: Record<number, number> = {};
  for (const o of during)
    statusesDuring[o.status] = (statusesDuring[o.status] ?? 0) + 1;
  console.log(
    `  statuses during the outage: ${JSON.stringify(statusesDuring)}`,
  );
  const byKind = new Map<string, Record<number, number>>();
  for (const o of during) {
    const counts = byKind.get(o.kind) ?? {};
    counts[o.status] = (counts[o.status] ?? 0) + 1;
    byKind.set(o.kind, counts);
  }
  console.log(
    `  by route: ${[...byKind]
      .map(
        ([kind, counts]) =>
          `${PATHS[kind as Kind]('…')} ${JSON.stringify(counts)}`,
      )
      .join('; ')}`,
  );
  check(
    refused.length > 0,
    'requests during the outage were answered 503 (the outage was seen)',
  );
  check(
    bad.length === 0,
    `no 5xx other than 503 (${bad.length}${
      bad.length
        ? `: ${bad[0].status} ${bad[0].kind} ${bad[0].body.slice(0, 300)}`
        : ''
    })`,
  );
  check(
    noAnswer.length === 0,
    `every request got an HTTP answer (${noAnswer.length} did not)`,
  );
  check(
    refused.every(o => o.retryAfter && Number(o.retryAfter) > 0),
    'every 503 carries Retry-After',
  );
  check(
    refused.every(o => !/\n\s+at .+\(.+:\d+:\d+\)/.test(o.body)),
    'no 503 body carries a stack trace',
  );
  check(
    ms503.length === 0 || ms503[ms503.length - 1] < 10_000,
    `503s come fast (max ${ms503[ms503.length - 1] ?? 0} ms < 10 s)`,
  );
  const recoveredAt = replicas.map((_, r) => {
    const ok = after.find(
      o => o.replica === r && o.kind === 'submit' && o.status === 201,
    );
    return ok ? ok.at - up : Infinity;
  });
  check(
    recoveredAt.every(ms => ms < 15_000),
    `both replicas answer submits again by themselves after Postgres is back (first 201 after ${recoveredAt
      .map(ms => `${(ms / 1000).toFixed(1)} s`)
      .join(', ')})`,
  );
  // A run that was under way when Postgres went away cannot give its claim back
  // (Backstage's scheduler writes that to the database), so it stays claimed until
  // its timeout; the job must run again by itself within that.
  let releasedAgainAt: number | undefined;
  const countsBefore = await counts();
  while (!releasedAgainAt && Date.now() < up + 5 * 60_000 + 90_000) {
    const [row] = await nps('backstage_backend_tasks__tasks')
      .where({ id: 'nps-release-answers' })
      .select(
        'last_run_ended_at',
        'last_run_error_json',
        'current_run_started_at',
      );
    const ended = row.last_run_ended_at
      ? new Date(row.last_run_ended_at).getTime()
      : 0;
    const started = row.current_run_started_at
      ? new Date(row.current_run_started_at).getTime()
      : 0;
    if (ended > up && !row.last_run_error_json && started === 0) {
      releasedAgainAt = ended;
    } else await sleep(1000);
  }
  check(
    releasedAgainAt !== undefined,
    `the release job ran again by itself after the outage, ${
      releasedAgainAt
        ? `${((releasedAgainAt - up) / 1000).toFixed(
            0,
          )} s after Postgres was back`
        : 'not within its 5-minute timeout'
    }`,
  );

  // --- B. Pool exhaustion -----------------------------------------------------------
  console.log(
    '\nB. Pool exhaustion: 40 concurrent GET /trend on replica 1 while nps_counts is locked (pool max 10, acquire timeout 5 s)',
  );
  const lock = await nps.transaction();
  await lock.raw('LOCK TABLE nps_counts IN ACCESS EXCLUSIVE MODE');
  const exhaust = new LoadGenerator([urls[0]], tokens, campaign.id);
  const burst = Promise.all(
    Array.from({ length: 40 }, () => exhaust.fire(0, 'trend')),
  );
  await sleep(8_000);
  await lock.rollback();
  await burst;
  const b503 = exhaust.outcomes.filter(o => o.status === 503);
  const b200 = exhaust.outcomes.filter(o => o.status === 200);
  const bOther = exhaust.outcomes.filter(
    o => o.status !== 503 && o.status !== 200,
  );
  console.log(
    `  200: ${b200.length}, 503: ${b503.length} (max ${Math.max(
      0,
      ...b503.map(o => o.ms),
    )} ms), other: ${bOther.map(o => o.status).join(', ') || 'none'}`,
  );
  check(
    b503.length >= 20 && b503.every(o => o.retryAfter),
    `the surplus got 503 with Retry-After (${b503.length} of 40)`,
  );
  check(bOther.length === 0, 'no other status (no 500, no dropped connection)');
  check(
    b503.every(o => o.ms < 9_000),
    'each 503 came within the acquire timeout plus a margin (< 9 s)',
  );
  const afterBurst = new LoadGenerator([urls[0]], tokens, campaign.id);
  await afterBurst.fire(0, 'trend');
  check(
    replicas[0].running && afterBurst.outcomes[0].status === 200,
    'replica 1 is up and serves once the connections are free',
  );

  watcher.stop();

  // --- Every accepted write, once; scheduled jobs at most once per period ------------------
  console.log('\nChecks over the whole run:');
  const all = [...load.outcomes, ...exhaust.outcomes, ...load2.outcomes];
  const accepted = new Set(
    all.filter(o => o.kind === 'submit' && o.status === 201).map(o => o.user!),
  );
  const refusedUsers = new Set(
    all.filter(o => o.kind === 'submit' && o.status !== 201).map(o => o.user!),
  );
  const {
    participations,
    answeredUsers: partUsers,
    published,
    pending,
  } = await npsStoredState(nps, campaign.id);
  const storedButRefused = [...refusedUsers].filter(u =>
    partUsers.has(userRef(u)),
  ).length;
  check(
    [...accepted].every(u => partUsers.has(userRef(u))),
    `every accepted submit (${accepted.size}) has its participation`,
  );
  check(
    participations === published + pending,
    `no half-written answer: ${participations} participations = ${published} published + ${pending} waiting answers`,
  );
  console.log(
    `  (${storedButRefused} submits answered 503 were stored all the same: the commit happened, the answer did not arrive; a retry gets 409)`,
  );
  check(
    storedButRefused === 0 ||
      participations === accepted.size + storedButRefused,
    'nothing stored beyond the accepted submits and those committed before their 503',
  );
  const countsAfter = await counts();
  check(
    countsAfter > countsBefore,
    `the release job published more after the outage (counts ${countsBefore} → ${countsAfter})`,
  );
  // Backstage schedules start-to-start: the next run is due one period after the
  // previous one was due, so a late run can be followed closely by an on-time one.
  // Once per period means: never two runs at once (one claim at a time) and, over
  // the run, no more runs than periods.
  for (const [task, ends] of watcher.runs) {
    const freq = watcher.frequencies.get(task);
    if (!freq || freq > 60 || ends.length < 2) continue;
    const window = (ends[ends.length - 1] - ends[0]) / 1000;
    // Measured between run ends, which move with each run's duration: half a
    // period of slack; a second run in one period would add a whole one.
    const allowed = Math.floor(window / freq + 0.5) + 1;
    check(
      ends.length <= allowed,
      `${task} (every ${freq} s): ${ends.length} runs in ${window.toFixed(
        0,
      )} s, at most one per period (≤ ${allowed})`,
    );
  }
  const { rows } = await nps.raw(
    'SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE ?',
    [`${PREFIX}%`],
  );
  console.log(`\nPlugins with a database: ${rows[0].n}`);
  printUptime();
}

runBench('faults', main);
