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

describe.each(databases.eachSupportedId())(
  '@paved/plugin-platform-metrics-backend migrations on %p',
  id => {
    it('run up, down one by one to nothing, and up again', async () => {
      const knex = await databases.init(id);
      const { up, steps, down, again } = await migrateUpDownUp(knex, directory);
      expect(up).toEqual([...init, ...rollups].sort());
      // Down once: the daily rollups (and their triggers) go; then everything.
      expect(steps).toEqual([init, []]);
      expect(down).toEqual([]);
      expect(again).toEqual(up);
    });
  },
);
