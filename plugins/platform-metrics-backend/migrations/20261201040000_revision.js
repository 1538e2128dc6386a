// @ts-check

/**
 * The revision of the figures: one row, counted up in the same transaction as
 * every write that can change a DORA figure (deployments, incidents, what the
 * catalog says of a service). A computed report is served again only while
 * the revision it was computed at is still the current one, on whichever
 * replica asks.
 */

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('metrics_revision', table => {
    table.comment(
      'One row: counted up by every write that can change a DORA figure',
    );
    table.integer('id').primary();
    table.bigInteger('revision').notNullable();
  });
  await knex('metrics_revision').insert({ id: 1, revision: 0 });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('metrics_revision');
};
