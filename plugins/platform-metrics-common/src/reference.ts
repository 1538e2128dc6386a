import { EMPTY_AGGREGATE, WindowAggregate, median } from './dora';
import { DeploymentStatus, isProductionDeployment } from './model';

/** A stored deployment, times in epoch milliseconds. */
export interface DeploymentRecord {
  source: string;
  externalId: string;
  service: string;
  environment: string;
  status: DeploymentStatus;
  startedAt: number;
  finishedAt: number;
  commits: Array<{ sha: string; committedAt: number }>;
  rework: boolean;
  deployer: string | null;
}

/** A reference from an incident to a deployment. */
export interface DeploymentKey {
  source: string;
  externalId: string;
}

/** A stored incident, times in epoch milliseconds. */
export interface IncidentRecord {
  source: string;
  externalId: string;
  service: string;
  openedAt: number;
  resolvedAt: number | null;
  causedBy: DeploymentKey | null;
  restoredBy: DeploymentKey | null;
}

const keyOf = (e: DeploymentKey) => `${e.source}\u0000${e.externalId}`;

/** The order deployments are compared in: finish, then source, then external id. */
export function compareDeployments(
  a: DeploymentRecord,
  b: DeploymentRecord,
): number {
  if (a.finishedAt !== b.finishedAt) return a.finishedAt - b.finishedAt;
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  if (a.externalId !== b.externalId)
    return a.externalId < b.externalId ? -1 : 1;
  return 0;
}

/**
 * The DORA figures of a window computed the plain way, event by event, from
 * the definitions in PRODUCT.md and issue 11. It is the specification the
 * store's SQL is tested against (on random histories, on SQLite and
 * Postgres) and the naive baseline of the benchmark; the product never uses
 * it on real data.
 */
export function referenceAggregate(
  deployments: readonly DeploymentRecord[],
  incidents: readonly IncidentRecord[],
  window: { from: number; to: number },
  inScope: (service: string) => boolean = () => true,
): WindowAggregate {
  const production = deployments
    .filter(isProductionDeployment)
    .sort(compareDeployments);
  const byKey = new Map(production.map(d => [keyOf(d), d]));
  const inWindow = (d: DeploymentRecord) =>
    d.finishedAt >= window.from && d.finishedAt < window.to;

  // A service's first recorded production deployment, and which deployment
  // first shipped each commit (earliest in the order above).
  const first = new Map<string, DeploymentRecord>();
  const firstShipped = new Map<string, DeploymentRecord>();
  for (const d of production) {
    if (!first.has(d.service)) first.set(d.service, d);
    for (const c of d.commits) {
      const k = `${d.service}\u0000${c.sha}`;
      if (!firstShipped.has(k)) firstShipped.set(k, d);
    }
  }

  const counted = production.filter(d => inWindow(d) && inScope(d.service));

  const leadTimes: number[] = [];
  for (const d of counted) {
    if (first.get(d.service) === d) continue;
    for (const c of d.commits) {
      if (firstShipped.get(`${d.service}\u0000${c.sha}`) !== d) continue;
      const lead = d.finishedAt - c.committedAt;
      if (lead > 0) leadTimes.push(lead);
    }
  }

  // Each incident's cause: the deployment it names, else the last successful
  // production deployment of its service before it opened.
  const causes = new Map<DeploymentRecord, IncidentRecord[]>();
  for (const i of incidents) {
    let cause: DeploymentRecord | undefined;
    if (i.causedBy) {
      cause = byKey.get(keyOf(i.causedBy));
    } else {
      for (const d of production) {
        if (d.service !== i.service || d.status !== 'success') continue;
        if (d.finishedAt < i.openedAt) cause = d;
      }
    }
    if (cause) causes.set(cause, [...(causes.get(cause) ?? []), i]);
  }

  const nextSuccess = (d: DeploymentRecord) =>
    production.find(
      n =>
        n.service === d.service &&
        n.status === 'success' &&
        n.finishedAt > d.finishedAt,
    )?.finishedAt ?? null;
  const allDeployments = new Map(deployments.map(d => [keyOf(d), d]));

  const recoveries: number[] = [];
  let changeFailures = 0;
  for (const d of counted) {
    const caused = causes.get(d) ?? [];
    if (d.status !== 'rolled_back' && caused.length === 0) continue;
    changeFailures++;
    const signals: Array<[number, number | null]> = [];
    if (d.status === 'rolled_back')
      signals.push([d.finishedAt, nextSuccess(d)]);
    for (const i of caused) {
      const restorer = i.restoredBy
        ? allDeployments.get(keyOf(i.restoredBy))
        : undefined;
      signals.push([i.openedAt, restorer ? restorer.finishedAt : i.resolvedAt]);
    }
    if (signals.some(([, restored]) => restored === null)) continue;
    const failedAt = Math.min(...signals.map(([f]) => f));
    const restoredAt = Math.max(...signals.map(([, r]) => r as number));
    if (restoredAt - failedAt > 0) recoveries.push(restoredAt - failedAt);
  }

  return {
    ...EMPTY_AGGREGATE,
    deployments: counted.length,
    changeFailures,
    rework: counted.filter(d => d.rework).length,
    pipelineFailures: deployments.filter(
      d =>
        d.environment === 'production' &&
        d.status === 'failed' &&
        inWindow(d) &&
        inScope(d.service),
    ).length,
    leadTimeMs: median(leadTimes),
    leadTimeCommits: leadTimes.length,
    recoveryMs: median(recoveries),
    recovered: recoveries.length,
  };
}

/**
 * What the store holds after these deliveries, in this order: one record per
 * (source, external id), the last delivered version winning.
 */
export function latestVersions<T extends DeploymentKey>(
  deliveries: ReadonlyArray<readonly T[]>,
): T[] {
  const latest = new Map<string, T>();
  for (const batch of deliveries) {
    for (const e of batch) latest.set(keyOf(e), e);
  }
  return [...latest.values()];
}
