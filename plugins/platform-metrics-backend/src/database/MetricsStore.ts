import { hash } from 'node:crypto';
import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  DAY_MS,
  DeploymentEvent,
  EMPTY_AGGREGATE,
  IncidentEvent,
  Scope,
  WEEK_EPOCH_MS,
  WEEK_MS,
  WindowAggregate,
  isProductionDeployment,
} from '@paved/plugin-platform-metrics-common';
import { Knex } from 'knex';
import { leadTimeBucket } from './leadTimeBuckets';
import { inChunks, insertRows, medianSql, num, rowsOf } from './sql';

const migrationsDir = resolvePackagePath(
  '@paved/plugin-platform-metrics-backend',
  'migrations',
);

/** What the catalog says of a service: known (with its owner) or not (null); undefined when it could not be asked. */
export type CatalogEntry = { owner: string | null } | null | undefined;

/** How a window's figures are grouped. */
export type Grouping = 'total' | 'week' | 'service';

/** A release marker as stored. */
export interface MarkerRow {
  id: number;
  title: string;
  description: string | null;
  releasedAt: number;
  createdBy: string;
  createdAt: number;
}

/** One classification to keep, with its band version. */
export interface ClassificationRow {
  day: string;
  scopeKind: Scope['kind'];
  scopeRef: string;
  windowDays: number;
  metric: string;
  value: number | null;
  status: string;
  band: string | null;
  bandVersion: string;
  computedAt: number;
}

/** One monthly cohort as the database counts it. */
export interface CohortRow {
  cohort: string;
  joined: number;
  deployed: number;
  medianMs: number | null;
}

const DEPLOYMENT_COLUMNS = [
  'source',
  'external_id',
  'service_ref',
  'environment',
  'status',
  'reached_production',
  'started_at',
  'finished_at',
  'rework',
  'deployer_ref',
  'commit_count',
  'commits',
  'content_hash',
  'received_at',
] as const;

const INCIDENT_COLUMNS = [
  'source',
  'external_id',
  'service_ref',
  'opened_at',
  'resolved_at',
  'cause_source',
  'cause_external_id',
  'restored_source',
  'restored_external_id',
  'content_hash',
  'received_at',
] as const;

const SHIPMENT_COLUMNS = [
  'service_ref',
  'sha',
  'deployment_id',
  'deployed_at',
  'deployment_source',
  'deployment_external_id',
  'lead_time_ms',
  'lead_bucket',
] as const;

const DEPLOYMENT_TYPES = [
  'text',
  'text',
  'text',
  'text',
  'text',
  'boolean',
  'bigint',
  'bigint',
  'boolean',
  'text',
  'integer',
  'text',
  'text',
  'bigint',
];
const SHIPMENT_TYPES = [
  'text',
  'text',
  'bigint',
  'bigint',
  'text',
  'text',
  'bigint',
  'integer',
];

/** A replaced row keeps its id; everything else comes from the new event. */
const updateSet = (columns: readonly string[]) =>
  columns
    .filter(c => c !== 'source' && c !== 'external_id')
    .map(c => `${c} = excluded.${c}`)
    .join(', ');

// Times are whole milliseconds: SQLite keeps a fractional one as REAL, and
// week numbers and durations must be the same integers on both databases.
const ms = (t: number) => Math.round(t);
const msOrNull = (t: number | null | undefined) =>
  t === null || t === undefined ? null : Math.round(t);

/** A deployment's commits as its commits column holds them: [["<sha>", <ms>], …]. */
function commitsJson(
  commits: ReadonlyArray<{ sha: string; committedAt: number }>,
): string {
  let json = '[';
  for (let i = 0; i < commits.length; i++) {
    json += `${i > 0 ? ',' : ''}[${JSON.stringify(commits[i].sha)},${
      commits[i].committedAt
    }]`;
  }
  return `${json}]`;
}

// The one-shot hash (Node 21.7+): the same digest as createHash's, without
// a Hash object per event.
function hashOf(value: unknown): string {
  return hash('sha256', JSON.stringify(value), 'hex');
}

// Deliveries of at least this many deployments upsert them in two halves
// on Postgres: any of two or more, so that the tests' small deliveries take
// the same path as large ones (one more round trip is nothing to them).
const PIPELINE_MIN = 2;

/**
 * A statement issued but awaited later: its failure is thrown where it is
 * awaited (marked handled now, so that an earlier failure in the same
 * transaction leaves no unhandled rejection behind).
 */
function issued<T>(statement: Promise<T>): Promise<T> {
  statement.catch(() => undefined);
  return statement;
}

/** Lets statements just issued reach the database before more synchronous work. */
const sent = () => new Promise<void>(resolve => setImmediate(resolve));

/** Orders events by source, then external id (the order rows are written in). */
function byKey(
  a: { source: string; externalId: string },
  b: { source: string; externalId: string },
): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  if (a.externalId !== b.externalId)
    return a.externalId < b.externalId ? -1 : 1;
  return 0;
}

// Deployment order everywhere: finish, then source, then external id, so that
// ties never depend on the order events arrived in.
type Ordered = { finishedAt: number; source: string; externalId: string };
const earlier = (a: Ordered, b: Ordered) =>
  a.finishedAt !== b.finishedAt ? a.finishedAt < b.finishedAt : byKey(a, b) < 0;

/**
 * The SQL of delivery metrics. Deliveries are upserts on (source, external
 * id) that write only what changed, in one transaction, so retries and
 * concurrent re-deliveries store an event once. Every figure is computed by
 * the database on SQLite and Postgres alike: counts with CASE sums, medians
 * with window functions, incident causes with correlated subqueries resolved
 * at read time (so the order events arrived in never matters). Which
 * deployment first shipped each commit, and each service's first recorded
 * production deployment, are kept current on every delivery.
 */
