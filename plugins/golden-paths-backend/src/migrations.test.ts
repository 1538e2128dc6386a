import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { migrateUpDownUp, pavedTestDatabases } from '@paved/backend-test-utils';

const databases = pavedTestDatabases();
const directory = resolvePackagePath(
  '@paved/plugin-golden-paths-backend',
  'migrations',
);

describe.each(databases.eachSupportedId())(
  '@paved/plugin-golden-paths-backend migrations on %p',
  id => {
    it('run up, down one by one to nothing, and up again', async () => {
      const knex = await databases.init(id);
      const { up, steps, down, again } = await migrateUpDownUp(knex, directory);
      expect(up).toEqual([
        'golden_path_components',
        'golden_path_runs',
        'golden_path_scans',
        'golden_path_templates',
      ]);
      expect(steps).toEqual([[]]);
      expect(down).toEqual([]);
      expect(again).toEqual(up);
    });
  },
);
