// @ts-check

/**
 * The quarter's OKRs: objectives, their key results (bound to a health metric
 * or entered by hand) and the check-ins on each key result.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('health_objectives', table => {
    table.comment(
      'OKR objectives per quarter; version guards concurrent edits',
    );
    table.uuid('id').primary();
    table.string('quarter', 7).notNullable();
    table.string('title', 200).notNullable();
    table.text('description').notNullable();
    table.integer('version').notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['quarter', 'created_at'], 'health_objectives_quarter_idx');
  });

  await knex.schema.createTable('health_key_results', table => {
    table.comment('Key results; metric is a health metric id or "manual"');
    table.uuid('id').primary();
    table
      .uuid('objective_id')
      .notNullable()
      .references('id')
      .inTable('health_objectives')
      .onDelete('CASCADE');
    table.integer('position').notNullable();
    table.string('title', 200).notNullable();
    table.string('metric', 40).notNullable();
    table.string('unit', 20).nullable();
    table.double('start_value').notNullable();
    table.double('target_value').notNullable();
    // YYYY-MM-DD, a calendar day
    table.string('due', 10).notNullable();
    table.index(['objective_id', 'position'], 'health_key_results_obj_idx');
  });

  await knex.schema.createTable('health_check_ins', table => {
    table.comment('Check-ins: a key result value at a moment, with a note');
    table.uuid('id').primary();
    table
      .uuid('key_result_id')
      .notNullable()
      .references('id')
      .inTable('health_key_results')
      .onDelete('CASCADE');
    table.double('value').notNullable();
    table.text('note').notNullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['key_result_id', 'created_at'], 'health_check_ins_kr_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('health_check_ins');
  await knex.schema.dropTable('health_key_results');
  await knex.schema.dropTable('health_objectives');
};