export class MetricsStore {
  static async create(database: DatabaseService): Promise<MetricsStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: migrationsDir });
    }
    return new MetricsStore(knex);
  }

  private readonly dialect: 'pg' | 'sqlite';
  // A deployment row's commits (the JSON of its commits column) as rows.
  private readonly commitSql: {
    join: string;
    sha: string;
    committedAt: string;
  };

  constructor(private readonly db: Knex) {
    this.dialect = String(db.client.config.client).includes('pg')
      ? 'pg'
      : 'sqlite';
    this.commitSql =
      this.dialect === 'pg'
        ? {
            join: 'cross join lateral json_array_elements(d.commits::json) c',
            sha: '(c->>0)',
            committedAt: '((c->>1)::bigint)',
          }
        : {
            join: 'join json_each(d.commits) c',
            sha: "json_extract(c.value, '$[0]')",
            committedAt: "json_extract(c.value, '$[1]')",
          };
  }

  /**
   * Stores a delivery of deployments: new ones inserted, corrected ones
   * replaced, identical ones left alone. Returns how many were written.
   */
  async ingestDeployments(
    events: readonly DeploymentEvent[],
    catalog: ReadonlyMap<string, CatalogEntry>,
    now: number,
  ): Promise<number> {
    // Parsed events already hold whole milliseconds: copied only when not
    // (the copy has the same keys in the same order, so the same hash).
    const sorted = events
      .map(e =>
        Number.isInteger(e.startedAt) &&
        Number.isInteger(e.finishedAt) &&
        e.commits.every(c => Number.isInteger(c.committedAt))
          ? e
          : {
              ...e,
              startedAt: ms(e.startedAt),
              finishedAt: ms(e.finishedAt),
              commits: e.commits.map(c => ({
                ...c,
                committedAt: ms(c.committedAt),
              })),
            },
      )
      .sort(byKey);
    const byEventKey = new Map(
      sorted.map(e => [`${e.source}\u0000${e.externalId}`, e]),
    );
    const row = (e: DeploymentEvent) => [
      e.source,
      e.externalId,
      e.service,
      e.environment,
      e.status,
      isProductionDeployment(e),
      e.startedAt,
      e.finishedAt,
      e.rework,
      e.deployer ?? null,
      e.commits.length,
      commitsJson(e.commits),
      hashOf(e),
      now,
    ];
    // On Postgres, the first half's upsert runs while the second half's rows
    // (hashes, array literals) are built: in key order, as one statement.
    const half =
      this.dialect === 'pg' && sorted.length >= PIPELINE_MIN
        ? Math.ceil(sorted.length / 2)
        : sorted.length;

    return this.db.transaction(async tx => {
      // Only new or changed rows come back: a re-delivery writes nothing.
      const upsert = (part: readonly DeploymentEvent[]) =>
        insertRows<{
          id: string | number;
          source: string;
          external_id: string;
          inserted?: boolean;
        }>(
          tx,
          'metrics_deployments',
          DEPLOYMENT_COLUMNS,
          part.map(row),
          `on conflict (source, external_id) do update set ${updateSet(
            DEPLOYMENT_COLUMNS,
          )} where metrics_deployments.content_hash <> excluded.content_hash
        returning id, source, external_id${
          // Postgres tells inserted rows from replaced ones (xmax is 0 for a new row).
          this.dialect === 'pg' ? ', (xmax = 0) as inserted' : ''
        }`,
          DEPLOYMENT_TYPES,
        );
      const firstHalf = issued(upsert(sorted.slice(0, half)));
      await sent();
      const secondHalf = half < sorted.length ? upsert(sorted.slice(half)) : [];
      const written = [...(await firstHalf), ...(await secondHalf)];
      if (written.length === 0) return 0;
      const writtenEvents = written.map(w => ({
        id: Number(w.id),
        event: byEventKey.get(`${w.source}\u0000${w.external_id}`)!,
      }));
      // Issued, then awaited once the next statement is built (statements
      // still run in the order they are issued, on the transaction's one
      // connection).
      const daily = issued(
        this.addDeploymentsToRollups(
          tx,
          writtenEvents
            .filter((_, i) => written[i].inserted === true)
            .map(w => w.event),
        ),
      );
      await sent();
      // Only a replaced row can have commits, shipments or a first to undo.
      const ids = written
        .filter(w => w.inserted !== true)
        .map(w => Number(w.id));

      // A corrected deployment may have first shipped commits, or been its
      // service's first: those are worked out again from all deployments.
      const orphaned = await inChunks<
        number,
        { service_ref: string; sha: string }
      >(ids, 1000, async chunk =>
        rowsOf(
          await tx.raw(
            `delete from metrics_commit_shipments where deployment_id in (${chunk
              .map(() => '?')
              .join(', ')}) returning service_ref, sha`,
            chunk,
          ),
        ),
      );
      const staleFirsts = await inChunks(ids, 1000, async chunk =>
        (
          await tx('metrics_services')
            .whereIn('first_deployment_id', chunk)
            .select('service_ref')
        ).map(r => r.service_ref as string),
      );

      // Orphaned commits: the earliest production deployment that ships each.
      const reshipped = await inChunks(orphaned, 400, async chunk =>
        rowsOf(
          await tx.raw(
            `select service_ref, sha, id, finished_at, source, external_id, finished_at - committed_at as lead_time_ms
          from (
            select d.service_ref, ${
              this.commitSql.sha
            } as sha, d.id, d.finished_at, d.source, d.external_id,
              ${this.commitSql.committedAt} as committed_at,
              row_number() over (
                partition by d.service_ref, ${this.commitSql.sha}
                order by d.finished_at, d.source, d.external_id
              ) as rn
            from metrics_deployments d
            ${this.commitSql.join}
            where d.reached_production = true
              and d.service_ref in (${[
                ...new Set(chunk.map(k => k.service_ref)),
              ]
                .map(() => '?')
                .join(', ')})
              and (d.service_ref, ${this.commitSql.sha}) in (values ${chunk
              .map(() => '(?, ?)')
              .join(', ')})
          ) firsts
          where rn = 1`,
            [
              ...new Set(chunk.map(k => k.service_ref)),
              ...chunk.flatMap(k => [k.service_ref, k.sha]),
            ],
          ),
        ),
      );
      await insertRows(
        tx,
        'metrics_commit_shipments',
        SHIPMENT_COLUMNS,
        reshipped.map(r => [
          r.service_ref,
          r.sha,
          Number(r.id),
          Number(r.finished_at),
          r.source,
          r.external_id,
          Number(r.lead_time_ms),
          leadTimeBucket(Number(r.lead_time_ms)),
        ]),
        '',
        SHIPMENT_TYPES,
      );

      // New production commits: kept when they ship earlier than what is known.
      const best = new Map<
        string,
        { id: number; event: DeploymentEvent; committedAt: number; sha: string }
      >();
      for (const { id, event } of writtenEvents) {
        if (!isProductionDeployment(event)) continue;
        for (const c of event.commits) {
          const k = `${event.service}\u0000${c.sha}`;
          const known = best.get(k);
          if (!known || earlier(event, known.event)) {
            best.set(k, { id, event, committedAt: c.committedAt, sha: c.sha });
          }
        }
      }
      // In key order (service, then sha): the map's keys.
      const shipments = [...best]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, s]) => [
          s.event.service,
          s.sha,
          s.id,
          s.event.finishedAt,
          s.event.source,
          s.event.externalId,
          s.event.finishedAt - s.committedAt,
          leadTimeBucket(s.event.finishedAt - s.committedAt),
        ]);
      const shipping = issued(
        insertRows(
          tx,
          'metrics_commit_shipments',
          SHIPMENT_COLUMNS,
          shipments,
          `on conflict (service_ref, sha) do update set ${updateSet(
            SHIPMENT_COLUMNS.filter(c => c !== 'service_ref' && c !== 'sha'),
          )}
        where (excluded.deployed_at, excluded.deployment_source, excluded.deployment_external_id)
          < (metrics_commit_shipments.deployed_at, metrics_commit_shipments.deployment_source, metrics_commit_shipments.deployment_external_id)
        ${
          this.dialect === 'pg'
            ? 'returning deployed_at, lead_time_ms, lead_bucket, (xmax = 0) as inserted'
            : ''
        }`,
          SHIPMENT_TYPES,
        ),
      );
      await sent();
      // Each service's first recorded production deployment (while the
      // shipments are written).
      const firsts = new Map<string, { id: number; event: DeploymentEvent }>();
      for (const w of writtenEvents) {
        if (!isProductionDeployment(w.event)) continue;
        const known = firsts.get(w.event.service);
        if (!known || earlier(w.event, known.event)) {
          firsts.set(w.event.service, w);
        }
      }
      const firstRows = [...firsts.values()]
        .sort((a, b) => (a.event.service < b.event.service ? -1 : 1))
        .map(({ id, event }) => [
          event.service,
          id,
          event.finishedAt,
          event.source,
          event.externalId,
          now,
        ]);
      await daily;
      const shipped = await shipping;
      await this.addShipmentsToRollups(
        tx,
        [
          ...reshipped,
          ...shipped.filter((r: { inserted?: boolean }) => r.inserted === true),
        ].map(r => ({
          deployedAt: Number(r.deployed_at ?? r.finished_at),
          leadTimeMs: Number(r.lead_time_ms),
        })),
      );

      // Services last: every delivery names most of them, so their rows are
      // what concurrent deliveries wait on, and are held locked the least.
      await this.touchServices(
        tx,
        writtenEvents.map(w => w.event.service),
        catalog,
        now,
      );

      await insertRows(
        tx,
        'metrics_services',
        [
          'service_ref',
          'first_deployment_id',
          'first_deployed_at',
          'first_source',
          'first_external_id',
          'last_event_at',
        ],
        firstRows,
        `on conflict (service_ref) do update set
          first_deployment_id = excluded.first_deployment_id,
          first_deployed_at = excluded.first_deployed_at,
          first_source = excluded.first_source,
          first_external_id = excluded.first_external_id
        where metrics_services.first_deployed_at is null
          or (excluded.first_deployed_at, excluded.first_source, excluded.first_external_id)
            < (metrics_services.first_deployed_at, metrics_services.first_source, metrics_services.first_external_id)`,
      );
      for (const service of new Set(staleFirsts)) {
        await this.recomputeFirst(tx, service);
      }
      await this.nextRevision(tx);
      return written.length;
    });
  }

  // Counts the revision up: last in a write's transaction, so that the one
  // row every write updates is held locked only until the commit.
  private async nextRevision(tx: Knex.Transaction) {
    await tx('metrics_revision').where('id', 1).increment('revision', 1);
  }

  /**
   * The revision of the figures: it changes with every committed write that
   * can change a DORA figure, so a report computed at a revision still holds
   * while the revision is the same.
   */
  async revision(): Promise<number> {
    const row = await this.db('metrics_revision')
      .where('id', 1)
      .first('revision');
    return Number(row?.revision ?? 0);
  }

  // New rows' contributions to the daily rollups. On Postgres the store adds
  // them (a statement trigger's transition table costs more than the grouped
  // upsert of a few rows); corrections and deletes there, and every change on
  // SQLite, go through the triggers of migration 20261130170000.
  private async addDeploymentsToRollups(
    tx: Knex.Transaction,
    inserted: readonly DeploymentEvent[],
  ) {
    if (this.dialect !== 'pg') return;
    const days = new Map<number, number[]>();
    for (const e of inserted) {
      if (e.environment !== 'production') continue;
      const day = Math.floor(e.finishedAt / DAY_MS);
      const sums = days.get(day) ?? [0, 0, 0, 0];
      const production = isProductionDeployment(e);
      if (production) sums[0]++;
      if (production && e.status === 'rolled_back') sums[1]++;
      if (production && e.rework) sums[2]++;
      if (e.status === 'failed') sums[3]++;
      days.set(day, sums);
    }
    await insertRows(
      tx,
      'metrics_daily',
      ['day', 'deployments', 'rolled_back', 'rework', 'pipeline_failures'],
      [...days].sort(([a], [b]) => a - b).map(([day, sums]) => [day, ...sums]),
      `on conflict (day) do update set
        deployments = metrics_daily.deployments + excluded.deployments,
        rolled_back = metrics_daily.rolled_back + excluded.rolled_back,
        rework = metrics_daily.rework + excluded.rework,
        pipeline_failures = metrics_daily.pipeline_failures + excluded.pipeline_failures`,
      ['integer', 'integer', 'integer', 'integer', 'integer'],
    );
  }

  private async addShipmentsToRollups(
    tx: Knex.Transaction,
    inserted: ReadonlyArray<{ deployedAt: number; leadTimeMs: number }>,
  ) {
    if (this.dialect !== 'pg') return;
    const counts = new Map<string, [number, number, number]>();
    for (const s of inserted) {
      if (s.leadTimeMs <= 0) continue;
      const day = Math.floor(s.deployedAt / DAY_MS);
      const bucket = leadTimeBucket(s.leadTimeMs);
      const key = `${day}:${bucket}`;
      const known = counts.get(key);
      if (known) known[2]++;
      else counts.set(key, [day, bucket, 1]);
    }
    await insertRows(
      tx,
      'metrics_lead_time_daily',
      ['day', 'lead_bucket', 'commits'],
      [...counts.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]),
      `on conflict (day, lead_bucket) do update set
        commits = metrics_lead_time_daily.commits + excluded.commits`,
      ['integer', 'integer', 'integer'],
    );
  }

  private async recomputeFirst(tx: Knex.Transaction, service: string) {
    const first = await tx('metrics_deployments')
      .where({ service_ref: service, reached_production: true })
      .orderBy([
        { column: 'finished_at' },
        { column: 'source' },
        { column: 'external_id' },
      ])
      .first('id', 'finished_at', 'source', 'external_id');
    await tx('metrics_services')
      .where('service_ref', service)
      .update({
        first_deployment_id: first?.id ?? null,
        first_deployed_at: first?.finished_at ?? null,
        first_source: first?.source ?? null,
        first_external_id: first?.external_id ?? null,
      });
  }

  // Every service events name, with what the catalog says of it.
  private async touchServices(
    tx: Knex.Transaction,
    services: readonly string[],
    catalog: ReadonlyMap<string, CatalogEntry>,
    now: number,
  ) {
    const known = [...new Set(services)].sort();
    const rows = known.map(ref => {
      const entry = catalog.get(ref);
      return [
        ref,
        entry === undefined ? null : entry !== null,
        entry?.owner ?? null,
        now,
      ];
    });
    await insertRows(
      tx,
      'metrics_services',
      ['service_ref', 'in_catalog', 'owner_ref', 'last_event_at'],
      rows,
      `on conflict (service_ref) do update set
        last_event_at = excluded.last_event_at,
        in_catalog = coalesce(excluded.in_catalog, metrics_services.in_catalog),
        owner_ref = case when excluded.in_catalog is null then metrics_services.owner_ref else excluded.owner_ref end`,
    );
  }

  /** Stores a delivery of incidents; returns how many were new or changed. */
  async ingestIncidents(
    events: readonly IncidentEvent[],
    catalog: ReadonlyMap<string, CatalogEntry>,
    now: number,
  ): Promise<number> {
    const rows = [...events]
      .sort(byKey)
      .map(e => [
        e.source,
        e.externalId,
        e.service,
        ms(e.openedAt),
        msOrNull(e.resolvedAt),
        e.causedBy?.source ?? null,
        e.causedBy?.externalId ?? null,
        e.restoredBy?.source ?? null,
        e.restoredBy?.externalId ?? null,
        hashOf(e),
        now,
      ]);
    return this.db.transaction(async tx => {
      const written = await insertRows(
        tx,
        'metrics_incidents',
        INCIDENT_COLUMNS,
        rows,
        `on conflict (source, external_id) do update set ${updateSet(
          INCIDENT_COLUMNS,
        )} where metrics_incidents.content_hash <> excluded.content_hash
        returning id`,
      );
      if (written.length > 0) {
        await this.touchServices(
          tx,
          events.map(e => e.service),
          catalog,
          now,
        );
        await this.nextRevision(tx);
      }
      return written.length;
    });
  }

  // The services of a scope, as a condition on a service column.
  private scopeSql(scope: Scope, column: string): [string, string[]] {
    switch (scope.kind) {
      case 'service':
        return [`${column} = ?`, [scope.ref]];
      case 'team':
        return [
          `${column} in (select service_ref from metrics_services where owner_ref = ?)`,
          [scope.ref],
        ];
      default:
        return ['1 = 1', []];
    }
  }

  // The group a row falls in, from its time and service columns.
  private groupSql(grouping: Grouping, time: string, service: string) {
    if (grouping === 'week') {
      return `((${time} - ${WEEK_EPOCH_MS}) / ${WEEK_MS})`;
    }
    return grouping === 'service' ? service : `'all'`;
  }

  // Incidents with the production deployment that caused them: the one they
  // name, else the last successful production deployment of their service
  // before they opened (latest finish; ties by source, external id). Each a
  // lookup on an index, so the order events arrived in never matters.
  private causesSql(from: number, scope: Scope): [string, any[]] {
    const [inScope, scopeArgs] = this.scopeSql(scope, 'i.service_ref');
    return [
      `select i.opened_at, i.resolved_at, i.restored_source, i.restored_external_id,
        (select d2.id from metrics_deployments d2
          where d2.service_ref = i.service_ref and d2.reached_production = true
            and d2.status = 'success' and d2.finished_at < i.opened_at
          order by d2.finished_at desc, d2.source desc, d2.external_id desc
          limit 1) as deployment_id
      from metrics_incidents i
      where i.cause_source is null and i.opened_at > ? and ${inScope}
      union all
      select i.opened_at, i.resolved_at, i.restored_source, i.restored_external_id,
        (select d.id from metrics_deployments d
          where d.source = i.cause_source and d.external_id = i.cause_external_id
            and d.reached_production = true)
      from metrics_incidents i
      where i.cause_source is not null`,
      [from, ...scopeArgs],
    ];
  }

  // Runs one read; on Postgres with room to sort in memory (medians sort
  // hundreds of thousands of values at a million deployments).
  private async read(sql: string, bindings: any[]) {
    if (this.dialect !== 'pg') return this.db.raw(sql, bindings);
    return this.db.transaction(
      async tx => {
        await tx.raw(`set local work_mem = '64MB'`);
        return tx.raw(sql, bindings);
      },
      { readOnly: true },
    );
  }

  /**
   * The DORA figures of a window [from, to) for a scope, as a whole, per
   * week (Monday 00:00 UTC, keyed by week number since the epoch) or per
   * service. Two statements, run side by side: counts and recovery times
   * (sharing the incidents' causes), and lead times.
   */
  async aggregate(
    from: number,
    to: number,
    scope: Scope,
    grouping: Grouping,
  ): Promise<Map<string, WindowAggregate>> {
    if (scope.kind === 'organisation' && grouping !== 'service') {
      return this.organisationAggregate(from, to, [grouping]);
    }
    return this.aggregateFromRows(from, to, scope, grouping);
  }

  /**
   * A window's figures in total and per week, as GET /dora shows them; for
   * the organisation in one pass over the rollups and the window's failures.
   */
  async aggregateWithWeeks(
    from: number,
    to: number,
    scope: Scope,
  ): Promise<{ total: WindowAggregate; weeks: Map<string, WindowAggregate> }> {
    if (scope.kind === 'organisation') {
      const all = await this.organisationAggregate(from, to, ['total', 'week']);
      const total = all.get('all') ?? { ...EMPTY_AGGREGATE };
      all.delete('all');
      return { total, weeks: all };
    }
    const [total, weeks] = await Promise.all([
      this.aggregateFromRows(from, to, scope, 'total'),
      this.aggregateFromRows(from, to, scope, 'week'),
    ]);
    return { total: total.get('all') ?? { ...EMPTY_AGGREGATE }, weeks };
  }

  /**
   * The same figures as {@link MetricsStore.aggregate}, always computed from
   * the stored deployments, commits and incidents (no rollups): the general
   * query for teams and services, and what the tests and the benchmark
   * compare the organisation's rollup path with.
   */
  async aggregateFromRows(
    from: number,
    to: number,
    scope: Scope,
    grouping: Grouping,
  ): Promise<Map<string, WindowAggregate>> {
    const [inScope, scopeArgs] = this.scopeSql(scope, 'd.service_ref');
    const [causes, causeArgs] = this.causesSql(from, scope);
    const dGroup = this.groupSql(grouping, 'd.finished_at', 'd.service_ref');
    const inWindow = `d.finished_at >= ? and d.finished_at < ? and ${inScope}`;
    const windowArgs = [from, to, ...scopeArgs];

    // One recovery per change failure: from its first failure signal to the
    // last restore; unknown while any of its signals is unrestored.
    const countsSql = `with causes as materialized (${causes}),
      caused as materialized (
        select c.*, ${dGroup} as g from causes c
        join metrics_deployments d on d.id = c.deployment_id
        where ${inWindow}
      ),
      failed as (select distinct deployment_id from caused),
      counts as (
        select ${dGroup} as g,
          sum(case when d.reached_production = true then 1 else 0 end) as deployments,
          sum(case when d.reached_production = true
            and (d.status = 'rolled_back' or f.deployment_id is not null) then 1 else 0 end) as failures,
          sum(case when d.reached_production = true and d.rework = true then 1 else 0 end) as rework,
          sum(case when d.status = 'failed' then 1 else 0 end) as pipeline_failures
        from metrics_deployments d
        left join failed f on f.deployment_id = d.id
        where d.environment = 'production' and ${inWindow}
        ${grouping === 'total' ? '' : `group by ${dGroup}`}
      ),
      signals as (
        select d.id as deployment_id, ${dGroup} as g, d.finished_at as failed_at,
          (select min(n.finished_at) from metrics_deployments n
            where n.service_ref = d.service_ref and n.reached_production = true
              and n.status = 'success' and n.finished_at > d.finished_at) as restored_at
        from metrics_deployments d
        where d.environment = 'production' and d.reached_production = true
          and d.status = 'rolled_back' and ${inWindow}
        union all
        select c.deployment_id, c.g, c.opened_at,
          coalesce(
            (select r.finished_at from metrics_deployments r
              where r.source = c.restored_source and r.external_id = c.restored_external_id),
            c.resolved_at)
        from caused c
      ),
      failures as (
        select deployment_id, g, min(failed_at) as failed_at, max(restored_at) as restored_at,
          count(*) - count(restored_at) as unrestored
        from signals group by deployment_id, g
      ),
      recovery as (${medianSql(
        `select g, restored_at - failed_at as x from failures
        where unrestored = 0 and restored_at - failed_at > 0`,
        this.dialect,
      )})
      select counts.*, recovery.median as recovery_median, recovery.n as recovered
      from counts left join recovery on recovery.g = counts.g`;

    const [leadScope, leadArgs] = this.scopeSql(scope, 'cs.service_ref');
    const leadSql = medianSql(
      `select ${this.groupSql(
        grouping,
        'cs.deployed_at',
        'cs.service_ref',
      )} as g, cs.lead_time_ms as x
      from metrics_commit_shipments cs
      join metrics_services s on s.service_ref = cs.service_ref
      where cs.deployed_at >= ? and cs.deployed_at < ? and cs.lead_time_ms > 0
        and cs.deployment_id <> s.first_deployment_id and ${leadScope}`,
      this.dialect,
    );

    const [counts, leads] = await Promise.all([
      this.read(countsSql, [
        ...causeArgs,
        ...windowArgs,
        ...windowArgs,
        ...windowArgs,
      ]),
      this.read(leadSql, [from, to, ...leadArgs]),
    ]);

    const result = new Map<string, WindowAggregate>();
    const at = (g: unknown) => {
      const key = String(g);
      let a = result.get(key);
      if (!a) {
        a = { ...EMPTY_AGGREGATE };
        result.set(key, a);
      }
      return a;
    };
    for (const r of rowsOf(counts)) {
      const a = at(r.g);
      a.deployments = num(r.deployments) ?? 0;
      a.changeFailures = num(r.failures) ?? 0;
      a.rework = num(r.rework) ?? 0;
      a.pipelineFailures = num(r.pipeline_failures) ?? 0;
      a.recoveryMs = num(r.recovery_median);
      a.recovered = num(r.recovered) ?? 0;
    }
    for (const r of rowsOf(leads)) {
      const a = at(r.g);
      a.leadTimeMs = num(r.median);
      a.leadTimeCommits = num(r.n) ?? 0;
    }
    return result;
  }

  /**
   * The organisation's figures of a window, in total ('all') and/or per week
   * (keyed by week number), from the daily rollups (whole UTC days inside the
   * window) plus the deployments of the partial days at its edges: exactly
   * the figures of {@link MetricsStore.aggregateFromRows}. Counts are sums;
   * change failures and recovery times come from the window's rollbacks and
   * incidents (a few thousand rows, read once for both groupings); the
   * lead-time median is found from per-day bucket counts, then only the one
   * or two buckets holding the middle values are read, in order.
   */
  private async organisationAggregate(
    from: number,
    to: number,
    groupings: ReadonlyArray<'total' | 'week'>,
  ): Promise<Map<string, WindowAggregate>> {
    // Whole days [firstDay, lastDay) come from the rollups, the rest from rows.
    const firstDay = Math.ceil(from / DAY_MS);
    const whole = firstDay < Math.floor(to / DAY_MS);
    const lastDay = whole ? Math.floor(to / DAY_MS) : firstDay;
    const edges = whole
      ? [from, firstDay * DAY_MS, lastDay * DAY_MS, to]
      : [from, to, to, to];
    const inEdges = (column: string) =>
      `((${column} >= ? and ${column} < ?) or (${column} >= ? and ${column} < ?))`;
    // Group keys as text, so that the total and the weeks share one column;
    // a day's week is the same integer as its rows' ((t - WEEK_EPOCH_MS) / WEEK_MS).
    const rowGroup = (grouping: 'total' | 'week', column: string) =>
      grouping === 'week'
        ? `cast(((${column} - ${WEEK_EPOCH_MS}) / ${WEEK_MS}) as varchar(20))`
        : `'all'`;
    const dayGroup = (grouping: 'total' | 'week') =>
      grouping === 'week'
        ? `cast(((day - ${WEEK_EPOCH_MS / DAY_MS}) / ${
            WEEK_MS / DAY_MS
          }) as varchar(20))`
        : `'all'`;
    const each = (part: (grouping: 'total' | 'week') => string) =>
      groupings.map(part).join(' union all ');
    const eachArgs = (args: readonly unknown[]) =>
      groupings.flatMap(() => args);

    const countsSql = `select g, sum(deployments) as deployments, sum(rework) as rework,
        sum(pipeline_failures) as pipeline_failures
      from (${each(
        grouping => `
        select ${dayGroup(
          grouping,
        )} as g, deployments, rework, pipeline_failures
        from metrics_daily where day >= ? and day < ?
        union all
        select ${rowGroup(grouping, 'd.finished_at')} as g,
          case when d.reached_production = true then 1 else 0 end,
          case when d.reached_production = true and d.rework = true then 1 else 0 end,
          case when d.status = 'failed' then 1 else 0 end
        from metrics_deployments d
        where d.environment = 'production' and ${inEdges('d.finished_at')}`,
      )}) v group by g`;

    const [causes, causeArgs] = this.causesSql(from, { kind: 'organisation' });
    const failuresSql = `with causes as materialized (${causes}),
      caused as materialized (
        select c.*, d.finished_at as t from causes c
        join metrics_deployments d on d.id = c.deployment_id
        where d.finished_at >= ? and d.finished_at < ?
      ),
      signals as (
        select d.id as deployment_id, d.finished_at as t, d.finished_at as failed_at,
          (select min(n.finished_at) from metrics_deployments n
            where n.service_ref = d.service_ref and n.reached_production = true
              and n.status = 'success' and n.finished_at > d.finished_at) as restored_at
        from metrics_deployments d
        where d.reached_production = true and d.status = 'rolled_back'
          and d.finished_at >= ? and d.finished_at < ?
        union all
        select c.deployment_id, c.t, c.opened_at,
          coalesce(
            (select r.finished_at from metrics_deployments r
              where r.source = c.restored_source and r.external_id = c.restored_external_id),
            c.resolved_at)
        from caused c
      ),
      failures as materialized (
        select deployment_id, t, min(failed_at) as failed_at, max(restored_at) as restored_at,
          count(*) - count(restored_at) as unrestored
        from signals group by deployment_id, t
      ),
      grouped as (${each(
        grouping =>
          `select ${rowGroup(
            grouping,
            't',
          )} as g, failed_at, restored_at, unrestored from failures`,
      )}),
      failed as (select g, count(*) as failures from grouped group by g),
      recovery as (${medianSql(
        `select g, restored_at - failed_at as x from grouped
        where unrestored = 0 and restored_at - failed_at > 0`,
        this.dialect,
      )})
      select failed.g, failed.failures, recovery.median as recovery_median, recovery.n as recovered
      from failed left join recovery on recovery.g = failed.g`;

    const leadCountsSql = each(
      grouping => `
          select ${dayGroup(grouping)} as g, lead_bucket, commits as n
          from metrics_lead_time_daily where day >= ? and day < ?
          union all
          select ${rowGroup(grouping, 'cs.deployed_at')} as g, cs.lead_bucket, 1
          from metrics_commit_shipments cs
          where cs.lead_time_ms > 0 and ${inEdges('cs.deployed_at')}
          union all
          select ${rowGroup(
            grouping,
            'cs.deployed_at',
          )} as g, cs.lead_bucket, -1
          from metrics_services s
          join metrics_commit_shipments cs on cs.deployment_id = s.first_deployment_id
          where s.first_deployed_at >= ? and s.first_deployed_at < ?
            and cs.lead_time_ms > 0 and cs.deployed_at + 0 >= ? and cs.deployed_at + 0 < ?`,
      // "+ 0": the join finds a first deployment's commits by deployment id.
      // Before Postgres has analysed a freshly loaded table it may otherwise
      // range-scan the window index once per service (1 s instead of 20 ms
      // at 200,000 deployments, measured in bench:replicas).
    );

    const [counts, failures, leads] = await Promise.all([
      this.read(countsSql, eachArgs([firstDay, lastDay, ...edges])),
      this.read(failuresSql, [...causeArgs, from, to, from, to]),
      this.organisationLeadTimes(
        from,
        to,
        leadCountsSql,
        eachArgs([firstDay, lastDay, ...edges, from, to, from, to]),
      ),
    ]);

    const result = new Map<string, WindowAggregate>();
    const at = (g: unknown) => {
      const key = String(g);
      let a = result.get(key);
      if (!a) {
        a = { ...EMPTY_AGGREGATE };
        result.set(key, a);
      }
      return a;
    };
    // As in the general query: the total always, a week only when it has rows.
    if (groupings.includes('total')) at('all');
    for (const r of rowsOf(counts)) {
      const a = at(r.g);
      a.deployments = num(r.deployments) ?? 0;
      a.rework = num(r.rework) ?? 0;
      a.pipelineFailures = num(r.pipeline_failures) ?? 0;
    }
    for (const r of rowsOf(failures)) {
      const a = at(r.g);
      a.changeFailures = num(r.failures) ?? 0;
      a.recoveryMs = num(r.recovery_median);
      a.recovered = num(r.recovered) ?? 0;
    }
    for (const l of leads) {
      const a = at(l.g);
      a.leadTimeMs = l.median;
      a.leadTimeCommits = l.n;
    }
    for (const [key, a] of result) {
      if (
        key !== 'all' &&
        a.deployments === 0 &&
        a.pipelineFailures === 0 &&
        a.changeFailures === 0 &&
        a.leadTimeCommits === 0
      ) {
        result.delete(key);
      }
    }
    return result;
  }

  // The organisation's lead-time medians, exactly: bucket counts per group
  // (rollup days, edge rows, minus each service's first deployment) say which
  // bucket holds the middle value(s); only those buckets' values are sorted.
  private async organisationLeadTimes(
    from: number,
    to: number,
    countsSql: string,
    countsArgs: readonly unknown[],
  ): Promise<Array<{ g: string; median: number | null; n: number }>> {
    const notFirst = `cs.deployment_id not in (
      select first_deployment_id from metrics_services where first_deployment_id is not null)`;
    const middleSql = `with counts as (
        select g, lead_bucket, cast(sum(n) as bigint) as n from (${countsSql}) v
        group by g, lead_bucket
      ),
      running as (
        select g, lead_bucket, n,
          cast(sum(n) over (partition by g order by lead_bucket) as bigint) as upto,
          cast(sum(n) over (partition by g) as bigint) as total
        from counts where n > 0
      )
      select g, lead_bucket, upto - n as below, total from running
      where upto >= (total + 1) / 2 and upto - n < (total + 2) / 2
      order by g, lead_bucket`;

    return this.db.transaction(
      async tx => {
        // The buckets holding the middle positions (one or two per group).
        const middles = rowsOf(
          await tx.raw(middleSql, countsArgs as Knex.RawBinding[]),
        );
        const groups = new Map<
          string,
          { buckets: number[]; below: number; total: number }
        >();
        for (const r of middles) {
          const key = String(r.g);
          const group = groups.get(key);
          if (group) group.buckets.push(Number(r.lead_bucket));
          else {
            groups.set(key, {
              buckets: [Number(r.lead_bucket)],
              below: Number(r.below),
              total: Number(r.total),
            });
          }
        }
        if (groups.size === 0) return [];
        // Then the middle value(s) of each group, read in order from its buckets.
        const parts: string[] = [];
        const args: unknown[] = [];
        for (const [g, { buckets, below, total }] of groups) {
          const [start, end] =
            g === 'all'
              ? [from, to]
              : [
                  Math.max(from, WEEK_EPOCH_MS + Number(g) * WEEK_MS),
                  Math.min(to, WEEK_EPOCH_MS + (Number(g) + 1) * WEEK_MS),
                ];
          const first = Math.floor((total + 1) / 2);
          const last = Math.floor((total + 2) / 2);
          parts.push(`select ? as g, avg(x) as median, ? as n from (
            select cs.lead_time_ms as x from metrics_commit_shipments cs
            where cs.lead_bucket in (${buckets.map(() => '?').join(', ')})
              and cs.deployed_at >= ? and cs.deployed_at < ? and cs.lead_time_ms > 0
              and ${notFirst}
            order by cs.lead_time_ms
            limit ${last - first + 1} offset ${first - below - 1}
          ) m${parts.length}`);
          args.push(g, total, ...buckets, start, end);
        }
        const rows = rowsOf(
          await tx.raw(parts.join(' union all '), args as Knex.RawBinding[]),
        );
        return rows.map(r => ({
          g: String(r.g),
          median: num(r.median),
          n: Number(r.n),
        }));
      },
      this.dialect === 'pg'
        ? { isolationLevel: 'repeatable read', readOnly: true }
        : undefined,
    );
  }

  /** Services events name that the catalog does not know, most recent first. */
  async unmappedServices(limit: number) {
    const rows = await this.db('metrics_services as s')
      .where('s.in_catalog', false)
      .select(
        's.service_ref',
        's.last_event_at',
        this.db.raw(
          '(select count(*) from metrics_deployments d where d.service_ref = s.service_ref) as deployments',
        ),
        this.db.raw(
          '(select count(*) from metrics_incidents i where i.service_ref = s.service_ref) as incidents',
        ),
      )
      .orderBy([
        { column: 's.last_event_at', order: 'desc' },
        { column: 's.service_ref' },
      ])
      .limit(limit);
    return rows.map((r: any) => ({
      service: r.service_ref as string,
      deployments: Number(r.deployments),
      incidents: Number(r.incidents),
      lastEventAt: new Date(Number(r.last_event_at)).toISOString(),
    }));
  }

  /** Every service events name, with its catalog state. */
  async services(): Promise<
    Array<{ ref: string; owner: string | null; inCatalog: boolean | null }>
  > {
    const rows = await this.db('metrics_services')
      .select('service_ref', 'owner_ref', 'in_catalog')
      .orderBy('service_ref');
    return rows.map((r: any) => ({
      ref: r.service_ref,
      owner: r.owner_ref,
      inCatalog: r.in_catalog === null ? null : Boolean(r.in_catalog),
    }));
  }

  /** Records what the catalog says of services events name; returns how many changed. */
  async updateCatalog(
    entries: ReadonlyMap<string, CatalogEntry>,
  ): Promise<number> {
    return this.db.transaction(async tx => {
      let changed = 0;
      for (const [ref, entry] of entries) {
        if (entry === undefined) continue;
        const inCatalog = entry !== null;
        const owner = entry?.owner ?? null;
        changed += await tx('metrics_services')
          .where('service_ref', ref)
          .where(q =>
            q
              .whereRaw('in_catalog is distinct from ?', [inCatalog])
              .orWhereRaw('owner_ref is distinct from ?', [owner]),
          )
          .update({ in_catalog: inCatalog, owner_ref: owner });
      }
      // A team's figures follow its services' owner.
      if (changed > 0) await this.nextRevision(tx);
      return changed;
    });
  }

  /**
   * Records the catalog's users and their `paved.dev/joined-at`. Users seen
   * at the first catalog read with users are the baseline: already there, so
   * their first sign-in is not a start.
   */
  async recordCatalogUsers(
    users: ReadonlyArray<{ ref: string; joinedAt: number | null }>,
    now: number,
  ) {
    await this.db.transaction(async tx => {
      const first = !(await tx('metrics_catalog_syncs')
        .where('users', '>', 0)
        .first('id'));
      await insertRows(
        tx,
        'metrics_people',
        ['user_ref', 'joined_at', 'first_sign_in_at', 'baseline'],
        [...users]
          .sort((a, b) => (a.ref < b.ref ? -1 : 1))
          .map(u => [u.ref, u.joinedAt, null, first]),
        'on conflict (user_ref) do update set joined_at = excluded.joined_at',
      );
      await tx('metrics_catalog_syncs').insert({
        finished_at: now,
        users: users.length,
      });
    });
  }

  /** Records a user's first sign-in; later ones change nothing. Returns true the first time. */
  async recordSignIn(userRef: string, now: number): Promise<boolean> {
    return this.db.transaction(async tx => {
      // Before Paved ever read the catalog, everyone signing in was already there.
      const synced = Boolean(
        await tx('metrics_catalog_syncs').where('users', '>', 0).first('id'),
      );
      const rows = await insertRows(
        tx,
        'metrics_people',
        ['user_ref', 'joined_at', 'first_sign_in_at', 'baseline'],
        [[userRef, null, now, !synced]],
        `on conflict (user_ref) do update set first_sign_in_at = excluded.first_sign_in_at
        where metrics_people.first_sign_in_at is null
        returning user_ref`,
      );
      return rows.length > 0;
    });
  }

  /**
   * Time to first deployment per cohort of start (joining months, or
   * quarters pooled whole). `periods` are the cohorts' bounds, oldest first
   * ([key, start, end) in epoch ms); the median is over each period's people.
   * A start is the joined-at annotation, else the first sign-in of someone who
   * was not there already; the first deployment is their first successful production
   * deployment as deployer (a deployment before their recorded start counts
   * as zero).
   */
  async cohorts(
    periods: ReadonlyArray<{ key: string; start: number; end: number }>,
  ): Promise<CohortRow[]> {
    if (periods.length === 0) return [];
    const cohort = `case ${periods
      .map(() => 'when start_at >= ? and start_at < ? then ?')
      .join(' ')} end`;
    const cohortArgs = periods.flatMap(m => [m.start, m.end, m.key]);
    const people = `select user_ref, start_at, ${cohort} as cohort,
      (select min(d.finished_at) from metrics_deployments d
        where d.deployer_ref = p.user_ref and d.reached_production = true
          and d.status = 'success') as first_at
      from (
        select user_ref,
          coalesce(joined_at, case when baseline = false then first_sign_in_at end) as start_at
        from metrics_people
      ) p
      where start_at >= ? and start_at < ?`;
    const args = [
      ...cohortArgs,
      periods[0].start,
      periods[periods.length - 1].end,
    ];
    const [counts, medians] = await Promise.all([
      this.db.raw(
        `select cohort, count(*) as joined, count(first_at) as deployed
        from (${people}) c group by cohort`,
        args,
      ),
      this.db.raw(
        medianSql(
          `select cohort as g,
          case when first_at > start_at then first_at - start_at else 0 end as x
          from (${people}) c where first_at is not null`,
          this.dialect,
        ),
        args,
      ),
    ]);
    const median = new Map(
      rowsOf(medians).map(r => [String(r.g), num(r.median)]),
    );
    return rowsOf(counts).map(r => ({
      cohort: String(r.cohort),
      joined: Number(r.joined),
      deployed: Number(r.deployed),
      medianMs: median.get(String(r.cohort)) ?? null,
    }));
  }

  /** Adds a release marker; returns its id. */
  async addMarker(
    marker: Omit<MarkerRow, 'id' | 'createdAt'>,
    now: number,
  ): Promise<number> {
    const [row] = await this.db('metrics_release_markers')
      .insert({
        title: marker.title,
        description: marker.description,
        released_at: marker.releasedAt,
        created_by: marker.createdBy,
        created_at: now,
      })
      .returning('id');
    return Number(typeof row === 'object' ? row.id : row);
  }

  /** Removes a marker; false when there was none. */
  async deleteMarker(id: number): Promise<boolean> {
    return (await this.db('metrics_release_markers').where({ id }).del()) > 0;
  }

  /** Every release marker, newest first. */
  async markers(): Promise<MarkerRow[]> {
    const rows = await this.db('metrics_release_markers').orderBy([
      { column: 'released_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);
    return rows.map((r: any) => ({
      id: Number(r.id),
      title: r.title,
      description: r.description,
      releasedAt: Number(r.released_at),
      createdBy: r.created_by,
      createdAt: Number(r.created_at),
    }));
  }

  /** Keeps classifications: one per day, scope, window and metric (the day's last wins). */
  async saveClassifications(rows: readonly ClassificationRow[]) {
    await insertRows(
      this.db,
      'metrics_classifications',
      [
        'day',
        'scope_kind',
        'scope_ref',
        'window_days',
        'metric',
        'value',
        'status',
        'band',
        'band_version',
        'computed_at',
      ],
      rows.map(r => [
        r.day,
        r.scopeKind,
        r.scopeRef,
        r.windowDays,
        r.metric,
        r.value,
        r.status,
        r.band,
        r.bandVersion,
        r.computedAt,
      ]),
      `on conflict (day, scope_kind, scope_ref, window_days, metric) do update set
        value = excluded.value, status = excluded.status, band = excluded.band,
        band_version = excluded.band_version, computed_at = excluded.computed_at`,
    );
  }

  /** Kept classifications of a scope and metric, oldest first. */
  async classifications(
    scopeKind: Scope['kind'],
    scopeRef: string,
    metric: string,
  ): Promise<ClassificationRow[]> {
    const rows = await this.db('metrics_classifications')
      .where({ scope_kind: scopeKind, scope_ref: scopeRef, metric })
      .orderBy('day');
    return rows.map((r: any) => ({
      day: r.day,
      scopeKind: r.scope_kind,
      scopeRef: r.scope_ref,
      windowDays: Number(r.window_days),
      metric: r.metric,
      value: num(r.value),
      status: r.status,
      band: r.band,
      bandVersion: r.band_version,
      computedAt: Number(r.computed_at),
    }));
  }

  /** Whether any deployment is stored under the demo source. */
  async hasSource(source: string): Promise<boolean> {
    return Boolean(
      await this.db('metrics_deployments').where({ source }).first('id'),
    );
  }
}
