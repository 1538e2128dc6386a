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
import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Knex } from 'knex';

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString());

// After "pid (comm) ": state is field 0, ppid 1, utime 11, stime 12, cutime 13, cstime 14.
function statFields(pid: number | string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // gone, or not on Linux
  }
}

function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  if (!fields) return 0;
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/**
 * CPU milliseconds used so far by a process and everything below it: its own
 * time, its children that have exited (which Linux adds to the parent once it
 * reaps them, as the Postgres postmaster does for closed connections) and its
 * living descendants.
 */
export function processTreeCpuMs(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = Number(statFields(entry)?.[1]);
    if (!ppid) continue;
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  const root = statFields(rootPid);
  if (!root) return 0;
  let ticks =
    Number(root[11]) + Number(root[12]) + Number(root[13]) + Number(root[14]);
  const stack = [...(children.get(rootPid) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    const fields = statFields(pid);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
    stack.push(...(children.get(pid) ?? []));
  }
  return ticks * TICK_MS;
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

/**
 * CPU used by the processes serving HTTP load (backend replicas, their
 * Postgres, this process driving the load) between `start()` and `per()`,
 * per request: what the code costs whatever else the machine runs, and the
 * throughput the machine's cores would allow if nothing else ran.
 */
export class ServingCpu {
  private readonly parts: Array<[string, () => number]>;
  private before: number[] = [];

  constructor(parts: { replicas: () => number[]; postgres: () => number }) {
    this.parts = [
      [
        'replicas',
        () =>
          parts.replicas().reduce((sum, pid) => sum + processTreeCpuMs(pid), 0),
      ],
      ['Postgres', () => processTreeCpuMs(parts.postgres())],
      [
        'load generator',
        () => {
          const used = process.cpuUsage();
          return (used.user + used.system) / 1000;
        },
      ],
    ];
  }

  start() {
    this.before = this.parts.map(([, read]) => read());
  }

  /** "replicas 35 ms/s + Postgres 4 ms/s": CPU per second of wall time since start(). */
  perSecond(seconds: number): string {
    return this.parts
      .slice(0, 2)
      .map(
        ([name, read], i) =>
          `${name} ${((read() - this.before[i]) / seconds).toFixed(0)} ms/s`,
      )
      .join(' + ');
  }

  /** "CPU per request: replicas 4.1 ms + Postgres 1.0 ms + load generator 0.5 ms = 5.6 ms, at most 357 req/s on 2 cores". */
  per(requests: number, unit = 'request'): string {
    const used = this.parts.map(([, read], i) => read() - this.before[i]);
    const each = used.map(ms => ms / Math.max(1, requests));
    const total = each.reduce((a, b) => a + b, 0);
    const cores = availableParallelism();
    return `CPU per ${unit}: ${this.parts
      .map(([name], i) => `${name} ${each[i].toFixed(2)} ms`)
      .join(' + ')} = ${total.toFixed(2)} ms, so at most ${Math.floor(
      (cores * 1000) / total,
    ).toLocaleString('en-GB')}/s on ${cores} idle cores`;
  }
}
