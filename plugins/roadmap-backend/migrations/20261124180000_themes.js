// @ts-check

/**
 * Links from roadmap items to the NPS comment themes they answer: the item's demand.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('roadmap_item_themes', table => {
    table.comment('NPS comment themes a roadmap item answers');
    table
      .uuid('item_id')
      .notNullable()
      .references('id')
      .inTable('roadmap_items')
      .onDelete('CASCADE');
    table.string('theme', 60).notNullable();
    table.primary(['item_id', 'theme']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('roadmap_item_themes');
};
