import { mockServices } from '@backstage/backend-test-utils';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import { Knex } from 'knex';
import { ComponentSighting, GoldenPathsStore } from './GoldenPathsStore';

const databases = pavedTestDatabases();

const TS = 'template:default/typescript-service';
const REACT = 'template:default/react-web-app';
const LEGACY = 'template:default/legacy-node-service';

function component(
  name: string,
  patch: Partial<ComponentSighting> = {},
): ComponentSighting {
  return {
    entityRef: `component:default/${name}`,
    title: name,
    ownerRef: 'group:default/checkout',
    sourceTemplateRef: null,
    templateVersion: null,
    createdAt: null,
    ...patch,
  };
}

describe.each(databases.eachSupportedId())('GoldenPathsStore on %p', id => {
  let knex: Knex;
  let store: GoldenPathsStore;

  beforeEach(async () => {
    knex = await databases.init(id);
    store = await GoldenPathsStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
  });

  it('counts adoption per quarter and team in SQL, from approved templates only', async () => {
    const now = new Date('2026-11-24T10:00:00Z');
    await store.recordTemplates(
      [
        { templateRef: TS, version: '2.1.0' },
        { templateRef: REACT, version: '1.4.0' },
      ],
      now,
    );
    const at = (iso: string) => new Date(iso);
    await store.recordScan(
      [
        // 2026-Q3: 3 new, 2 from golden paths (checkout 2/2, routing 0/1).
        component('a', {
          sourceTemplateRef: TS,
          createdAt: at('2026-07-01T00:00:00Z'),
        }),
        component('b', {
          sourceTemplateRef: REACT,
          createdAt: at('2026-09-30T23:59:59Z'),
        }),
        component('c', {
          ownerRef: 'group:default/routing',
          sourceTemplateRef: LEGACY,
          createdAt: at('2026-08-15T00:00:00Z'),
        }),
        // 2026-Q4 (boundary: the first second of the quarter), 1 of 2.
        component('d', {
          sourceTemplateRef: TS,
          createdAt: at('2026-10-01T00:00:00Z'),
        }),
        component('e', {
          ownerRef: 'group:default/routing',
          createdAt: at('2026-11-01T00:00:00Z'),
        }),
        // Before Paved, with no creation date: baseline, never counted.
        component('old-service', { sourceTemplateRef: TS }),
      ],
      now,
      true,
    );

    expect(await store.adoptionByQuarter('2026-Q1', '2026-Q4')).toEqual([
      { quarter: '2026-Q3', newComponents: 3, fromGoldenPaths: 2 },
      { quarter: '2026-Q4', newComponents: 2, fromGoldenPaths: 1 },
    ]);
    expect(await store.adoptionByQuarter('2026-Q4', '2026-Q4')).toEqual([
      { quarter: '2026-Q4', newComponents: 2, fromGoldenPaths: 1 },
    ]);
    expect(await store.adoptionByTeam('2026-Q3', '2026-Q4')).toEqual([
      { team: 'group:default/checkout', newComponents: 3, fromGoldenPaths: 3 },
      { team: 'group:default/routing', newComponents: 2, fromGoldenPaths: 0 },
    ]);

    // The follow-up list: newest first, with the unapproved template named.
    const offPath = await store.offPath(10);
    expect(
      offPath.map(c => [c.entityRef, c.sourceTemplateRef, c.quarter]),
    ).toEqual([
      ['component:default/e', null, '2026-Q4'],
      ['component:default/c', LEGACY, '2026-Q3'],
    ]);
    expect(await store.offPath(1)).toHaveLength(1);
  });

  it('keeps first-seen and baseline, follows owner changes, and notes removals', async () => {
    const first = new Date('2026-10-05T08:00:00Z');
    await store.recordScan([component('pre-existing')], first, true);
    expect(await store.firstScanAt()).toEqual(first);

    const later = new Date('2026-11-02T08:00:00Z');
    await store.recordScan(
      [
        component('pre-existing', { ownerRef: 'group:default/routing' }),
        component('brand-new'),
      ],
      later,
      false,
    );
    // Only the one created after Paved started counts, in the quarter it was first seen.
    expect(await store.adoptionByQuarter('2026-Q4', '2026-Q4')).toEqual([
      { quarter: '2026-Q4', newComponents: 1, fromGoldenPaths: 0 },
    ]);
    expect(await store.adoptionByTeam('2026-Q4', '2026-Q4')).toEqual([
      { team: 'group:default/checkout', newComponents: 1, fromGoldenPaths: 0 },
    ]);
    const [row] = await store.offPath(5);
    expect(row.firstSeenAt).toBe(later.toISOString());

    // brand-new is deleted from the catalog: it was still created in Q4.
    const latest = new Date('2026-11-20T08:00:00Z');
    await store.recordScan([component('pre-existing')], latest, false);
    expect(await store.adoptionByQuarter('2026-Q4', '2026-Q4')).toEqual([
      { quarter: '2026-Q4', newComponents: 1, fromGoldenPaths: 0 },
    ]);
    expect(await store.offPath(5)).toEqual([]);
  });

  it('still counts the services of a template that is no longer approved', async () => {
    const now = new Date('2026-11-24T10:00:00Z');
    await store.recordTemplates([{ templateRef: TS, version: '1.0.0' }], now);
    await store.recordScan(
      [component('x', { sourceTemplateRef: TS, createdAt: now })],
      now,
      false,
    );
    await store.recordTemplates([], new Date('2026-11-25T10:00:00Z'));
    expect(await store.adoptionByQuarter('2026-Q4', '2026-Q4')).toEqual([
      { quarter: '2026-Q4', newComponents: 1, fromGoldenPaths: 1 },
    ]);
    const rows = await knex('golden_path_templates').select('approved');
    expect(rows.map(r => Boolean(r.approved))).toEqual([false]);
  });

  it('lists and counts the services created from a template', async () => {
    const now = new Date('2026-11-24T10:00:00Z');
    await store.recordScan(
      [
        component('one', {
          sourceTemplateRef: TS,
          templateVersion: '1.0.0',
          createdAt: new Date('2025-02-01T00:00:00Z'),
        }),
        component('two', {
          sourceTemplateRef: TS,
          templateVersion: '2.1.0',
          createdAt: new Date('2026-09-01T00:00:00Z'),
        }),
        component('three', { sourceTemplateRef: REACT, createdAt: now }),
      ],
      now,
      false,
    );
    const services = await store.servicesFrom(TS);
    expect(services.map(s => [s.entityRef, s.templateVersion])).toEqual([
      ['component:default/two', '2.1.0'],
      ['component:default/one', '1.0.0'],
    ]);
    expect(await store.servicesCreated([TS, REACT, LEGACY])).toEqual(
      new Map([
        [TS, 2],
        [REACT, 1],
      ]),
    );
  });

  it('records each run once and computes run counts and medians in SQL', async () => {
    const start = new Date('2026-11-01T10:00:00Z');
    const run = (
      taskId: string,
      templateRef: string,
      status: 'completed' | 'failed' | 'cancelled',
      seconds: number,
    ) =>
      store.recordRun({
        taskId,
        templateRef,
        templateVersion: '2.1.0',
        teamRef: 'group:default/checkout',
        status,
        startedAt: start,
        finishedAt: new Date(start.getTime() + seconds * 1000),
        createdEntityRef: null,
      });
    // TS: completed 30, 10, 20, 40 s → median (20 + 30) / 2 = 25 s.
    await run('t1', TS, 'completed', 30);
    await run('t2', TS, 'completed', 10);
    await run('t3', TS, 'completed', 20);
    await run('t4', TS, 'completed', 40);
    await run('t5', TS, 'failed', 5);
    await run('t5', TS, 'completed', 999); // already recorded: ignored
    // REACT: odd count 7, 9, 100 → 9 s; cancelled runs are not durations.
    await run('r1', REACT, 'completed', 100);
    await run('r2', REACT, 'completed', 7);
    await run('r3', REACT, 'completed', 9);
    await run('r4', REACT, 'cancelled', 1);

    const stats = await store.runStats([TS, REACT, LEGACY]);
    expect(stats.get(TS)).toEqual({
      completed: 4,
      failed: 1,
      cancelled: 0,
      medianDurationMs: 25_000,
    });
    expect(stats.get(REACT)).toEqual({
      completed: 3,
      failed: 0,
      cancelled: 1,
      medianDurationMs: 9_000,
    });
    expect(stats.has(LEGACY)).toBe(false);
    expect(await store.recordedRuns(['t1', 'nope', 'r4'])).toEqual(
      new Set(['t1', 'r4']),
    );
  });
});
