import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import { Knex } from 'knex';
import { connectResearchDatabase } from './migrations';
import { StudyStore } from './StudyStore';

const databases = pavedTestDatabases();

async function tables(knex: Knex, prefix: string): Promise<string[]> {
  const rows =
    knex.client.config.client === 'pg'
      ? (
          await knex.raw(
            `select table_name as name from information_schema.tables
             where table_schema = current_schema() and table_name like ?`,
            [`${prefix}%`],
          )
        ).rows
      : await knex.raw(
          `select name from sqlite_master where type = 'table' and name like ?`,
          [`${prefix}%`],
        );
  return rows.map((r: { name: string }) => r.name).sort();
}

const columns = async (knex: Knex, table: string) =>
  new Set(Object.keys(await knex(table).columnInfo()));

/**
 * Volunteering must never be tied to a survey answer. In production the two plugins
 * have separate databases; here both schemas share one database, the worst case, and
 * we show that no chain of equal columns leads from a volunteer to a single answer.
 */
describe.each(databases.eachSupportedId())(
  'volunteers and survey answers on %p',
  id => {
    it('share no column, and the only bridge reaches a whole campaign, never one answer', async () => {
      const knex = await databases.init(id);
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@paved/plugin-nps-backend',
          'migrations',
        ),
        tableName: 'nps_knex_migrations',
      });
      await connectResearchDatabase(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      const store = new StudyStore(knex);
      await store.setVolunteer('user:default/jonas.weber', '2026-Q4', true);

      // What is stored: the person and the quarter, nothing else.
      const volunteer = await columns(knex, 'research_volunteers');
      expect([...volunteer].sort()).toEqual(['user_ref', 'volunteered_in']);
      expect(await knex('research_volunteers')).toEqual([
        { user_ref: 'user:default/jonas.weber', volunteered_in: '2026-Q4' },
      ]);

      const npsTables = await tables(knex, 'nps_');
      const survey = new Map<string, Set<string>>();
      for (const table of npsTables.filter(t => !t.includes('knex'))) {
        survey.set(table, await columns(knex, table));
      }
      // The tables holding answers (a score or a comment).
      const answers = [...survey].filter(
        ([, cols]) => cols.has('score') || cols.has('comment'),
      );
      expect(answers.length).toBeGreaterThan(0);
      for (const [, cols] of answers) {
        // No column in common with volunteers, so no direct join…
        expect([...cols].filter(c => volunteer.has(c))).toEqual([]);
        // …and an answer carries no person.
        expect(cols.has('user_ref')).toBe(false);
      }
      // Through the person, a volunteer reaches only tables without answers, and those
      // share with the answer tables nothing finer than the campaign.
      const bridges = [...survey].filter(([, cols]) => cols.has('user_ref'));
      for (const [, bridge] of bridges) {
        for (const [, answer] of answers) {
          const shared = [...bridge].filter(c => answer.has(c));
          expect(shared.every(c => c === 'campaign_id')).toBe(true);
        }
      }
      // And no research table names a survey answer or campaign.
      for (const table of await tables(knex, 'research_')) {
        const cols = await columns(knex, table);
        for (const col of [
          'response_id',
          'campaign_id',
          'score',
          'answered_at',
        ]) {
          expect(cols.has(col)).toBe(false);
        }
      }
    });
  },
);
