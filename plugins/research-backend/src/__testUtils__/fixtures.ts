import { mockServices } from '@backstage/backend-test-utils';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { RoadmapItemRef, SharedTheme } from '@paved/plugin-research-common';
import { connectResearchDatabase } from '../database/migrations';
import { NoticeStore } from '../database/NoticeStore';
import { PreviewStore } from '../database/PreviewStore';
import { StudyStore } from '../database/StudyStore';
import { Notifier } from '../service/Notifier';
import { Person } from '../service/PeopleDirectory';
import { PreviewService } from '../service/PreviewService';
import { StudyService } from '../service/StudyService';
import { ThemeCatalog } from '../service/ThemeCatalog';

/** The platform PM of the demo organisation. */
export const PM = 'user:default/priya.raman';
/** A developer on Checkout. */
export const DEV = 'user:default/jonas.weber';

/** Roadmap items the fake roadmap knows. */
export const ITEMS = {
  fasterCi: {
    id: '11111111-1111-4111-8111-111111111111',
    title: 'Faster CI for monorepos',
    status: 'building',
  },
  previews: {
    id: '22222222-2222-4222-8222-222222222222',
    title: 'Preview environments for pull requests',
    status: 'alpha',
  },
  databases: {
    id: '33333333-3333-4333-8333-333333333333',
    title: 'Self-service Postgres databases',
    status: 'beta',
  },
};

const person = (
  name: string,
  team: string,
  startDate: string | null,
  displayName: string,
): Person => ({
  userRef: `user:default/${name}`,
  displayName,
  teamRef: `group:default/${team}`,
  teamName: team,
  startDate,
  platform: team === 'platform-team',
});

/** A small organisation: the PM, and developers in three teams with mixed tenure. */
export const PEOPLE: Person[] = [
  person('priya.raman', 'platform-team', '2020-02-01', 'Priya Raman'),
  person('jonas.weber', 'checkout', '2022-05-01', 'Jonas Weber'),
  person('amara.okafor', 'checkout', '2026-09-01', 'Amara Okafor'),
  person('lena.fischer', 'checkout', '2019-01-07', 'Lena Fischer'),
  person('diego.santos', 'fleet-ops', '2026-10-12', 'Diego Santos'),
  person('mei.chen', 'fleet-ops', '2021-03-15', 'Mei Chen'),
  person('omar.haddad', 'routing', '2026-07-20', 'Omar Haddad'),
  person('sofia.rossi', 'routing', '2018-11-05', 'Sofia Rossi'),
  person('zoe.nguyen', 'routing', '2023-06-01', 'Zoe Nguyen'),
];

/** Everything a research test needs, on one test database. */
export async function makeResearch(
  databases: TestDatabases,
  id: TestDatabaseId,
  options: {
    now?: () => Date;
    surveyThemes?: SharedTheme[] | undefined;
    roadmapItems?: RoadmapItemRef[] | undefined;
  } = {},
) {
  const knex = await databases.init(id);
  const db = await connectResearchDatabase(
    mockServices.database({ knex, migrations: { skip: false } }),
  );
  const stores = {
    studies: new StudyStore(db),
    previews: new PreviewStore(db),
    notices: new NoticeStore(db),
  };
  const now = options.now ?? (() => new Date('2026-11-30T12:00:00Z'));
  const sent: Array<{ recipients: any; payload: any }> = [];
  const notifier = new Notifier(stores.notices, {
    logger: mockServices.logger.mock(),
    notifications: { send: async n => void sent.push(n) },
    now,
  });
  const roadmap = {
    items: jest.fn(async () =>
      'roadmapItems' in options
        ? options.roadmapItems
        : Object.values(ITEMS).map(i => ({ ...i })),
    ),
  };
  const themeSource = {
    themes: jest.fn(async () =>
      'surveyThemes' in options
        ? options.surveyThemes
        : [
            { theme: 'ci speed', surveyComments: 14 },
            { theme: 'test environments', surveyComments: 6 },
            { theme: 'docs', surveyComments: 4 },
          ],
    ),
  };
  const people = { people: async () => PEOPLE };
  const themes = new ThemeCatalog(stores.studies, themeSource, ['onboarding']);
  const studies = new StudyService({
    store: stores.studies,
    themes,
    people,
    roadmap,
    notifier,
    inbox: stores.notices,
    now,
  });
  const previews = new PreviewService({
    store: stores.previews,
    themes,
    people,
    roadmap,
    notifier,
    now,
  });
  return {
    knex: db,
    stores,
    studies,
    previews,
    roadmap,
    themeSource,
    sent,
  };
}
