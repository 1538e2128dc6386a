import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { migrateUpDownUp, pavedTestDatabases } from '@paved/backend-test-utils';

const databases = pavedTestDatabases();
const directory = resolvePackagePath(
  '@paved/plugin-platform-health-backend',
  'migrations',
);

describe.each(databases.eachSupportedId())(
  '@paved/plugin-platform-health-backend migrations on %p',
  id => {
    it('run up, down to nothing, and up again', async () => {
      const knex = await databases.init(id);
      const { up, steps, down, again } = await migrateUpDownUp(knex, directory);
      expect(up).toEqual([
        'health_check_ins',
        'health_key_results',
        'health_objective_changes',
        'health_objectives',
      ]);
      // The edit history goes first, then the OKR tables.
      expect(steps).toEqual([
        ['health_check_ins', 'health_key_results', 'health_objectives'],
        [],
      ]);
      expect(down).toEqual([]);
      expect(again).toEqual(up);
    });
  },
);
