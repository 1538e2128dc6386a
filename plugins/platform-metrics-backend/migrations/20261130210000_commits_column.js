// @ts-check

/**
 * A deployment's commits as a column of its row (`commits`, JSON text:
 * `[["<sha>", <committed at, epoch ms>], …]`) instead of a table of their
 * own: a delivery of 5,000 deployments wrote about 10,000 commit rows and
 * their primary key, a tenth of Postgres's work per delivery. Commits are
 * read only when a corrected deployment's commits must be shipped again
 * (by the earliest other production deployment of the same service), and
 * there from the service's deployments. Written on every deployment; null
 * only for rows stored before this migration that had no commit row.
 */

/** @param {import('knex').Knex} knex */
const isPg = knex => String(knex.client.config.client).includes('pg');

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  // Plain ALTER TABLE on both: knex rebuilds a SQLite table for some
  // changes, which would drop the rollup triggers.
  await knex.raw('alter table metrics_deployments add column commits text');
  await knex.raw(
    isPg(knex)
      ? `update metrics_deployments d set commits = c.list
        from (
          select deployment_id,
            json_agg(json_build_array(sha, committed_at) order by sha)::text as list
          from metrics_deployment_commits group by deployment_id
        ) c
        where c.deployment_id = d.id`
      : `update metrics_deployments set commits = (
          select json_group_array(json_array(c.sha, c.committed_at))
          from (select sha, committed_at from metrics_deployment_commits
            where deployment_id = metrics_deployments.id order by sha) c
        )
        where id in (select deployment_id from metrics_deployment_commits)`,
  );
  await knex.raw(
    `update metrics_deployments set commits = '[]' where commits is null`,
  );
  await knex.schema.dropTable('metrics_deployment_commits');
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  // As migration 20261130170000 left it: no foreign key, no sha index.
  await knex.schema.createTable('metrics_deployment_commits', table => {
    table.comment('The commits each deployment shipped');
    table.bigInteger('deployment_id').notNullable();
    table.string('sha', 64).notNullable();
    table.bigInteger('committed_at').notNullable();
    table.primary(['deployment_id', 'sha']);
  });
  await knex.raw(
    isPg(knex)
      ? `insert into metrics_deployment_commits (deployment_id, sha, committed_at)
        select d.id, c->>0, (c->>1)::bigint
        from metrics_deployments d
        cross join lateral json_array_elements(d.commits::json) c
        where d.commits is not null`
      : `insert into metrics_deployment_commits (deployment_id, sha, committed_at)
        select d.id, json_extract(c.value, '$[0]'), json_extract(c.value, '$[1]')
        from metrics_deployments d, json_each(d.commits) c
        where d.commits is not null`,
  );
  await knex.raw('alter table metrics_deployments drop column commits');
};
