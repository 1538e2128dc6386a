/* Driving HTTP load with autocannon and summarising it per endpoint. */
import autocannon from 'autocannon';

/** What one endpoint's load looked like. */
export interface LoadStats {
  label: string;
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

/** One endpoint driven on several targets (replicas) at once. */
export interface Load {
  label: string;
  targets: string[];
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Per target: fills in the request (a user's token, a body) and may remember it in ctx. */
  setupRequest?: (target: number) => (req: any, ctx: any) => any;
  onResponse?: (
    target: number,
  ) => (status: number, body: string, ctx: any) => void;
  /** Connections per target (a paced load, with `rate`, has one per lane instead). */
  connections?: number;
  /** Total requests per second across the targets (unset: as fast as they answer). */
  rate?: number;
  /** Total requests across the targets (else `duration`). */
  amount?: number;
  duration?: number;
  timeoutSeconds?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(
    sorted.length - 1,
    Math.ceil((p / 100) * sorted.length) - 1,
  );
  return sorted[Math.max(0, i)];
}

/**
 * One autocannon instance of a load: a target, its connections, and for a
 * paced load its share of the rate, its share of the requests and when it
 * starts.
 */
interface Lane {
  target: number;
  connections: number;
  rate?: number;
  amount?: number;
  delayMs: number;
}

/** At most this many one-connection lanes per target for a paced load. */
const MAX_LANES = 50;

/**
 * autocannon's rate limit is per second: each connection sends its quota for
 * the second back to back and then waits for the next second, so "100 req/s"
 * arrives as a burst at every second's start, and the latencies are those of
 * a saturated server. A paced load is therefore split into up to 50 lanes per
 * target, each one autocannon instance with one connection and a small rate,
 * started at even offsets across the second: the requests arrive spread over
 * the second, as from many independent clients.
 */
export function lanes(load: Load): Lane[] {
  const n = load.targets.length;
  if (!load.rate) {
    const amount = load.amount ? Math.ceil(load.amount / n) : undefined;
    return load.targets.map((_, target) => ({
      target,
      // autocannon refuses more connections than requests.
      connections: Math.min(load.connections ?? 4, amount ?? Infinity),
      amount,
      delayMs: 0,
    }));
  }
  const result: Lane[] = [];
  for (let target = 0; target < n; target++) {
    const rate = Math.max(1, Math.round(load.rate / n));
    const count = Math.min(MAX_LANES, rate);
    const amount = load.amount ? Math.ceil(load.amount / n) : undefined;
    for (let i = 0; i < count; i++) {
      // Whole requests per second per lane, adding up to the target's rate;
      // the requests split the same way.
      const laneRate =
        Math.floor((rate * (i + 1)) / count) - Math.floor((rate * i) / count);
      const laneAmount =
        amount === undefined
          ? undefined
          : Math.floor((amount * (i + 1)) / count) -
            Math.floor((amount * i) / count);
      if (laneAmount === 0) continue;
      result.push({
        target,
        connections: 1,
        rate: laneRate,
        amount: laneAmount,
        delayMs: (1000 * i) / count,
      });
    }
  }
  return result;
}

/** Runs the load and returns its figures; latencies are measured per request. */
export async function drive(load: Load): Promise<LoadStats> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  const started = process.hrtime.bigint();
  const planned = lanes(load);
  // The lanes start spread over the first second and each runs as long as
  // the load: that spread is not part of the load's time.
  const spreadSeconds = Math.max(...planned.map(l => l.delayMs)) / 1000;
  await Promise.all(
    planned.map(
      lane =>
        new Promise<void>((resolve, reject) => {
          const t = lane.target;
          setTimeout(() => {
            const instance = autocannon(
              {
                url: load.targets[t],
                connections: lane.connections,
                ...(lane.rate ? { overallRate: lane.rate } : {}),
                ...(lane.amount
                  ? { amount: lane.amount }
                  : { duration: load.duration ?? 10 }),
                timeout: load.timeoutSeconds ?? 30,
                requests: [
                  {
                    method: load.method ?? 'GET',
                    path: load.path,
                    headers: {
                      'content-type': 'application/json',
                      ...load.headers,
                    },
                    body: load.body,
                    ...(load.setupRequest
                      ? { setupRequest: load.setupRequest(t) }
                      : {}),
                    ...(load.onResponse
                      ? { onResponse: load.onResponse(t) }
                      : {}),
                  } as any,
                ],
              },
              (error: unknown, result: any) => {
                if (error) reject(error);
                else {
                  errors += result.errors - result.timeouts;
                  timeouts += result.timeouts;
                  resolve();
                }
              },
            );
            instance.on(
              'response',
              (
                _client: unknown,
                status: number,
                _bytes: number,
                ms: number,
              ) => {
                latencies.push(ms);
                statuses[status] = (statuses[status] ?? 0) + 1;
              },
            );
          }, lane.delayMs);
        }),
    ),
  );
  const seconds =
    Number(process.hrtime.bigint() - started) / 1e9 - spreadSeconds;
  latencies.sort((a, b) => a - b);
  return {
    label: load.label,
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    statuses,
    errors,
    timeouts,
  };
}

const ms = (v: number) =>
  Number.isFinite(v) ? v.toFixed(1).padStart(7) : '      -';

/** One line per endpoint: throughput, p50/p95/p99, max, statuses. */
export function formatStats(stats: LoadStats): string {
  const codes = Object.entries(stats.statuses)
    .map(([code, count]) => `${code}×${count}`)
    .join(' ');
  const failures =
    (stats.errors ? ` errors×${stats.errors}` : '') +
    (stats.timeouts ? ` timeouts×${stats.timeouts}` : '');
  return `  ${stats.label.padEnd(44)} ${stats.perSecond
    .toFixed(0)
    .padStart(6)} req/s  p50 ${ms(stats.p50)}  p95 ${ms(stats.p95)}  p99 ${ms(
    stats.p99,
  )}  max ${ms(stats.max)} ms  ${codes}${failures}`;
}
