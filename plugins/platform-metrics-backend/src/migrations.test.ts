import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { migrateUpDownUp, pavedTestDatabases } from '@paved/backend-test-utils';

const databases = pavedTestDatabases();
const directory = resolvePackagePath(
  '@paved/plugin-platform-metrics-backend',
  'migrations',
);

const init = [
  'metrics_catalog_syncs',
  'metrics_classifications',
  'metrics_commit_shipments',
  'metrics_deployment_commits',
  'metrics_deployments',
  'metrics_incidents',
  'metrics_people',
  'metrics_release_markers',
  'metrics_services',
];
const rollups = ['metrics_daily', 'metrics_lead_time_daily'];
const revision = ['metrics_revision'];

describe.each(databases.eachSupportedId())(
  '@paved/plugin-platform-metrics-backend migrations on %p',
  id => {
    it('run up, down one by one to nothing, and up again', async () => {
      const knex = await databases.init(id);
      const { up, steps, down, again } = await migrateUpDownUp(knex, directory);
      const latest = [...init, ...rollups, ...revision]
        .filter(t => t !== 'metrics_deployment_commits')
        .sort();
      expect(up).toEqual(latest);
      // Down once: the revision goes; then the commits table is back; then
      // the daily rollups (and their triggers) go; then everything.
      expect(steps).toEqual([
        latest.filter(t => t !== 'metrics_revision'),
        [...init, ...rollups].sort(),
        init,
        [],
      ]);
      expect(down).toEqual([]);
      expect(again).toEqual(up);
    });

    it('moves commits from their table into the deployment row and back', async () => {
      const knex = await databases.init(id);
      await knex.migrate.up({ directory });
      await knex.migrate.up({ directory });
      const deployment = (externalId: string) => ({
        source: 'ci',
        external_id: externalId,
        service_ref: 'component:default/a',
        environment: 'production',
        status: 'success',
        reached_production: true,
        started_at: 1000,
        finished_at: 2000,
        rework: false,
        commit_count: 0,
        content_hash: externalId,
        received_at: 3000,
      });
      await knex('metrics_deployments').insert([
        deployment('with'),
        deployment('without'),
      ]);
      const row = await knex('metrics_deployments')
        .where('external_id', 'with')
        .first('id');
      const deploymentId = Number(row.id);
      const commits = [
        { deployment_id: deploymentId, sha: 'bbbbbbb', committed_at: 900 },
        { deployment_id: deploymentId, sha: 'aaaaaaa', committed_at: 1_500 },
      ];
      await knex('metrics_deployment_commits').insert(commits);

      await knex.migrate.up({ directory });
      expect(
        (
          await knex('metrics_deployments')
            .orderBy('external_id')
            .select('external_id', 'commits')
        ).map(r => [r.external_id, JSON.parse(r.commits)]),
      ).toEqual([
        [
          'with',
          [
            ['aaaaaaa', 1_500],
            ['bbbbbbb', 900],
          ],
        ],
        ['without', []],
      ]);

      await knex.migrate.down({ directory });
      expect(
        (await knex('metrics_deployment_commits').orderBy('sha')).map(r => ({
          ...r,
          deployment_id: Number(r.deployment_id),
          committed_at: Number(r.committed_at),
        })),
      ).toEqual([...commits].reverse());
      const columns = await knex('metrics_deployments').columnInfo();
      expect(Object.keys(columns)).not.toContain('commits');
    });
  },
);
