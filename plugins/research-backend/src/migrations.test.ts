import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { migrateUpDownUp, pavedTestDatabases } from '@paved/backend-test-utils';

const databases = pavedTestDatabases();
const directory = resolvePackagePath(
  '@paved/plugin-research-backend',
  'migrations',
);

const studies = [
  'research_interview_notes',
  'research_invitations',
  'research_notices',
  'research_observations',
  'research_studies',
  'research_volunteers',
];
const previews = [
  'research_feedback_themes',
  'research_preview_feedback',
  'research_preview_participants',
  'research_previews',
];

describe.each(databases.eachSupportedId())(
  '@paved/plugin-research-backend migrations on %p',
  id => {
    it('run up, down one by one to nothing, and up again', async () => {
      const knex = await databases.init(id);
      const { up, steps, down, again } = await migrateUpDownUp(knex, directory);
      expect(up).toEqual([...studies, ...previews].sort());
      // Down once: the previews' tables go, the studies' stay; then nothing.
      expect(steps).toEqual([studies, []]);
      expect(down).toEqual([]);
      expect(again).toEqual(up);
    });
  },
);
