// @ts-check

/**
 * Delivery metrics. Times are epoch milliseconds (bigint) so that every
 * duration and weekly bucket is the same integer arithmetic on SQLite and
 * Postgres.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('metrics_deployments', table => {
    table.comment(
      'Deployments sent by CI/CD tools; one row per (source, external id), replaced by a corrected event',
    );
    table.bigIncrements('id');
    table.string('source', 100).notNullable();
    table.string('external_id', 255).notNullable();
    table.string('service_ref', 255).notNullable();
    table.string('environment', 40).notNullable();
    table.string('status', 20).notNullable();
    // environment = production and status success or rolled_back: a DORA event.
    table.boolean('reached_production').notNullable();
    table.bigInteger('started_at').notNullable();
    table.bigInteger('finished_at').notNullable();
    table.boolean('rework').notNullable();
    table.string('deployer_ref', 255).nullable();
    table.integer('commit_count').notNullable();
    // sha-256 of the normalised event: a re-delivery with the same content changes nothing.
    table.string('content_hash', 64).notNullable();
    table.bigInteger('received_at').notNullable();
    table.unique(['source', 'external_id'], {
      indexName: 'metrics_deployments_key',
    });
    // The organisation's window (counts, weekly buckets): every column the
    // counts read, so Postgres answers from the index alone.
    table.index(
      [
        'environment',
        'finished_at',
        'reached_production',
        'status',
        'rework',
        'service_ref',
        'id',
      ],
      'metrics_deployments_window_idx',
    );
    // A service's window, its next success after a rollback, the last success
    // before an incident, its first recorded deployment.
    table.index(
      [
        'service_ref',
        'reached_production',
        'status',
        'finished_at',
        'source',
        'external_id',
      ],
      'metrics_deployments_service_idx',
    );
    // Time to first deployment.
    table.index(
      ['deployer_ref', 'reached_production', 'status', 'finished_at'],
      'metrics_deployments_deployer_idx',
    );
  });

  await knex.schema.createTable('metrics_deployment_commits', table => {
    table.comment('The commits each deployment shipped');
    table
      .bigInteger('deployment_id')
      .notNullable()
      .references('id')
      .inTable('metrics_deployments')
      .onDelete('CASCADE');
    table.string('sha', 64).notNullable();
    table.bigInteger('committed_at').notNullable();
    table.primary(['deployment_id', 'sha']);
    table.index(['sha'], 'metrics_deployment_commits_sha_idx');
  });

  await knex.schema.createTable('metrics_commit_shipments', table => {
    table.comment(
      'Per service and commit, the production deployment that first shipped it (earliest finish, then source, then external id), kept current on every delivery',
    );
    table.string('service_ref', 255).notNullable();
    table.string('sha', 64).notNullable();
    table.bigInteger('deployment_id').notNullable();
    table.bigInteger('deployed_at').notNullable();
    table.string('deployment_source', 100).notNullable();
    table.string('deployment_external_id', 255).notNullable();
    table.bigInteger('lead_time_ms').notNullable();
    table.primary(['service_ref', 'sha']);
    table.index(['deployment_id'], 'metrics_commit_shipments_deployment_idx');
    // Lead-time medians over a window: an index-only range scan.
    table.index(
      ['deployed_at', 'lead_time_ms', 'service_ref', 'deployment_id'],
      'metrics_commit_shipments_window_idx',
    );
  });

  await knex.schema.createTable('metrics_services', table => {
    table.comment(
      'Every service events name: whether the catalog knows it, its owner, and its first recorded production deployment',
    );
    table.string('service_ref', 255).primary();
    // Null until the catalog was asked.
    table.boolean('in_catalog').nullable();
    table.string('owner_ref', 255).nullable();
    table.bigInteger('first_deployment_id').nullable();
    table.bigInteger('first_deployed_at').nullable();
    table.string('first_source', 100).nullable();
    table.string('first_external_id', 255).nullable();
    table.bigInteger('last_event_at').notNullable();
    table.index(['owner_ref'], 'metrics_services_owner_idx');
  });

  await knex.schema.createTable('metrics_incidents', table => {
    table.comment(
      'Incidents sent by incident tools; the cause is resolved when metrics are read, so arrival order never matters',
    );
    table.bigIncrements('id');
    table.string('source', 100).notNullable();
    table.string('external_id', 255).notNullable();
    table.string('service_ref', 255).notNullable();
    table.bigInteger('opened_at').notNullable();
    table.bigInteger('resolved_at').nullable();
    table.string('cause_source', 100).nullable();
    table.string('cause_external_id', 255).nullable();
    table.string('restored_source', 100).nullable();
    table.string('restored_external_id', 255).nullable();
    table.string('content_hash', 64).notNullable();
    table.bigInteger('received_at').notNullable();
    table.unique(['source', 'external_id'], {
      indexName: 'metrics_incidents_key',
    });
    table.index(['opened_at'], 'metrics_incidents_opened_idx');
    table.index(
      ['cause_source', 'cause_external_id'],
      'metrics_incidents_cause_idx',
    );
    table.index(['service_ref'], 'metrics_incidents_service_idx');
  });

  await knex.schema.createTable('metrics_people', table => {
    table.comment(
      'When each developer started: the paved.dev/joined-at annotation, else their first sign-in (unless already there when Paved first looked)',
    );
    table.string('user_ref', 255).primary();
    table.bigInteger('joined_at').nullable();
    table.bigInteger('first_sign_in_at').nullable();
    // In the catalog at Paved's first look, or signed in before it: not a new joiner.
    table.boolean('baseline').notNullable();
  });

  await knex.schema.createTable('metrics_catalog_syncs', table => {
    table.comment('Catalog reads; the first one sets the people baseline');
    table.increments('id');
    table.bigInteger('finished_at').notNullable();
    table.integer('users').notNullable();
  });

  await knex.schema.createTable('metrics_release_markers', table => {
    table.comment('Platform releases a platform PM marked by hand');
    table.increments('id');
    table.string('title', 200).notNullable();
    table.text('description').nullable();
    table.bigInteger('released_at').notNullable();
    table.string('created_by', 255).notNullable();
    table.bigInteger('created_at').notNullable();
  });

  await knex.schema.createTable('metrics_classifications', table => {
    table.comment(
      'Each day, the band of every metric per scope, with the band version it was classified under',
    );
    table.increments('id');
    table.string('day', 10).notNullable();
    table.string('scope_kind', 20).notNullable();
    table.string('scope_ref', 255).notNullable();
    table.integer('window_days').notNullable();
    table.string('metric', 40).notNullable();
    table.double('value').nullable();
    table.string('status', 20).notNullable();
    table.string('band', 10).nullable();
    table.string('band_version', 20).notNullable();
    table.bigInteger('computed_at').notNullable();
    table.unique(['day', 'scope_kind', 'scope_ref', 'window_days', 'metric'], {
      indexName: 'metrics_classifications_key',
    });
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('metrics_classifications');
  await knex.schema.dropTable('metrics_release_markers');
  await knex.schema.dropTable('metrics_catalog_syncs');
  await knex.schema.dropTable('metrics_people');
  await knex.schema.dropTable('metrics_incidents');
  await knex.schema.dropTable('metrics_services');
  await knex.schema.dropTable('metrics_commit_shipments');
  await knex.schema.dropTable('metrics_deployment_commits');
  await knex.schema.dropTable('metrics_deployments');
};
