// @ts-check

/**
 * Interview studies: one or more per quarter, their invitations, the notes and tagged
 * findings of each interview, and the public summary. Volunteers live in their own
 * table with nothing that could tie them to a survey answer (the survey is another
 * plugin, in another database).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('research_studies', table => {
    table.comment(
      'Interview studies; schedule_key makes the quarterly proposal idempotent',
    );
    table.uuid('id').primary();
    table.string('quarter', 7).notNullable();
    table.string('title', 200).notNullable();
    table.integer('goal').notNullable();
    // JSON array of questions
    table.text('guide').notNullable();
    table.string('status', 20).notNullable();
    table.string('schedule_key', 7).nullable().unique();
    table.text('summary_heard').nullable();
    table.text('summary_will_do').nullable();
    table.text('summary_will_not_do').nullable();
    table.timestamp('summary_published_at', { useTz: true }).nullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['quarter'], 'research_studies_quarter_idx');
  });

  await knex.schema.createTable('research_invitations', table => {
    table.comment(
      'Who was invited to a study; user_ref is erased on withdrawal',
    );
    table.uuid('id').primary();
    table
      .uuid('study_id')
      .notNullable()
      .references('id')
      .inTable('research_studies')
      .onDelete('CASCADE');
    // "Participant 3": stable within the study, shown instead of a name
    table.integer('participant_number').notNullable();
    table.string('user_ref', 255).nullable();
    table.string('status', 20).notNullable();
    // JSON array of ISO 8601 slots the PM proposed
    table.text('slots').notNullable();
    table.timestamp('slot', { useTz: true }).nullable();
    table.text('message').notNullable();
    table.string('invited_by', 255).notNullable();
    table.timestamp('invited_at', { useTz: true }).notNullable();
    table.timestamp('responded_at', { useTz: true }).nullable();
    table.unique(['study_id', 'user_ref'], {
      indexName: 'research_invitations_study_user_uq',
    });
    table.unique(['study_id', 'participant_number'], {
      indexName: 'research_invitations_study_number_uq',
    });
    table.index(['user_ref'], 'research_invitations_user_idx');
  });

  await knex.schema.createTable('research_interview_notes', table => {
    table.comment('Raw notes of an interview (research.notes.read only)');
    table
      .uuid('invitation_id')
      .primary()
      .references('id')
      .inTable('research_invitations')
      .onDelete('CASCADE');
    table.text('raw_notes').notNullable();
    table.string('updated_by', 255).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('research_observations', table => {
    table.comment(
      'Findings: an observation tagged with a theme and a root cause',
    );
    table.uuid('id').primary();
    table
      .uuid('invitation_id')
      .notNullable()
      .references('id')
      .inTable('research_invitations')
      .onDelete('CASCADE');
    table
      .uuid('study_id')
      .notNullable()
      .references('id')
      .inTable('research_studies')
      .onDelete('CASCADE');
    // Null once the participant withdrew: the finding stays, the words go
    table.text('text').nullable();
    table.string('theme', 60).notNullable();
    table.text('root_cause').notNullable();
    table.boolean('is_quote').notNullable();
    table.uuid('roadmap_item_id').nullable();
    table.string('created_by', 255).notNullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
    table.index(['study_id', 'theme'], 'research_observations_study_theme_idx');
    table.index(['roadmap_item_id'], 'research_observations_item_idx');
    table.index(['invitation_id'], 'research_observations_invitation_idx');
  });

  await knex.schema.createTable('research_volunteers', table => {
    table.comment(
      'Developers who offered 30 minutes; only the quarter, never a survey reference or a time',
    );
    table.string('user_ref', 255).primary();
    table.string('volunteered_in', 7).notNullable();
  });

  await knex.schema.createTable('research_notices', table => {
    table.comment(
      'In-portal notices: invitations, preview news, general availability',
    );
    table.bigIncrements('id').primary();
    table.string('user_ref', 255).notNullable();
    table.string('kind', 20).notNullable();
    table.string('title', 200).notNullable();
    table.text('message').notNullable();
    table.string('link', 500).nullable();
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('read_at', { useTz: true }).nullable();
    table.index(['user_ref', 'read_at'], 'research_notices_user_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('research_notices');
  await knex.schema.dropTable('research_volunteers');
  await knex.schema.dropTable('research_observations');
  await knex.schema.dropTable('research_interview_notes');
  await knex.schema.dropTable('research_invitations');
  await knex.schema.dropTable('research_studies');
};
