import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import { GoldenPathsStore } from '../database/GoldenPathsStore';
import { CatalogScanner } from './CatalogScanner';
import { GoldenPathsService } from './GoldenPathsService';
import {
  RunRecorder,
  ScaffolderTask,
  ScaffolderTaskEvent,
  ScaffolderTasks,
} from './RunRecorder';

const databases = pavedTestDatabases();
const credentials = mockCredentials.user('user:default/jonas.weber');

const template = (
  name: string,
  annotations: Record<string, string>,
  spec: object = {},
): Entity => ({
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: {
    name,
    namespace: 'default',
    title: name,
    annotations,
    tags: ['node'],
  },
  spec: { owner: 'group:default/platform-team', type: 'service', ...spec },
});

const TS_PATH = template(
  'typescript-service',
  {
    'paved.dev/golden-path': 'true',
    'paved.dev/golden-path-version': '2.1.0',
    'paved.dev/golden-path-guide': '# Guide',
    'backstage.io/time-saved': 'PT6H',
  },
  { lifecycle: 'production' },
);
const UNAPPROVED = template('legacy-node-service', {});

const component = (
  name: string,
  owner: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', owner, lifecycle: 'production' },
});

const user: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'jonas.weber', namespace: 'default' },
  spec: {},
  relations: [
    { type: 'memberOf', targetRef: 'group:default/checkout' },
    { type: 'memberOf', targetRef: 'group:default/guild-frontend' },
  ],
};

/** The Scaffolder's task list as a fake: what GET /v2/tasks would return. */
class FakeTasks implements ScaffolderTasks {
  tasks: ScaffolderTask[] = [];
  events = jest.fn(async (taskId: string): Promise<ScaffolderTaskEvent[]> => {
    const task = this.tasks.find(t => t.id === taskId)!;
    const finished = new Date(new Date(task.createdAt).getTime() + 42_000);
    const failedStep = this.failedAt.get(taskId);
    return [
      { type: 'log', createdAt: task.createdAt, body: { message: 'start' } },
      ...(failedStep
        ? [
            {
              type: 'log',
              createdAt: task.createdAt,
              body: { stepId: failedStep, status: 'failed', message: 'no' },
            },
          ]
        : []),
      {
        type: 'completion',
        createdAt: finished.toISOString(),
        body:
          task.status === 'completed'
            ? { output: { entityRef: `component:default/${taskId}-svc` } }
            : { error: { message: 'boom' } },
      },
    ];
  });
  /** Task id → the step it failed at. */
  failedAt = new Map<string, string>();
  async list(offset: number, limit: number) {
    return [...this.tasks]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(offset, offset + limit);
  }
  add(
    id: string,
    status: string,
    createdAt: string,
    templateRef = 'template:default/typescript-service',
  ) {
    this.tasks.push({
      id,
      status,
      createdAt,
      createdBy: 'user:default/jonas.weber',
      spec: {
        steps: [
          { id: 'check-name', action: 'paved:component:check-name' },
          { id: 'fetch', action: 'fetch:template' },
          { id: 'publish', action: 'paved:publish:local' },
        ],
        templateInfo: {
          entityRef: templateRef,
          entity: {
            metadata: {
              annotations: { 'paved.dev/golden-path-version': '2.0.0' },
            },
          },
        },
      },
    });
  }
}

