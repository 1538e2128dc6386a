// @ts-check

/**
 * Platform NPS storage. Answers are confidential: a response row carries no user
 * reference, a random id and no timestamp; who took part lives in a separate
 * participation table, written in the same transaction.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('nps_campaigns', table => {
    table.comment('Survey campaigns: one question, a window, an audience');
    table.uuid('id').primary();
    table.string('title', 200).notNullable();
    table.text('question').notNullable();
    table.text('follow_up').notNullable();
    table.timestamp('opens_at', { useTz: true }).notNullable();
    table.timestamp('closes_at', { useTz: true }).notNullable();
    // JSON: {"type":"all"} or {"type":"groups","groups":[...]}
    table.text('audience').notNullable();
    table.string('origin', 20).notNullable();
    // e.g. "2026-Q4" for campaigns created by the quarterly schedule: one per period.
    table.string('schedule_key', 20).nullable().unique();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.index(['opens_at', 'closes_at'], 'nps_campaigns_window_idx');
  });

  await knex.schema.createTable('nps_participations', table => {
    table.comment(
      'Who took part in a campaign, or put it off; never what they said',
    );
    table
      .uuid('campaign_id')
      .notNullable()
      .references('id')
      .inTable('nps_campaigns')
      .onDelete('CASCADE');
    table.string('user_ref', 255).notNullable();
    // answered | dismissed | snoozed
    table.string('status', 20).notNullable();
    table.timestamp('snoozed_until', { useTz: true }).nullable();
    table.primary(['campaign_id', 'user_ref']);
  });

  await knex.schema.createTable('nps_responses', table => {
    table.comment(
      'Answers: no user reference, random id, no time finer than the campaign',
    );
    table.uuid('id').primary();
    table
      .uuid('campaign_id')
      .notNullable()
      .references('id')
      .inTable('nps_campaigns')
      .onDelete('CASCADE');
    table
      .smallint('score')
      .notNullable()
      .checkBetween([0, 10], 'nps_responses_score_range');
    table.text('comment').nullable();
    // The respondent's team when they answered (a group entity ref), for breakdowns.
    table.string('team_ref', 255).nullable();
    // Covers the aggregates (by campaign, team and score) for index-only scans.
    table.index(
      ['campaign_id', 'team_ref', 'score'],
      'nps_responses_campaign_team_score_idx',
    );
  });

  await knex.schema.createTable('nps_response_themes', table => {
    table.comment('Themes platform PMs tag comments with');
    table
      .uuid('response_id')
      .notNullable()
      .references('id')
      .inTable('nps_responses')
      .onDelete('CASCADE');
    table.string('theme', 100).notNullable();
    table.primary(['response_id', 'theme']);
    table.index(['theme'], 'nps_response_themes_theme_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('nps_response_themes');
  await knex.schema.dropTable('nps_responses');
  await knex.schema.dropTable('nps_participations');
  await knex.schema.dropTable('nps_campaigns');
};
