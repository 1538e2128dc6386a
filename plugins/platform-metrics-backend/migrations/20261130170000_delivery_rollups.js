// @ts-check

/**
 * Daily rollups for the organisation's DORA query, kept exact in the same
 * transaction as every write: corrections and deletes (and, on SQLite,
 * inserts) by triggers; on Postgres, MetricsStore adds the rows it inserts
 * itself (cheaper than a statement trigger's transition table), so rows are
 * inserted into these tables only through it:
 *
 * - `metrics_daily`: per UTC day, production deployments, rollbacks, rework
 *   and pipeline failures;
 * - `metrics_lead_time_daily`: per UTC day (of the shipping deployment) and
 *   lead-time bucket, how many first-shipped commits have a positive lead
 *   time. A median is then found exactly: the bucket counts say which bucket
 *   holds the middle value(s) and how many come before it, and only that
 *   bucket's values are read and sorted.
 *
 * Lead-time buckets are ordered like the values (see
 * src/database/leadTimeBuckets.ts, whose boundaries these are).
 *
 * Cheaper deliveries: commits no longer carry a foreign key to their
 * deployment (a per-row check on every insert; the store writes and removes
 * a deployment's commits in the same transaction as the deployment) nor an
 * index by sha (a correction finds a commit's shippers through its service's
 * deployments), and the deployer index holds only deployments that name a
 * deployer.
 */

const DAY_MS = 86_400_000;

/** The lead-time bucket boundaries; must equal LEAD_TIME_BUCKET_BOUNDS in src/database/leadTimeBuckets.ts. */
function leadTimeBucketBounds() {
  const bounds = new Set();
  for (let e = 0; e <= 44; e++) {
    for (let m = 0; m < 16; m++) {
      bounds.add(Math.floor((2 ** e * (16 + m)) / 16));
    }
  }
  return [...bounds].sort((a, b) => a - b);
}

/**
 * SQL for the bucket of `column` (how many boundaries are ≤ it) as a binary
 * search of nested CASEs: a handful of comparisons per row.
 *
 * @param {string} column
 * @param {number[]} bounds
 * @param {number} lo
 * @param {number} hi
 * @returns {string}
 */
function bucketSql(column, bounds, lo = 0, hi = bounds.length) {
  if (lo >= hi) return String(lo);
  const mid = (lo + hi) >> 1;
  return `(case when ${column} < ${bounds[mid]} then ${bucketSql(
    column,
    bounds,
    lo,
    mid,
  )} else ${bucketSql(column, bounds, mid + 1, hi)} end)`;
}

/**
 * The UTC day number of an epoch-millisecond column, rounding down also
 * before 1970 (integer division truncates on both databases).
 *
 * @param {string} column
 */
const daySql = column =>
  `((${column} - (((${column} % ${DAY_MS}) + ${DAY_MS}) % ${DAY_MS})) / ${DAY_MS})`;

/**
 * The contribution of a deployment row (alias `r`) to metrics_daily.
 */
const DAILY_VALUES = `
  case when r.reached_production = true then 1 else 0 end,
  case when r.reached_production = true and r.status = 'rolled_back' then 1 else 0 end,
  case when r.reached_production = true and r.rework = true then 1 else 0 end,
  case when r.status = 'failed' then 1 else 0 end`;

const DAILY_COLUMNS =
  'day, deployments, rolled_back, rework, pipeline_failures';
const DAILY_ADD = `deployments = metrics_daily.deployments + excluded.deployments,
  rolled_back = metrics_daily.rolled_back + excluded.rolled_back,
  rework = metrics_daily.rework + excluded.rework,
  pipeline_failures = metrics_daily.pipeline_failures + excluded.pipeline_failures`;
const LEAD_ADD = 'commits = metrics_lead_time_daily.commits + excluded.commits';

