// @ts-check

/**
 * Golden paths: which templates were ever approved, when each component was
 * first seen in the catalog, and every recorded Scaffolder run.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('golden_path_templates', table => {
    table.comment(
      'Templates that have been approved golden paths; kept when retired so history still counts',
    );
    table.string('template_ref', 255).primary();
    table.string('version', 40).nullable();
    table.timestamp('approved_since', { useTz: true }).notNullable();
    table.timestamp('last_seen_at', { useTz: true }).notNullable();
    table.boolean('approved').notNullable();
  });

  await knex.schema.createTable('golden_path_components', table => {
    table.comment(
      'Every Component the catalog has held, and when Paved first saw it',
    );
    table.string('entity_ref', 255).primary();
    table.string('title', 255).notNullable();
    table.string('owner_ref', 255).nullable();
    table.string('source_template_ref', 255).nullable();
    table.string('template_version', 40).nullable();
    // From the paved.dev/created-at annotation, else the first scan that saw it.
    table.timestamp('first_seen_at', { useTz: true }).notNullable();
    // YYYY-Qn of first_seen_at (UTC), so both databases group the same way.
    table.string('first_seen_quarter', 7).notNullable();
    // Already in the catalog when Paved started scanning, with no creation date:
    // not new in any quarter, so outside adoption.
    table.boolean('baseline').notNullable();
    table.timestamp('last_seen_at', { useTz: true }).notNullable();
    table.timestamp('removed_at', { useTz: true }).nullable();
    table.index(['first_seen_quarter'], 'golden_path_components_quarter_idx');
    table.index(['source_template_ref'], 'golden_path_components_template_idx');
  });

  await knex.schema.createTable('golden_path_runs', table => {
    table.comment(
      'Every finished Scaffolder run of any template; the team, never the person',
    );
    table.string('task_id', 64).primary();
    table.string('template_ref', 255).notNullable();
    table.string('template_version', 40).nullable();
    table.string('team_ref', 255).nullable();
    table.string('status', 20).notNullable();
    table.timestamp('started_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.bigInteger('duration_ms').notNullable();
    table.string('created_entity_ref', 255).nullable();
    table.index(['template_ref', 'status'], 'golden_path_runs_template_idx');
  });

  await knex.schema.createTable('golden_path_scans', table => {
    table.comment('Catalog scans, the first of which sets the baseline');
    table.increments('id');
    table.timestamp('finished_at', { useTz: true }).notNullable();
    table.integer('components').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('golden_path_scans');
  await knex.schema.dropTable('golden_path_runs');
  await knex.schema.dropTable('golden_path_components');
  await knex.schema.dropTable('golden_path_templates');
};
