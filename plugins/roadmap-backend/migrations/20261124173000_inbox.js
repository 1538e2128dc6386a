// @ts-check

/**
 * The roadmap inbox: a notice for each subscriber when an item's status or horizon
 * changes, and each user's last visit for the "changed since your last visit" marker.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('roadmap_notifications', table => {
    table.comment('In-portal notices to subscribers of roadmap items');
    table.bigIncrements('id').primary();
    table.string('user_ref', 255).notNullable();
    table
      .uuid('item_id')
      .notNullable()
      .references('id')
      .inTable('roadmap_items')
      .onDelete('CASCADE');
    table.integer('version').notNullable();
    table.text('message').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('read_at', { useTz: true }).nullable();
    table.index(['user_ref', 'read_at'], 'roadmap_notifications_user_idx');
  });
  await knex.schema.createTable('roadmap_visits', table => {
    table.comment('When each user last looked at the roadmap');
    table.string('user_ref', 255).primary();
    table.timestamp('visited_at', { useTz: true }).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('roadmap_visits');
  await knex.schema.dropTable('roadmap_notifications');
};