/** @param {import('knex').Knex} knex */
const isPg = knex => String(knex.client.config.client).includes('pg');

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('metrics_daily', table => {
    table.comment(
      'Per UTC day: production deployments, rollbacks, rework, pipeline failures (kept by triggers on metrics_deployments)',
    );
    table.integer('day').notNullable().primary();
    table.integer('deployments').notNullable();
    table.integer('rolled_back').notNullable();
    table.integer('rework').notNullable();
    table.integer('pipeline_failures').notNullable();
  });

  await knex.schema.alterTable('metrics_deployment_commits', table => {
    table.dropForeign(['deployment_id']);
  });
  await knex.schema.alterTable('metrics_deployment_commits', table => {
    table.dropIndex([], 'metrics_deployment_commits_sha_idx');
  });
  await knex.schema.alterTable('metrics_deployments', table => {
    table.dropIndex([], 'metrics_deployments_deployer_idx');
  });
  await knex.raw(
    `create index metrics_deployments_deployer_idx on metrics_deployments
    (deployer_ref, reached_production, status, finished_at) where deployer_ref is not null`,
  );

  await knex.schema.createTable('metrics_lead_time_daily', table => {
    table.comment(
      'Per UTC day and lead-time bucket: first-shipped commits with a positive lead time (kept by triggers on metrics_commit_shipments)',
    );
    table.integer('day').notNullable();
    table.integer('lead_bucket').notNullable();
    table.integer('commits').notNullable();
    table.primary(['day', 'lead_bucket']);
  });

  await knex.schema.alterTable('metrics_commit_shipments', table => {
    table.integer('lead_bucket').notNullable().defaultTo(0);
  });
  await knex.raw(
    `update metrics_commit_shipments set lead_bucket = ${bucketSql(
      'lead_time_ms',
      leadTimeBucketBounds(),
    )}`,
  );
  // The values of one bucket in a window, read in order for a median.
  await knex.schema.alterTable('metrics_commit_shipments', table => {
    table.index(
      ['lead_bucket', 'deployed_at', 'lead_time_ms', 'deployment_id'],
      'metrics_commit_shipments_bucket_idx',
    );
  });
  // Rollbacks in a window (recovery times) without reading every deployment.
  await knex.raw(
    `create index metrics_deployments_rollback_idx on metrics_deployments (finished_at, service_ref, id)
    where reached_production = true and status = 'rolled_back'`,
  );

  // What is already stored.
  await knex.raw(
    `insert into metrics_daily (${DAILY_COLUMNS})
    select day, sum(a), sum(b), sum(c), sum(d) from (
      select ${daySql('r.finished_at')} as day, ${DAILY_VALUES.split(',\n')
      .map((v, i) => `${v} as ${'abcd'[i]}`)
      .join(',\n')}
      from metrics_deployments r where r.environment = 'production'
    ) v group by day`,
  );
  await knex.raw(
    `insert into metrics_lead_time_daily (day, lead_bucket, commits)
    select ${daySql('deployed_at')} as day, lead_bucket, count(*)
    from metrics_commit_shipments where lead_time_ms > 0
    group by ${daySql('deployed_at')}, lead_bucket`,
  );

  if (isPg(knex)) {
    // Statement-level triggers: one grouped upsert per written statement.
    await knex.raw(`create function metrics_daily_track() returns trigger language plpgsql as $fn$
      begin
        if tg_op <> 'INSERT' then
          insert into metrics_daily (${DAILY_COLUMNS})
          select day, -sum(a), -sum(b), -sum(c), -sum(d) from (
            select ${daySql('r.finished_at')} as day, ${DAILY_VALUES.split(
      ',\n',
    )
      .map((v, i) => `${v} as ${'abcd'[i]}`)
      .join(',\n')}
            from old_rows r where r.environment = 'production'
          ) v group by day order by day
          on conflict (day) do update set ${DAILY_ADD};
        end if;
        if tg_op <> 'DELETE' then
          insert into metrics_daily (${DAILY_COLUMNS})
          select day, sum(a), sum(b), sum(c), sum(d) from (
            select ${daySql('r.finished_at')} as day, ${DAILY_VALUES.split(
      ',\n',
    )
      .map((v, i) => `${v} as ${'abcd'[i]}`)
      .join(',\n')}
            from new_rows r where r.environment = 'production'
          ) v group by day order by day
          on conflict (day) do update set ${DAILY_ADD};
        end if;
        return null;
      end
    $fn$`);
    await knex.raw(`create function metrics_lead_time_daily_track() returns trigger language plpgsql as $fn$
      begin
        if tg_op <> 'INSERT' then
          insert into metrics_lead_time_daily (day, lead_bucket, commits)
          select ${daySql('r.deployed_at')} as day, r.lead_bucket, -count(*)
          from old_rows r where r.lead_time_ms > 0
          group by 1, 2 order by 1, 2
          on conflict (day, lead_bucket) do update set ${LEAD_ADD};
        end if;
        if tg_op <> 'DELETE' then
          insert into metrics_lead_time_daily (day, lead_bucket, commits)
          select ${daySql('r.deployed_at')} as day, r.lead_bucket, count(*)
          from new_rows r where r.lead_time_ms > 0
          group by 1, 2 order by 1, 2
          on conflict (day, lead_bucket) do update set ${LEAD_ADD};
        end if;
        return null;
      end
    $fn$`);
    for (const [table, fn, prefix] of [
      ['metrics_deployments', 'metrics_daily_track', 'metrics_daily'],
      [
        'metrics_commit_shipments',
        'metrics_lead_time_daily_track',
        'metrics_lead_time_daily',
      ],
    ]) {
      await knex.raw(`create trigger ${prefix}_update after update on ${table}
        referencing old table as old_rows new table as new_rows for each statement execute function ${fn}()`);
      await knex.raw(`create trigger ${prefix}_delete after delete on ${table}
        referencing old table as old_rows for each statement execute function ${fn}()`);
    }
    return;
  }

  // SQLite: row-level triggers, one upsert per row.
  /** @param {'old' | 'new'} row @param {1 | -1} sign */
  const dailyUpsert = (
    row,
    sign,
  ) => `insert into metrics_daily (${DAILY_COLUMNS})
    select ${daySql(`${row}.finished_at`)}, ${DAILY_VALUES.replace(
    /r\./g,
    `${row}.`,
  )
    .split(',\n')
    .map(v => `${sign} * (${v})`)
    .join(', ')}
    where ${row}.environment = 'production'
    on conflict (day) do update set ${DAILY_ADD};`;
  /** @param {'old' | 'new'} row @param {1 | -1} sign */
  const leadUpsert = (
    row,
    sign,
  ) => `insert into metrics_lead_time_daily (day, lead_bucket, commits)
    select ${daySql(`${row}.deployed_at`)}, ${row}.lead_bucket, ${sign}
    where ${row}.lead_time_ms > 0
    on conflict (day, lead_bucket) do update set ${LEAD_ADD};`;
  for (const [table, prefix, upsert] of /** @type {const} */ ([
    ['metrics_deployments', 'metrics_daily', dailyUpsert],
    ['metrics_commit_shipments', 'metrics_lead_time_daily', leadUpsert],
  ])) {
    await knex.raw(`create trigger ${prefix}_insert after insert on ${table}
      begin ${upsert('new', 1)} end`);
    await knex.raw(`create trigger ${prefix}_update after update on ${table}
      begin ${upsert('old', -1)} ${upsert('new', 1)} end`);
    await knex.raw(`create trigger ${prefix}_delete after delete on ${table}
      begin ${upsert('old', -1)} end`);
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  for (const prefix of ['metrics_daily', 'metrics_lead_time_daily']) {
    for (const op of ['insert', 'update', 'delete']) {
      const table =
        prefix === 'metrics_daily'
          ? 'metrics_deployments'
          : 'metrics_commit_shipments';
      await knex.raw(
        isPg(knex)
          ? `drop trigger if exists ${prefix}_${op} on ${table}`
          : `drop trigger if exists ${prefix}_${op}`,
      );
    }
  }
  if (isPg(knex)) {
    await knex.raw('drop function if exists metrics_daily_track()');
    await knex.raw('drop function if exists metrics_lead_time_daily_track()');
  }
  await knex.raw('drop index if exists metrics_deployments_rollback_idx');
  await knex.raw('drop index if exists metrics_deployments_deployer_idx');
  await knex.schema.alterTable('metrics_deployments', table => {
    table.index(
      ['deployer_ref', 'reached_production', 'status', 'finished_at'],
      'metrics_deployments_deployer_idx',
    );
  });
  await knex.schema.alterTable('metrics_deployment_commits', table => {
    table.index(['sha'], 'metrics_deployment_commits_sha_idx');
  });
  await knex.schema.alterTable('metrics_deployment_commits', table => {
    table
      .foreign('deployment_id')
      .references('id')
      .inTable('metrics_deployments')
      .onDelete('CASCADE');
  });
  await knex.schema.alterTable('metrics_commit_shipments', table => {
    table.dropIndex([], 'metrics_commit_shipments_bucket_idx');
  });
  await knex.schema.alterTable('metrics_commit_shipments', table => {
    table.dropColumn('lead_bucket');
  });
  await knex.schema.dropTable('metrics_lead_time_daily');
  await knex.schema.dropTable('metrics_daily');
};

exports.leadTimeBucketBounds = leadTimeBucketBounds;
