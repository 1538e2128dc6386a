// @ts-check

/**
 * Answers are published in batches (issue: confidential over time). A new answer
 * waits in nps_pending_answers (no user reference, no time); the release job moves
 * batches of at least k per team into nps_responses, in random order with fresh ids,
 * and adds them to nps_counts, which the results read. A published answer's comment
 * becomes visible to platform PMs in a second batched step (comment_visible).
 * Answers stored before this migration count as published, comments as visible.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('nps_pending_answers', table => {
    table.comment(
      'Answers not yet published: no user reference, no time; deleted when released',
    );
    table.uuid('id').primary();
    table
      .uuid('campaign_id')
      .notNullable()
      .references('id')
      .inTable('nps_campaigns')
      .onDelete('CASCADE');
    // The respondent's team (a group entity ref), or '' for none: the release unit.
    table.string('team_key', 255).notNullable();
    table
      .smallint('score')
      .notNullable()
      .checkBetween([0, 10], 'nps_pending_answers_score_range');
    table.text('comment').nullable();
    table.index(['campaign_id', 'team_key'], 'nps_pending_answers_group_idx');
  });

  await knex.schema.createTable('nps_counts', table => {
    table.comment(
      'Published answers per campaign, team and score: what results and trend read',
    );
    table
      .uuid('campaign_id')
      .notNullable()
      .references('id')
      .inTable('nps_campaigns')
      .onDelete('CASCADE');
    table.string('team_key', 255).notNullable();
    table.smallint('score').notNullable();
    table.integer('n').notNullable();
    table.primary(['campaign_id', 'team_key', 'score']);
  });

  await knex.schema.alterTable('nps_responses', table => {
    // Whether platform PMs see this answer's comment (published in its own batches).
    table.boolean('comment_visible').notNullable().defaultTo(true);
  });
  await knex.schema.alterTable('nps_responses', table => {
    table.dropIndex(
      ['campaign_id', 'team_ref', 'score'],
      'nps_responses_campaign_team_score_idx',
    );
    table.index(
      ['campaign_id', 'team_ref', 'comment_visible'],
      'nps_responses_campaign_team_visible_idx',
    );
  });

  await knex.raw(`
    INSERT INTO nps_counts (campaign_id, team_key, score, n)
    SELECT campaign_id, COALESCE(team_ref, ''), score, COUNT(*)
    FROM nps_responses
    GROUP BY campaign_id, COALESCE(team_ref, ''), score
  `);
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  // Waiting answers become stored answers again, as before batching.
  await knex.raw(`
    INSERT INTO nps_responses (id, campaign_id, score, comment, team_ref, comment_visible)
    SELECT id, campaign_id, score, comment, NULLIF(team_key, ''), ${
      knex.client.config.client === 'pg' ? 'true' : '1'
    }
    FROM nps_pending_answers
  `);
  await knex.schema.alterTable('nps_responses', table => {
    table.dropIndex(
      ['campaign_id', 'team_ref', 'comment_visible'],
      'nps_responses_campaign_team_visible_idx',
    );
    table.index(
      ['campaign_id', 'team_ref', 'score'],
      'nps_responses_campaign_team_score_idx',
    );
  });
  await knex.schema.alterTable('nps_responses', table => {
    table.dropColumn('comment_visible');
  });
  await knex.schema.dropTable('nps_counts');
  await knex.schema.dropTable('nps_pending_answers');
};
