import { mockServices } from '@backstage/backend-test-utils';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import { Knex } from 'knex';
import { OkrStore } from './OkrStore';

const databases = pavedTestDatabases();
const PM = 'user:default/priya.raman';
const OTHER = 'user:default/sam.okafor';
const now = new Date('2026-11-30T10:00:00Z');

const kr = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  metric: 'adoption' as const,
  start: 60,
  target: 75,
  due: '2026-12-31',
  ...extra,
});

// A revision's changes, one row each: [field, key result id, key result title,
// before, after]; id and title null: a change to the objective itself.
const changes = (
  ...rows: Array<[string, string | null, string | null, unknown, unknown]>
) =>
  rows.map(([field, keyResultId, keyResultTitle, before, after]) => ({
    field,
    keyResultId,
    keyResultTitle,
    before,
    after,
  }));

describe.each(databases.eachSupportedId())('OkrStore on %p', id => {
  let store: OkrStore;
  let knex: Knex;

  beforeEach(async () => {
    knex = await databases.init(id);
    store = await OkrStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
  });

  // Objective 'O' in 2026-Q4, created by the PM now.
  const createObjective = (...keyResults: ReturnType<typeof kr>[]) =>
    store.createObjective(
      '2026-Q4',
      { title: 'O', description: '', keyResults },
      PM,
      now,
    );

  it('creates, lists by quarter and keeps key results in order', async () => {
    const created = await store.createObjective(
      '2026-Q4',
      {
        title: 'Golden paths are the easy way',
        description: '',
        keyResults: [
          kr('Adoption to 75%'),
          kr('Ten teams on CI v2', {
            metric: 'manual',
            unit: 'teams',
            start: 2,
            target: 10,
          }),
        ],
      },
      PM,
      now,
    );
    expect(created).toMatchObject({
      quarter: '2026-Q4',
      version: 1,
      createdBy: PM,
      updatedAt: now.toISOString(),
    });
    expect(created.keyResults.map(k => [k.title, k.unit])).toEqual([
      ['Adoption to 75%', null],
      ['Ten teams on CI v2', 'teams'],
    ]);
    expect(await store.listObjectives('2026-Q4')).toEqual([created]);
    expect(await store.listObjectives('2027-Q1')).toEqual([]);
  });

  it('keeps a kept key result with its check-ins and drops removed ones', async () => {
    const created = await createObjective(kr('A'), kr('B'));
    const [a, b] = created.keyResults;
    await store.addCheckIn(a.id, 66, 'first look', PM, now);
    await store.addCheckIn(
      a.id,
      68,
      'after the docs push',
      PM,
      new Date('2026-12-07T10:00:00Z'),
    );
    await store.addCheckIn(b.id, 61, '', PM, now);
    const updated = await store.updateObjective(
      created.id,
      1,
      {
        title: 'O2',
        description: 'why',
        keyResults: [{ ...kr('A renamed'), id: a.id }, kr('C')],
      },
      OTHER,
      now,
    );
    expect(updated.version).toBe(2);
    expect(updated.updatedBy).toBe(OTHER);
    expect(updated.keyResults.map(k => k.title)).toEqual(['A renamed', 'C']);
    expect(updated.keyResults[0].id).toBe(a.id);
    expect(updated.keyResults[0].checkIns.map(c => c.value)).toEqual([68, 66]);
    expect(updated.keyResults[1].checkIns).toEqual([]);
    await expect(store.addCheckIn(b.id, 1, '', PM, now)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('refuses a stale version and a foreign key result id', async () => {
    const created = await createObjective(kr('A'));
    const fields = { title: 'O', description: '', keyResults: [kr('A')] };
    await store.updateObjective(created.id, 1, fields, PM, now);
    await expect(
      store.updateObjective(created.id, 1, fields, OTHER, now),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    await expect(
      store.updateObjective(
        created.id,
        2,
        {
          ...fields,
          keyResults: [
            { ...kr('X'), id: '00000000-0000-4000-8000-000000000000' },
          ],
        },
        PM,
        now,
      ),
    ).rejects.toMatchObject({ name: 'InputError' });
    // The refused edit changed nothing.
    expect((await store.getObjective(created.id)).version).toBe(2);
  });

  it('deletes an objective with everything under it, at its version only', async () => {
    const created = await createObjective(kr('A'));
    await store.addCheckIn(created.keyResults[0].id, 1, '', PM, now);
    await expect(store.deleteObjective(created.id, 2)).rejects.toMatchObject({
      name: 'ConflictError',
    });
    await store.deleteObjective(created.id, 1);
    expect(await store.listObjectives('2026-Q4')).toEqual([]);
    await expect(store.getObjective(created.id)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('records each edit as a revision: who, when, each field before and after', async () => {
    const created = await createObjective(
      kr('A'),
      kr('B', { metric: 'manual', unit: 'teams', start: 2, target: 10 }),
    );
    const [a, b] = created.keyResults;
    expect(await store.history(created.id)).toEqual({
      objectiveId: created.id,
      createdBy: PM,
      createdAt: now.toISOString(),
      revisions: [],
    });

    const later = new Date('2026-12-01T09:30:00Z');
    const second = await store.updateObjective(
      created.id,
      1,
      {
        title: 'O2',
        description: '',
        keyResults: [
          { ...kr('A', { target: 80, due: '2027-01-15' }), id: a.id },
          kr('C', { metric: 'deploymentFrequency', start: 1, target: 2 }),
        ],
      },
      OTHER,
      later,
    );
    const c = second.keyResults[1];
    // Saving without a change bumps the version but records nothing.
    const unchanged = {
      title: 'O2',
      description: '',
      keyResults: second.keyResults.map(k => ({
        id: k.id,
        title: k.title,
        metric: k.metric,
        unit: k.unit,
        start: k.start,
        target: k.target,
        due: k.due,
      })),
    };
    await store.updateObjective(created.id, 2, unchanged, PM, later);
    const last = new Date('2026-12-02T08:00:00Z');
    await store.updateObjective(
      created.id,
      3,
      {
        ...unchanged,
        description: 'why',
        keyResults: [
          {
            ...unchanged.keyResults[1],
            title: 'C weekly',
            metric: 'manual',
            unit: 'deploys',
          },
        ],
      },
      PM,
      last,
    );

    expect(await store.history(created.id)).toEqual({
      objectiveId: created.id,
      createdBy: PM,
      createdAt: now.toISOString(),
      revisions: [
        {
          version: 4,
          changedBy: PM,
          changedAt: last.toISOString(),
          changes: changes(
            ['description', null, null, '', 'why'],
            ['keyResultTitle', c.id, 'C weekly', 'C', 'C weekly'],
            ['metric', c.id, 'C weekly', 'deploymentFrequency', 'manual'],
            ['unit', c.id, 'C weekly', null, 'deploys'],
            ['keyResult', a.id, 'A', 'A', null],
          ),
        },
        {
          version: 2,
          changedBy: OTHER,
          changedAt: later.toISOString(),
          changes: changes(
            ['title', null, null, 'O', 'O2'],
            ['target', a.id, 'A', 75, 80],
            ['due', a.id, 'A', '2026-12-31', '2027-01-15'],
            ['keyResult', c.id, 'C', null, 'C'],
            ['keyResult', b.id, 'B', 'B', null],
          ),
        },
      ],
    });
  });

  it('records nothing for a refused edit, and deletes the history with its objective', async () => {
    const created = await createObjective(kr('A'));
    const edit = { title: 'O2', description: '', keyResults: [kr('A')] };
    await store.updateObjective(created.id, 1, edit, PM, now);
    await expect(
      store.updateObjective(
        created.id,
        1,
        { ...edit, title: 'O3' },
        OTHER,
        now,
      ),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    expect(
      (await store.history(created.id)).revisions.map(r => r.version),
    ).toEqual([2]);
    await expect(
      store.history('00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({ name: 'NotFoundError' });

    await store.deleteObjective(created.id, 2);
    await expect(store.history(created.id)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    const [{ n }] = await knex('health_objective_changes').count({ n: '*' });
    expect(Number(n)).toBe(0);
  });
});
