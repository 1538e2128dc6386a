import { pavedTestDatabases } from '@paved/backend-test-utils';
import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { npsFixture } from '../__testUtils__/fixtures';
import { NpsServices } from '.';

const databases = pavedTestDatabases();

// The top themes the roadmap asks for: per theme, its newest campaign with any
// comments; counts under k (minGroupSize, 5 by default) are never shown.
describe.each(databases.eachSupportedId())(
  'NPS latest theme demand on %p',
  databaseId => {
    let knex: Knex;
    let services: NpsServices;
    const q3 = randomUUID();
    const q4 = randomUUID();

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      const fixture = await npsFixture(knex);
      services = fixture.services;
      const { campaign, comments } = fixture;
      await campaign(q3, 'Platform NPS Q3 2026', '2026-07-01T09:00:00Z');
      await campaign(q4, 'Platform NPS Q4 2026', '2026-10-01T09:00:00Z');
      // ci speed: 9 in Q3, 6 in Q4 (4 of them also tagged observability).
      await comments(q3, 9, ['ci speed']);
      await comments(q4, 2, ['ci speed']);
      await comments(q4, 4, ['ci speed', 'observability']);
      // observability: those 4 + 2 more = 6 in Q4.
      await comments(q4, 2, ['observability']);
      // docs: 7 in Q3 but 4 in Q4, its newest campaign: hidden, no fallback.
      await comments(q3, 7, ['docs']);
      await comments(q4, 4, ['docs']);
      // flaky tests: exactly k, in Q3 only.
      await comments(q3, 5, ['flaky tests']);
      // onboarding: exactly k published in Q4; 3 more not yet published.
      await comments(q4, 5, ['onboarding']);
      await comments(q4, 3, ['onboarding'], false);
      // Not asked for, however many.
      await comments(q4, 20, ['unlinked']);
    });

    const asked = [
      'ci speed',
      'observability',
      'docs',
      'flaky tests',
      'onboarding',
      'never tagged',
    ];

    it('ranks each asked theme by its comments in its newest campaign, k and more only', async () => {
      expect(await services.comments.latestThemeDemand(asked, 10)).toEqual({
        minGroupSize: 5,
        items: [
          {
            theme: 'ci speed',
            campaignId: q4,
            title: 'Platform NPS Q4 2026',
            opensAt: '2026-10-01T09:00:00.000Z',
            comments: 6,
          },
          {
            theme: 'observability',
            campaignId: q4,
            title: 'Platform NPS Q4 2026',
            opensAt: '2026-10-01T09:00:00.000Z',
            comments: 6,
          },
          {
            theme: 'flaky tests',
            campaignId: q3,
            title: 'Platform NPS Q3 2026',
            opensAt: '2026-07-01T09:00:00.000Z',
            comments: 5,
          },
          {
            theme: 'onboarding',
            campaignId: q4,
            title: 'Platform NPS Q4 2026',
            opensAt: '2026-10-01T09:00:00.000Z',
            comments: 5,
          },
        ],
      });
    });

    it('returns at most `limit`, and nothing for themes no one commented on', async () => {
      const top2 = await services.comments.latestThemeDemand(asked, 2);
      expect(top2.items.map(t => [t.theme, t.comments])).toEqual([
        ['ci speed', 6],
        ['observability', 6],
      ]);
      expect(
        (await services.comments.latestThemeDemand(['never tagged'], 5)).items,
      ).toEqual([]);
    });

    it('applies a configured k', async () => {
      const { services: strict } = await npsFixture(knex, {
        migrate: false,
        nps: { minGroupSize: 6 },
      });
      const result = await strict.comments.latestThemeDemand(asked, 10);
      expect(result.minGroupSize).toBe(6);
      expect(result.items.map(t => t.theme)).toEqual([
        'ci speed',
        'observability',
      ]);
    });
  },
);
