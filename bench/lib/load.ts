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
  /** Connections per target. */
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

/** Runs the load and returns its figures; latencies are measured per request. */
export async function drive(load: Load): Promise<LoadStats> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  const n = load.targets.length;
  const started = process.hrtime.bigint();
  await Promise.all(
    load.targets.map(
      (url, t) =>
        new Promise<void>((resolve, reject) => {
          const instance = autocannon(
            {
              url,
              connections: load.connections ?? 4,
              ...(load.rate ? { overallRate: load.rate / n } : {}),
              ...(load.amount
                ? { amount: Math.ceil(load.amount / n) }
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
            (_client: unknown, status: number, _bytes: number, ms: number) => {
              latencies.push(ms);
              statuses[status] = (statuses[status] ?? 0) + 1;
            },
          );
        }),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
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
