import { pavedTestDatabases } from '@paved/backend-test-utils';
import {
  NoticeStore,
  PreviewStore,
  StudyStore,
} from '@paved/plugin-research-backend';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { loadResearchDemoData, roundRobin } from './demoData';

const databases = pavedTestDatabases();
const teams = [
  'checkout',
  'fleet-ops',
  'routing',
  'customer-apps',
  'data-insights',
];
const people = [
  {
    userRef: 'user:default/priya.raman',
    teamRef: 'group:default/platform-team',
  },
  { userRef: 'user:default/jonas.weber', teamRef: 'group:default/checkout' },
  ...Array.from({ length: 30 }, (_, i) => ({
    userRef: `user:default/person-${String(i).padStart(2, '0')}`,
    teamRef: `group:default/${teams[i % teams.length]}`,
  })),
];
const items = [
  {
    id: '11111111-1111-4111-8111-111111111111',
    title: 'Faster CI for monorepos',
    status: 'building',
  },
  {
    id: '22222222-2222-4222-8222-222222222222',
    title: 'Preview environments for pull requests',
    status: 'alpha',
  },
];

describe.each(databases.eachSupportedId())('research demo data on %p', id => {
  let knex: Awaited<ReturnType<typeof databases.init>>;
  let stores: {
    studies: StudyStore;
    previews: PreviewStore;
    notices: NoticeStore;
  };

  beforeEach(async () => {
    knex = await databases.init(id);
    await knex.migrate.latest({
      directory: resolvePackagePath(
        '@paved/plugin-research-backend',
        'migrations',
      ),
    });
    stores = {
      studies: new StudyStore(knex),
      previews: new PreviewStore(knex),
      notices: new NoticeStore(knex),
    };
  });

  it('waits for the roadmap items, then loads once: a finished study with a public summary, one under way, an open preview', async () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(
      await loadResearchDemoData({ ...stores, items: [], people, now }),
    ).toBe(false);
    expect(await loadResearchDemoData({ ...stores, items, people, now })).toBe(
      true,
    );
    expect(await loadResearchDemoData({ ...stores, items, people, now })).toBe(
      false,
    );

    const studies = await stores.studies.listStudies();
    expect(studies.map(s => [s.quarter, s.status])).toEqual([
      ['2026-Q4', 'under-way'],
      ['2026-Q3', 'finished'],
    ]);
    const [current, finished] = studies;
    expect(finished).toMatchObject({
      accepted: 7,
      declined: 1,
      interviewed: 7,
    });
    expect(current).toMatchObject({
      accepted: 3,
      declined: 1,
      interviewed: 2,
      invited: 6,
    });

    const [summary] = await stores.studies.publishedSummaries();
    expect(summary).toMatchObject({
      title: 'Getting a change to production',
      participants: 7,
    });
    expect(summary.themes[0]).toEqual({ theme: 'ci speed', participants: 4 });
    expect(await stores.studies.itemDemand(items[0].id)).toEqual([
      expect.objectContaining({ quarter: '2026-Q3', participants: 4 }),
    ]);

    // Jonas (the demo developer) has an open invitation and a notice, and is nowhere else.
    const jonas = await stores.studies.invitationsOf(
      'user:default/jonas.weber',
    );
    expect(jonas.map(i => i.status)).toEqual(['invited']);
    expect(new Date(jonas[0].slots[0]) > now).toBe(true);
    expect(await stores.notices.list('user:default/jonas.weber')).toHaveLength(
      1,
    );

    const [preview] = await stores.previews.list('user:default/jonas.weber');
    expect(preview).toMatchObject({
      itemId: items[1].id,
      status: 'open',
      participants: 6,
      feedback: 5,
      joinedByMe: false,
    });
    expect(preview.feedbackByTheme.length).toBeGreaterThanOrEqual(3);
    expect((await stores.studies.volunteers()).size).toBe(3);
    // The platform team interviews; it is never interviewed.
    expect(await knex('research_invitations').pluck('user_ref')).not.toContain(
      'user:default/priya.raman',
    );
  });

  it('replaces an untouched scheduled proposal for the quarter', async () => {
    const now = new Date('2026-11-30T12:00:00Z');
    await stores.studies.insertStudy(
      {
        quarter: '2026-Q4',
        title: 'Developer interviews Q4 2026',
        goal: 8,
        guide: ['x'],
        status: 'proposed',
        scheduleKey: '2026-Q4',
      },
      'research:schedule',
      now,
    );
    await loadResearchDemoData({ ...stores, items, people, now });
    expect((await stores.studies.listStudies()).map(s => s.title)).toEqual([
      'Setting up a new service',
      'Getting a change to production',
    ]);
  });

  it('spreads demo participants over teams and leaves the platform team out', () => {
    const order = roundRobin(people, 'group:default/platform-team');
    expect(order).not.toContain('user:default/priya.raman');
    expect(
      new Set(
        order
          .slice(0, 5)
          .map(ref => people.find(p => p.userRef === ref)!.teamRef),
      ).size,
    ).toBe(5);
  });
});
