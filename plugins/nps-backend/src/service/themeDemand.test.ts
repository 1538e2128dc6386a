import { pavedTestDatabases } from '@paved/backend-test-utils';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { npsFixture } from '../__testUtils__/fixtures';
import { NpsStore } from '../database/NpsStore';
import { NpsServices } from '.';

const databases = pavedTestDatabases();

// An item's demand per campaign (`GET /theme-demand`): visible comments carrying
// any of its themes, each once; a count under k (minGroupSize, 5 by default) is
// not given, but the campaign is still listed as suppressed.
describe.each(databases.eachSupportedId())(
  'NPS theme demand per campaign on %p',
  databaseId => {
    let knex: Knex;
    let store: NpsStore;
    let services: NpsServices;
    const q1 = randomUUID();
    const q2 = randomUUID();
    const q3 = randomUUID();
    const q4 = randomUUID();

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const fixture = await npsFixture(knex);
      ({ store, services } = fixture);
      const { campaign, comments } = fixture;
      // Inserted newest first: the order comes from opens_at, not insertion.
      await campaign(q4, 'Platform NPS Q4 2026', '2026-10-01T09:00:00Z');
      await campaign(q3, 'Platform NPS Q3 2026', '2026-07-01T09:00:00Z');
      await campaign(q2, 'Platform NPS Q2 2026', '2026-04-01T09:00:00Z');
      await campaign(q1, 'Platform NPS Q1 2026', '2026-01-08T09:00:00Z');
      // Q1: 7 comments, none visible yet: not counted, so Q1 is not listed.
      await comments(q1, 7, ['ci speed'], false);
      // Q2: only themes not asked for.
      await comments(q2, 20, ['docs']);
      // Q3: 3 + 2 = exactly k (the 2 carry both asked themes, counted once).
      await comments(q3, 3, ['ci speed']);
      await comments(q3, 2, ['ci speed', 'flaky tests']);
      await comments(q3, 9, ['docs']);
      // Q4: k - 1 visible; 6 more not visible yet (10 if they counted).
      await comments(q4, 4, ['flaky tests']);
      await comments(q4, 6, ['ci speed'], false);
    });

    const asked = ['ci speed', 'flaky tests'];

    it('counts visible comments only, each once, per campaign, oldest first', async () => {
      expect(await store.themeDemand(asked)).toEqual([
        {
          campaignId: q3,
          title: 'Platform NPS Q3 2026',
          opensAt: new Date('2026-07-01T09:00:00Z'),
          comments: 5,
        },
        {
          campaignId: q4,
          title: 'Platform NPS Q4 2026',
          opensAt: new Date('2026-10-01T09:00:00Z'),
          comments: 4,
        },
      ]);
    });

    it('gives exactly k, and suppresses k - 1 without dropping the campaign', async () => {
      expect(await services.comments.themeDemand(asked)).toEqual({
        minGroupSize: 5,
        items: [
          {
            campaignId: q3,
            title: 'Platform NPS Q3 2026',
            opensAt: '2026-07-01T09:00:00.000Z',
            suppressed: false,
            comments: 5,
          },
          {
            campaignId: q4,
            title: 'Platform NPS Q4 2026',
            opensAt: '2026-10-01T09:00:00.000Z',
            suppressed: true,
            comments: null,
          },
        ],
      });
      // One theme alone: Q3 has 5 'ci speed', Q4's 'ci speed' are all hidden.
      expect((await services.comments.themeDemand(['ci speed'])).items).toEqual(
        [expect.objectContaining({ campaignId: q3, comments: 5 })],
      );
      // 2 'flaky tests' in Q3, 4 in Q4: both suppressed.
      expect(
        (await services.comments.themeDemand(['flaky tests'])).items.map(c => [
          c.campaignId,
          c.suppressed,
          c.comments,
        ]),
      ).toEqual([
        [q3, true, null],
        [q4, true, null],
      ]);
      expect(await services.comments.themeDemand(['never tagged'])).toEqual({
        minGroupSize: 5,
        items: [],
      });
    });

    it('applies a configured k', async () => {
      const { services: lenient } = await npsFixture(knex, {
        migrate: false,
        nps: { minGroupSize: 4 },
      });
      const result = await lenient.comments.themeDemand(asked);
      expect(result.minGroupSize).toBe(4);
      expect(result.items.map(c => c.comments)).toEqual([5, 4]);
      const { services: strict } = await npsFixture(knex, {
        migrate: false,
        nps: { minGroupSize: 6 },
      });
      expect(
        (await strict.comments.themeDemand(asked)).items.map(c => c.suppressed),
      ).toEqual([true, true]);
    });
  },
);
