// @ts-check

/**
 * Developer previews of roadmap items: who joined, their feedback and the themes a PM
 * tagged it with. One preview per roadmap item.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('research_previews', table => {
    table.comment('A developer preview of a roadmap item in alpha or beta');
    table.uuid('id').primary();
    table.uuid('item_id').notNullable().unique();
    table.string('item_title', 200).notNullable();
    table.text('description').notNullable();
    table.string('status', 10).notNullable();
    table.string('opened_by', 255).notNullable();
    table.timestamp('opened_at', { useTz: true }).notNullable();
    table.timestamp('closed_at', { useTz: true }).nullable();
    // Set once participants were told the item is generally available
    table.timestamp('ga_notified_at', { useTz: true }).nullable();
  });

  await knex.schema.createTable('research_preview_participants', table => {
    table.comment('Developers taking part in a preview');
    table
      .uuid('preview_id')
      .notNullable()
      .references('id')
      .inTable('research_previews')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.timestamp('joined_at', { useTz: true }).notNullable();
    table.primary(['preview_id', 'user_ref']);
  });

  await knex.schema.createTable('research_preview_feedback', table => {
    table.comment('Feedback of preview participants on the item');
    table.uuid('id').primary();
    table
      .uuid('preview_id')
      .notNullable()
      .references('id')
      .inTable('research_previews')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    table.text('text').notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['preview_id'], 'research_preview_feedback_preview_idx');
  });

  await knex.schema.createTable('research_feedback_themes', table => {
    table.comment(
      'Themes a PM tagged preview feedback with (the shared theme list)',
    );
    table
      .uuid('feedback_id')
      .notNullable()
      .references('id')
      .inTable('research_preview_feedback')
      .onDelete('CASCADE');
    table.string('theme', 60).notNullable();
    table.primary(['feedback_id', 'theme']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('research_feedback_themes');
  await knex.schema.dropTable('research_preview_feedback');
  await knex.schema.dropTable('research_preview_participants');
  await knex.schema.dropTable('research_previews');
};
