/*
 * CPU time spent on a piece of work by this Node process and by the Postgres
 * backends serving one database: on a shared machine, wall-clock throughput
 * says as much about the other users as about the code, while CPU time per
 * event does not. Sequential batches on an idle machine take about the sum of
 * the two (plus waits on the disk), which estimates the throughput the code
 * allows whatever the load. An estimate, not a bound: it is the average over
 * the run (costs grow with the indexes), Node's figure includes its garbage
 * collector's helper threads, and Postgres's background processes (WAL writer,
 * checkpointer, autovacuum) are left out. Linux only (/proc).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Knex } from 'knex';

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString());

function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": state is the first field, utime the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0; // gone, or not on Linux
  }
}

async function backendCpuMs(db: Knex): Promise<Map<number, number>> {
  const { rows } = await db.raw(
    'select pid from pg_stat_activity where datname = current_database()',
  );
  return new Map(
    rows.map((r: { pid: number }) => [r.pid, processCpuMs(r.pid)]),
  );
}

/** Postgres CPU milliseconds serving `db` from now until `stop()`. */
export async function postgresCpuClock(db: Knex) {
  const backends = await backendCpuMs(db);
  return {
    async stop(): Promise<number> {
      let ms = 0;
      for (const [pid, now] of await backendCpuMs(db)) {
        ms += now - (backends.get(pid) ?? 0);
      }
      return ms;
    },
  };
}

/** Runs `fn`, adding this process's CPU milliseconds to `total.ms`. */
export async function withNodeCpu<T>(
  total: { ms: number },
  fn: () => Promise<T>,
): Promise<T> {
  const start = process.cpuUsage();
  try {
    return await fn();
  } finally {
    const used = process.cpuUsage(start);
    total.ms += (used.user + used.system) / 1000;
  }
}

/** "node 12.3 ms + Postgres 45.6 ms per 1,000 deployments, so about 17,241/s on an idle machine". */
export function describeCpu(
  cpu: { nodeMs: number; postgresMs: number },
  events: number,
): string {
  const per = (ms: number) => ((ms / events) * 1000).toFixed(1);
  const bound = Math.round((events / (cpu.nodeMs + cpu.postgresMs)) * 1000);
  return `CPU per 1,000 deployments: node ${per(
    cpu.nodeMs,
  )} ms + Postgres ${per(cpu.postgresMs)} ms, so about ${bound.toLocaleString(
    'en-GB',
  )}/s with sequential batches on an idle machine`;
}
