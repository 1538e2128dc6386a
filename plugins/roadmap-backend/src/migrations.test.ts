import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { migrateUpDownUp, pavedTestDatabases } from '@paved/backend-test-utils';

const databases = pavedTestDatabases();
const directory = resolvePackagePath(
  '@paved/plugin-roadmap-backend',
  'migrations',
);

describe.each(databases.eachSupportedId())(
  '@paved/plugin-roadmap-backend migrations on %p',
  id => {
    it('run up, down one by one to nothing, and up again', async () => {
      const knex = await databases.init(id);
      const { up, steps, down, again } = await migrateUpDownUp(knex, directory);
      expect(up).toEqual([
        'roadmap_item_history',
        'roadmap_item_themes',
        'roadmap_items',
        'roadmap_notifications',
        'roadmap_subscriptions',
        'roadmap_visits',
        'roadmap_votes',
      ]);
      expect(steps).toEqual([
        [
          'roadmap_item_history',
          'roadmap_items',
          'roadmap_notifications',
          'roadmap_subscriptions',
          'roadmap_visits',
          'roadmap_votes',
        ],
        [
          'roadmap_item_history',
          'roadmap_items',
          'roadmap_subscriptions',
          'roadmap_votes',
        ],
        [],
      ]);
      expect(down).toEqual([]);
      expect(again).toEqual(up);
    });
  },
);