describe.each(databases.eachSupportedId())('golden paths on %p', id => {
  let store: GoldenPathsStore;

  beforeEach(async () => {
    const knex = await databases.init(id);
    store = await GoldenPathsStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
  });

  function scannerFor(entities: Entity[], now: Date, baselineWindowMs = 0) {
    return new CatalogScanner({
      store,
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      settings: { baselineWindowMs },
      now: () => now,
    });
  }

  // The service over the store, with `entities` in the catalog, at `now`.
  function serviceFor(entities: Entity[], now?: Date) {
    return new GoldenPathsService(
      store,
      catalogServiceMock({ entities }),
      now && (() => now),
    );
  }

  it('scans the catalog: history counts by its creation date, the rest from when first seen', async () => {
    const before = [
      TS_PATH,
      UNAPPROVED,
      // Imported history, created from the golden path in 2026-Q2.
      component('orders-api', 'checkout', {
        'backstage.io/source-template': 'template:default/typescript-service',
        'paved.dev/golden-path-version': '1.4.0',
        'paved.dev/created-at': '2026-05-04T09:00:00Z',
      }),
      // There before Paved, no date: the baseline.
      component('monolith', 'group:default/checkout'),
    ];
    const first = new Date('2026-10-02T08:00:00Z');
    expect(await scannerFor(before, first).scan()).toEqual({
      components: 2,
      templates: 1,
    });

    // A week later: one service from the path, one from an old template.
    const later = new Date('2026-10-09T08:00:00Z');
    await scannerFor(
      [
        ...before,
        component('tracking-api', 'routing', {
          'backstage.io/source-template': 'typescript-service',
          'paved.dev/golden-path-version': '2.1.0',
        }),
        component('label-printer', 'routing', {
          'backstage.io/source-template':
            'template:default/legacy-node-service',
        }),
      ],
      later,
    ).scan();

    const service = serviceFor([], later);
    const trend = await service.adoptionTrend('2026-Q2', '2026-Q4');
    expect(trend.goal).toBe(0.8);
    expect(
      trend.quarters.map(q => [q.quarter, q.newComponents, q.fromGoldenPaths]),
    ).toEqual([
      ['2026-Q2', 1, 1],
      ['2026-Q3', 0, 0],
      ['2026-Q4', 2, 1],
    ]);
    expect(trend.quarters[1].adoption).toBeNull();
    expect(trend.quarters[2].adoption!.rate).toBe(0.5);

    const teams = await service.adoptionByTeam('2026-Q1', '2026-Q4');
    expect(
      teams.teams.map(t => [t.team, t.newComponents, t.fromGoldenPaths]),
    ).toEqual([
      ['group:default/routing', 2, 1],
      ['group:default/checkout', 1, 1],
    ]);
    expect(
      (await service.offPath()).map(s => [s.entityRef, s.sourceTemplate]),
    ).toEqual([
      [
        'component:default/label-printer',
        'template:default/legacy-node-service',
      ],
    ]);
  });

  it('counts adoption per month in SQL, each component in the month (UTC) of its creation', async () => {
    const created = (name: string, at: string, sourceTemplate: string | null) =>
      component(name, 'checkout', {
        ...(sourceTemplate
          ? { 'backstage.io/source-template': sourceTemplate }
          : {}),
        'paved.dev/created-at': at,
      });
    const PATH = 'template:default/typescript-service';
    const LEGACY = 'template:default/legacy-node-service';
    const now = new Date('2026-11-24T10:00:00Z');
    await scannerFor(
      [
        TS_PATH,
        UNAPPROVED,
        // The last millisecond of August and the first of September.
        created('aug-last', '2026-08-31T23:59:59.999Z', PATH),
        created('sep-first', '2026-09-01T00:00:00.000Z', PATH),
        created('sep-legacy', '2026-09-15T12:00:00Z', LEGACY),
        created('oct-none', '2026-10-31T23:00:00Z', null),
        created('nov-path', '2026-11-02T09:00:00Z', PATH),
        created('nov-none', '2026-11-20T09:00:00Z', null),
      ],
      now,
    ).scan();
    const service = serviceFor([], now);
    const trend = await service.adoptionByMonth('2026-07', '2026-12');
    expect(trend.goal).toBe(0.8);
    expect(
      trend.months.map(m => [m.month, m.newComponents, m.fromGoldenPaths]),
    ).toEqual([
      ['2026-07', 0, 0],
      ['2026-08', 1, 1],
      ['2026-09', 2, 1],
      ['2026-10', 1, 0],
      ['2026-11', 2, 1],
      ['2026-12', 0, 0],
    ]);
    expect(trend.months[0].adoption).toBeNull();
    // 1 of 2: Wilson 95% interval 0.0945 to 0.9055 (to four places).
    expect(trend.months[2].adoption!.rate).toBe(0.5);
    expect(trend.months[2].adoption!.low).toBeCloseTo(0.0945, 4);
    expect(trend.months[2].adoption!.high).toBeCloseTo(0.9055, 4);
    expect(trend.months[3].adoption).toEqual({
      rate: 0,
      low: 0,
      high: expect.any(Number),
    });
    // The months add up to their quarters.
    const quarters = await service.adoptionTrend('2026-Q3', '2026-Q4');
    expect(
      quarters.quarters.map(q => [
        q.quarter,
        q.newComponents,
        q.fromGoldenPaths,
      ]),
    ).toEqual([
      ['2026-Q3', 3, 2],
      ['2026-Q4', 3, 1],
    ]);
    // By default the last six months, this one included.
    expect((await service.adoptionByMonth()).months.map(m => m.month)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(
      (await service.adoptionByMonth(undefined, '2026-09')).months.map(
        m => m.month,
      ),
    ).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    // At most 36 months: 2024-01 to 2026-12 is 36, one more is refused.
    expect(
      (await service.adoptionByMonth('2024-01', '2026-12')).months,
    ).toHaveLength(36);
    await expect(service.adoptionByMonth('2023-12', '2026-12')).rejects.toThrow(
      'A window is at most 36 months; 2023-12 to 2026-12 is longer',
    );
  });

  it('treats components first seen within the baseline window as pre-existing', async () => {
    const first = new Date('2026-10-02T08:00:00Z');
    await scannerFor([component('a', 'checkout')], first, 3_600_000).scan();
    await scannerFor(
      [component('a', 'checkout'), component('b', 'checkout')],
      new Date(first.getTime() + 30 * 60_000),
      3_600_000,
    ).scan();
    await scannerFor(
      [
        component('a', 'checkout'),
        component('b', 'checkout'),
        component('c', 'checkout'),
      ],
      new Date(first.getTime() + 2 * 3_600_000),
      3_600_000,
    ).scan();
    expect(await store.adoptionByQuarter('2026-Q4', '2026-Q4')).toEqual([
      { quarter: '2026-Q4', newComponents: 1, fromGoldenPaths: 0 },
    ]);
  });

  it('serves a path with its runs, services and outdated versions; 404 for anything else', async () => {
    const now = new Date('2026-11-24T10:00:00Z');
    const entities = [
      TS_PATH,
      UNAPPROVED,
      component('orders-api', 'checkout', {
        'backstage.io/source-template': 'template:default/typescript-service',
        'paved.dev/golden-path-version': '1.4.0',
        'paved.dev/created-at': '2025-05-04T09:00:00Z',
      }),
      component('tracking-api', 'routing', {
        'backstage.io/source-template': 'template:default/typescript-service',
        'paved.dev/golden-path-version': '2.1.0',
        'paved.dev/created-at': '2026-11-04T09:00:00Z',
      }),
    ];
    await scannerFor(entities, now).scan();
    const run = (
      taskId: string,
      status: 'completed' | 'failed',
      seconds: number,
      createdEntityRef: string | null,
    ) =>
      store.recordRun({
        taskId,
        templateRef: 'template:default/typescript-service',
        templateVersion: '2.1.0',
        teamRef: 'group:default/checkout',
        status,
        startedAt: new Date(now.getTime() - seconds * 1000),
        finishedAt: now,
        createdEntityRef,
      });
    await run('t1', 'failed', 20, null);
    await run('t2', 'completed', 60, 'component:default/orders-api');
    await run('t3', 'completed', 100, 'component:default/tracking-api');

    const service = serviceFor(entities, now);
    const [path] = await service.listPaths(credentials);
    expect(path).toMatchObject({
      templateRef: 'template:default/typescript-service',
      title: 'typescript-service',
      owner: 'group:default/platform-team',
      lifecycle: 'production',
      version: '2.1.0',
      timeSaved: 'PT6H',
      guide: '# Guide',
      tags: ['node'],
      servicesCreated: 2,
    });
    expect(path.runs).toMatchObject({
      completed: 2,
      failed: 1,
      successRate: 2 / 3,
      medianDurationMs: 80_000,
    });

    const detail = await service.getPath(
      'default',
      'typescript-service',
      credentials,
    );
    expect(
      detail.services.map(s => [s.entityRef, s.templateVersion, s.outdated]),
    ).toEqual([
      ['component:default/tracking-api', '2.1.0', false],
      ['component:default/orders-api', '1.4.0', true],
    ]);
    await expect(
      service.getPath('default', 'legacy-node-service', credentials),
    ).rejects.toThrow(
      'template:default/legacy-node-service is not an approved golden path',
    );
    await expect(
      service.getPath('default', 'nope', credentials),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('refuses windows longer than ten years', async () => {
    const service = serviceFor([]);
    await expect(
      service.adoptionTrend('2000-Q1', '2026-Q4'),
    ).rejects.toMatchObject({
      name: 'InputError',
    });
  });

  it('records each finished run once, with the team, duration and created entity', async () => {
    const tasks = new FakeTasks();
    tasks.add('t1', 'completed', '2026-11-20T10:00:00.000Z');
    tasks.add('t2', 'failed', '2026-11-20T11:00:00.000Z');
    tasks.add('t3', 'processing', '2026-11-20T12:00:00.000Z');
    tasks.add(
      't4',
      'completed',
      '2026-11-20T13:00:00.000Z',
      'template:default/legacy-node-service',
    );
    const recorder = new RunRecorder({
      store,
      tasks,
      catalog: catalogServiceMock({ entities: [user] }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    });
    expect(await recorder.sync()).toBe(3);
    expect(await recorder.sync()).toBe(0);

    // t3 finishes while the recorder is down; the next pass picks it up.
    tasks.tasks.find(t => t.id === 't3')!.status = 'completed';
    expect(await recorder.sync()).toBe(1);

    const stats = await store.runStats([
      'template:default/typescript-service',
      'template:default/legacy-node-service',
    ]);
    expect(stats.get('template:default/typescript-service')).toEqual({
      completed: 2,
      failed: 1,
      cancelled: 0,
      medianDurationMs: 42_000,
    });
    expect(stats.get('template:default/legacy-node-service')?.completed).toBe(
      1,
    );
  });

  it('records a run refused at the name check, but does not count it as a failed run', async () => {
    const tasks = new FakeTasks();
    tasks.add('ok', 'completed', '2026-11-20T10:00:00.000Z');
    tasks.add('taken', 'failed', '2026-11-20T11:00:00.000Z');
    tasks.failedAt.set('taken', 'check-name');
    tasks.add('broken', 'failed', '2026-11-20T12:00:00.000Z');
    tasks.failedAt.set('broken', 'publish');
    const recorder = new RunRecorder({
      store,
      tasks,
      catalog: catalogServiceMock({ entities: [user] }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    });
    expect(await recorder.sync()).toBe(3);
    // Recorded once: the next pass does not read it again.
    tasks.events.mockClear();
    expect(await recorder.sync()).toBe(0);
    expect(tasks.events).not.toHaveBeenCalled();
    expect(
      (await store.runStats(['template:default/typescript-service'])).get(
        'template:default/typescript-service',
      ),
    ).toEqual({
      completed: 1,
      failed: 1,
      cancelled: 0,
      medianDurationMs: 42_000,
    });
  });

  it('says whether a new component name is free, by the rule and the catalog', async () => {
    const service = serviceFor([
      component('checkout-api', 'group:default/checkout'),
    ]);
    const jonas = mockCredentials.user('user:default/jonas.weber');
    await expect(
      service.nameAvailability('parcel-quotes', jonas),
    ).resolves.toEqual({
      name: 'parcel-quotes',
      available: true,
      problem: null,
    });
    await expect(
      service.nameAvailability('checkout-api', jonas),
    ).resolves.toEqual({
      name: 'checkout-api',
      available: false,
      problem:
        'The catalog already has a component named "checkout-api" (component:default/checkout-api, owned by group:default/checkout); choose another name.',
    });
    const malformed = await service.nameAvailability('Orders_API', jonas);
    expect(malformed.available).toBe(false);
    expect(malformed.problem).toMatch(/lowercase letters and digits/);
    expect(malformed.problem).not.toMatch(/\^|\$|\[/);
  });

  it('pages through a long task history until it reaches recorded runs', async () => {
    const tasks = new FakeTasks();
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 120; i++) {
      tasks.add(
        `old-${i}`,
        'completed',
        new Date(start + i * 60_000).toISOString(),
      );
    }
    const recorder = new RunRecorder({
      store,
      tasks,
      catalog: catalogServiceMock({ entities: [user] }),
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    });
    expect(await recorder.sync()).toBe(120);
    tasks.add('new-1', 'completed', '2026-06-01T00:00:00.000Z');
    tasks.events.mockClear();
    expect(await recorder.sync()).toBe(1);
    // Only the new run's events were read: the first page was otherwise recorded.
    expect(tasks.events).toHaveBeenCalledTimes(1);
  });
});
