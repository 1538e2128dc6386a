import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { migrateUpDownUp, pavedTestDatabases } from '@paved/backend-test-utils';

const databases = pavedTestDatabases();
const directory = resolvePackagePath('@paved/plugin-nps-backend', 'migrations');

describe.each(databases.eachSupportedId())(
  '@paved/plugin-nps-backend migrations on %p',
  id => {
    it('run up, down one by one to nothing, and up again', async () => {
      const knex = await databases.init(id);
      const { up, steps, down, again } = await migrateUpDownUp(knex, directory);
      expect(up).toEqual([
        'nps_campaigns',
        'nps_counts',
        'nps_participations',
        'nps_pending_answers',
        'nps_response_themes',
        'nps_responses',
      ]);
      expect(steps).toEqual([
        [
          'nps_campaigns',
          'nps_participations',
          'nps_response_themes',
          'nps_responses',
        ],
        [],
      ]);
      expect(down).toEqual([]);
      expect(again).toEqual(up);
    });
  },
);
