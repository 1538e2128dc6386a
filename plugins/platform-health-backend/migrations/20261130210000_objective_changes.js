// @ts-check

/**
 * The edit history of OKR objectives: one row per field an edit changed (an
 * objective's title or description, a key result added, removed or changed),
 * grouped into revisions by the objective version the edit produced. The
 * history goes with its objective when the objective is deleted.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('health_objective_changes', table => {
    table.comment(
      'What each edit of an objective changed: field, value before and after',
    );
    table.uuid('id').primary();
    table
      .uuid('objective_id')
      .notNullable()
      .references('id')
      .inTable('health_objectives')
      .onDelete('CASCADE');
    // The objective version the edit produced: one revision.
    table.integer('version').notNullable();
    // Order of the changes within one revision.
    table.integer('position').notNullable();
    table.string('changed_by', 255).notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    table.string('field', 20).notNullable();
    // No foreign key: a removed key result's changes stay in the history.
    table.uuid('key_result_id').nullable();
    table.string('key_result_title', 200).nullable();
    // JSON: a string or a number, or null (nothing before / after).
    table.text('before_value').nullable();
    table.text('after_value').nullable();
    table.index(['objective_id', 'version'], 'health_objective_changes_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('health_objective_changes');
};
