import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ThrowawayCluster } from './cluster';

/**
 * One run of a bench that starts processes and databases: its scratch folder,
 * the checks it made, and what to stop afterwards, stopped in one place
 * whatever happened (latest first; the throwaway cluster last, kept with
 * BENCH_KEEP).
 */
export class BenchRun {
  readonly dir: string;
  readonly failures: string[] = [];
  private cluster?: ThrowawayCluster;
  private readonly cleanups: Array<() => unknown> = [];

  constructor(name: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `paved-bench-${name}-`));
  }

  /** Prints a check's outcome; a failed one makes the run exit 1 at the end. */
  readonly check = (ok: boolean, what: string) => {
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) this.failures.push(what);
  };

  /** Something to stop at the end (a process, a pool). */
  defer(cleanup: () => unknown) {
    this.cleanups.push(cleanup);
  }

  /** A throwaway Postgres cluster for this run, destroyed at the end. */
  async startCluster(
    port: number,
    settings: Parameters<typeof ThrowawayCluster.create>[1],
  ): Promise<ThrowawayCluster> {
    this.cluster = await ThrowawayCluster.create(port, settings);
    return this.cluster;
  }

  async teardown() {
    for (const cleanup of this.cleanups.reverse()) {
      await Promise.resolve()
        .then(cleanup)
        .catch(() => {});
    }
    if (process.env.BENCH_KEEP) {
      await this.cluster?.stop().catch(() => {});
      console.log(`kept ${this.dir} and the cluster in ${this.cluster?.dir}`);
    } else {
      await this.cluster?.destroy();
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/** The machine's load, printed at the start and the end of a run. */
export function printUptime() {
  console.log(`uptime: ${execSync('uptime').toString().trim()}`);
}

/**
 * Runs a bench: tears it down whatever happens, then exits 1 if it threw or a
 * check failed.
 */
export function runBench(name: string, body: (run: BenchRun) => Promise<void>) {
  const run = new BenchRun(name);
  // An error thrown outside the body's promise chain (a timer's callback)
  // still tears down the throwaway cluster and the processes it started.
  process.once('uncaughtException', error => {
    console.error(error);
    run.teardown().finally(() => process.exit(1));
  });
  (async () => {
    try {
      await body(run);
    } finally {
      await run.teardown();
    }
    if (run.failures.length) {
      console.error(`\n${run.failures.length} check(s) failed`);
      process.exit(1);
    }
    console.log('\nAll checks passed.');
  })().catch(error => {
    console.error(error);
    process.exit(1);
  });
}

/** What the NPS database holds for a campaign after a run, for the checks. */
export async function npsStoredState(
  nps: import('knex').Knex,
  campaignId: string,
) {
  const participations: { user_ref: string }[] = await nps('nps_participations')
    .where({ campaign_id: campaignId, status: 'answered' })
    .select('user_ref');
  const count = async (table: string, sum?: string) => {
    const query = nps(table).where({ campaign_id: campaignId });
    const [{ n }] = await (sum
      ? query.sum({ n: sum })
      : query.count({ n: '*' }));
    return Number(n ?? 0);
  };
  return {
    /** Answered participations (one per user at most, by the unique key). */
    participations: participations.length,
    answeredUsers: new Set(participations.map(p => p.user_ref)),
    published: await count('nps_responses'),
    pending: await count('nps_pending_answers'),
    /** Answers in the counts table the release job keeps. */
    counted: await count('nps_counts', 'n'),
  };
}
