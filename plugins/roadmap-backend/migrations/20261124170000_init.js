// @ts-check

/**
 * The public roadmap: items with their full history, votes and subscriptions.
 * Items are never removed: deleting sets deleted_at and is kept in the history.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('roadmap_items', table => {
    table.comment('Roadmap items; version guards against concurrent edits');
    table.uuid('id').primary();
    table.string('title', 200).notNullable();
    table.string('summary', 500).notNullable();
    table.text('description').notNullable();
    table.text('problem').notNullable();
    table.string('category', 40).notNullable();
    table.string('owner', 255).notNullable();
    table.string('horizon', 10).notNullable();
    table.string('target_quarter', 7).nullable();
    table.string('status', 30).notNullable();
    table.text('decline_reason').nullable();
    // JSON array of {title, url}
    table.text('links').notNullable();
    table.text('breaking_notice').nullable();
    // YYYY-MM-DD, a calendar day
    table.string('breaking_effective', 10).nullable();
    table.integer('rank').notNullable();
    table.integer('version').notNullable();
    table.timestamp('shipped_at', { useTz: true }).nullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.timestamp('deleted_at', { useTz: true }).nullable();
    table.index(['horizon', 'rank'], 'roadmap_items_horizon_rank_idx');
  });

  await knex.schema.createTable('roadmap_item_history', table => {
    table.comment('Every change to an item: what, when, by whom');
    table.bigIncrements('id').primary();
    table
      .uuid('item_id')
      .notNullable()
      .references('id')
      .inTable('roadmap_items')
      .onDelete('CASCADE');
    table.integer('version').notNullable();
    table.string('action', 20).notNullable();
    table.string('changed_by', 255).notNullable();
    table.timestamp('changed_at', { useTz: true }).notNullable();
    // JSON: field -> {from, to}
    table.text('changes').notNullable();
    table.index(['item_id', 'version'], 'roadmap_item_history_item_idx');
  });

  for (const name of ['roadmap_votes', 'roadmap_subscriptions']) {
    await knex.schema.createTable(name, table => {
      table
        .uuid('item_id')
        .notNullable()
        .references('id')
        .inTable('roadmap_items')
        .onDelete('CASCADE');
      table.string('user_ref', 255).notNullable();
      table.primary(['item_id', 'user_ref']);
      table.index(['user_ref'], `${name}_user_idx`);
    });
  }
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('roadmap_subscriptions');
  await knex.schema.dropTable('roadmap_votes');
  await knex.schema.dropTable('roadmap_item_history');
  await knex.schema.dropTable('roadmap_items');
};
