import { mockServices } from '@backstage/backend-test-utils';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import {
  DAY_MS,
  DeploymentEvent,
  EMPTY_AGGREGATE,
  DeploymentRecord,
  HOUR_MS,
  IncidentEvent,
  IncidentRecord,
  Scope,
  WEEK_EPOCH_MS,
  WEEK_MS,
  latestVersions,
  referenceAggregate,
  seededRandom,
} from '@paved/plugin-platform-metrics-common';
import { Knex } from 'knex';
import { CatalogEntry, MetricsStore } from './MetricsStore';

const databases = pavedTestDatabases();

const T0 = Date.UTC(2026, 0, 5); // a Monday
const day = (n: number) => T0 + n * DAY_MS;
const A = 'component:default/a';
const B = 'component:default/b';
const C = 'component:default/c';
const catalog = new Map<string, CatalogEntry>([
  [A, { owner: 'group:default/checkout' }],
  [B, { owner: 'group:default/routing' }],
  [C, null],
]);
const ORG: Scope = { kind: 'organisation' };

function deployment(
  externalId: string,
  finishedAt: number,
  patch: Partial<DeploymentEvent> = {},
): DeploymentEvent {
  return {
    source: 'ci',
    externalId,
    service: A,
    environment: 'production',
    status: 'success',
    startedAt: finishedAt - 600_000,
    finishedAt,
    commits: [],
    rework: false,
    ...patch,
  };
}

function incident(
  externalId: string,
  openedAt: number,
  patch: Partial<IncidentEvent> = {},
): IncidentEvent {
  return {
    source: 'pager',
    externalId,
    service: A,
    openedAt,
    resolvedAt: openedAt + HOUR_MS,
    ...patch,
  };
}

const record = (d: DeploymentEvent): DeploymentRecord => ({
  ...d,
  deployer: d.deployer ?? null,
});
const incidentRecord = (i: IncidentEvent): IncidentRecord => ({
  source: i.source,
  externalId: i.externalId,
  service: i.service,
  openedAt: i.openedAt,
  resolvedAt: i.resolvedAt ?? null,
  causedBy: i.causedBy ?? null,
  restoredBy: i.restoredBy ?? null,
});

/** A random history: batches of deployments (with corrections and repeats) and incidents. */
function randomHistory(seed: string) {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const int = (n: number) => Math.floor(random() * n);
  const batches: DeploymentEvent[][] = [];
  for (let b = 0; b < 6; b++) {
    const batch = new Map<string, DeploymentEvent>();
    for (let i = 0; i < 25; i++) {
      const externalId = String(int(70));
      const source = pick(['ci', 'argo']);
      const finishedAt = day(int(120)) + int(DAY_MS);
      const commits = new Map<string, number>();
      for (let c = int(4); c > 0; c--) {
        commits.set(
          `c0ffee${int(60)}`,
          finishedAt - int(20 * DAY_MS) + int(3) * HOUR_MS,
        );
      }
      batch.set(
        `${source}/${externalId}`,
        deployment(externalId, finishedAt, {
          source,
          service: pick([A, A, B, C]),
          environment: pick(['production', 'production', 'staging']),
          status: pick([
            'success',
            'success',
            'success',
            'failed',
            'rolled_back',
          ]),
          commits: [...commits].map(([sha, committedAt]) => ({
            sha,
            committedAt,
          })),
          rework: random() < 0.2,
        }),
      );
    }
    batches.push([...batch.values()]);
  }
  const incidents: IncidentEvent[] = [];
  for (let i = 0; i < 20; i++) {
    const openedAt = day(int(120)) + int(DAY_MS);
    const named = random() < 0.3;
    incidents.push(
      incident(`i${i}`, openedAt, {
        service: pick([A, B]),
        resolvedAt: random() < 0.15 ? null : openedAt + int(3 * DAY_MS) + 1,
        causedBy: named
          ? { source: pick(['ci', 'argo']), externalId: String(int(70)) }
          : undefined,
        restoredBy:
          random() < 0.2
            ? { source: 'ci', externalId: String(int(70)) }
            : undefined,
      }),
    );
  }
  return { batches, incidents };
}

describe.each(databases.eachSupportedId())('MetricsStore on %p', id => {
  let knex: Knex;
  let store: MetricsStore;

  beforeEach(async () => {
    knex = await databases.init(id);
    store = await MetricsStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
  });

  const total = async (from: number, to: number, scope: Scope = ORG) =>
    (await store.aggregate(from, to, scope, 'total')).get('all');

  it('computes in SQL exactly what the definitions say, on random histories, in total, per service and per week', async () => {
    for (const seed of ['one', 'two', 'three']) {
      await knex('metrics_deployments').del();
      await knex('metrics_incidents').del();
      await knex('metrics_commit_shipments').del();
      await knex('metrics_services').del();
      const { batches, incidents } = randomHistory(seed);
      for (const batch of batches) {
        await store.ingestDeployments(batch, catalog, day(200));
      }
      await store.ingestIncidents(incidents, catalog, day(200));
      const deployments = latestVersions(batches).map(record);
      const incidentRecords = incidents.map(incidentRecord);

      for (const [from, to] of [
        [day(0), day(120)],
        [day(30), day(75)],
      ]) {
        expect(await total(from, to)).toEqual(
          referenceAggregate(deployments, incidentRecords, { from, to }),
        );
        const perService = await store.aggregate(from, to, ORG, 'service');
        for (const service of [A, B, C]) {
          const expected = referenceAggregate(
            deployments,
            incidentRecords,
            { from, to },
            s => s === service,
          );
          // A service with nothing in the window has no row at all.
          expect(perService.get(service) ?? EMPTY_AGGREGATE).toEqual(expected);
        }
        expect(
          await total(from, to, {
            kind: 'team',
            ref: 'group:default/checkout',
          }),
        ).toEqual(
          referenceAggregate(
            deployments,
            incidentRecords,
            { from, to },
            s => s === A,
          ),
        );
      }
      const weeks = await store.aggregate(day(0), day(120), ORG, 'week');
      for (const [week, a] of weeks) {
        const start = WEEK_EPOCH_MS + Number(week) * WEEK_MS;
        expect(a).toEqual(
          referenceAggregate(deployments, incidentRecords, {
            from: start,
            to: start + WEEK_MS,
          }),
        );
      }
    }
  });

  it('gives the same figures whatever order the deliveries arrived in', async () => {
    const { batches, incidents } = randomHistory('order');
    // Every event once (no corrections), so that the order alone differs.
    const events = latestVersions(batches);
    const expected = referenceAggregate(
      events.map(record),
      incidents.map(incidentRecord),
      { from: day(0), to: day(120) },
    );
    await store.ingestIncidents(incidents.slice(10), catalog, day(200));
    for (let i = events.length - 1; i >= 0; i -= 7) {
      await store.ingestDeployments(
        events.slice(Math.max(0, i - 6), i + 1),
        catalog,
        day(200),
      );
    }
    await store.ingestIncidents(incidents.slice(0, 10), catalog, day(200));
    expect(await total(day(0), day(120))).toEqual(expected);
  });

  it('a retried delivery changes nothing; a corrected event replaces the old one', async () => {
    const batch = [
      deployment('d0', day(1), {
        commits: [{ sha: 'aaaaaaa1', committedAt: day(0) }],
      }),
      deployment('d1', day(3), {
        commits: [{ sha: 'aaaaaaa2', committedAt: day(2) }],
      }),
    ];
    expect(await store.ingestDeployments(batch, catalog, day(10))).toBe(2);
    const before = await knex('metrics_deployments').orderBy('id');
    expect(await store.ingestDeployments(batch, catalog, day(11))).toBe(0);
    expect(await knex('metrics_deployments').orderBy('id')).toEqual(before);

    // d1 was really rolled back, and shipped a second commit.
    const corrected = deployment('d1', day(3), {
      status: 'rolled_back',
      commits: [
        { sha: 'aaaaaaa2', committedAt: day(2) },
        { sha: 'aaaaaaa3', committedAt: day(1) },
      ],
    });
    expect(await store.ingestDeployments([corrected], catalog, day(12))).toBe(
      1,
    );
    expect(await knex('metrics_deployments')).toHaveLength(2);
    const a = await total(day(0), day(10));
    expect(a).toMatchObject({
      deployments: 2,
      changeFailures: 1,
      leadTimeCommits: 2,
      leadTimeMs: 1.5 * DAY_MS,
    });
    // The corrected deployment's commits replaced its old ones.
    const commits = await knex('metrics_deployments')
      .orderBy('external_id')
      .select('external_id', 'commits');
    expect(commits.map(r => [r.external_id, JSON.parse(r.commits)])).toEqual([
      ['d0', [['aaaaaaa1', day(0)]]],
      [
        'd1',
        [
          ['aaaaaaa2', day(2)],
          ['aaaaaaa3', day(1)],
        ],
      ],
    ]);
  });

  it('moves the first-deployment exclusion when an older deployment arrives late, or the first one is corrected', async () => {
    const d5 = deployment('d5', day(5), {
      commits: [{ sha: 'bbbbbbb1', committedAt: day(4) }],
    });
    const d7 = deployment('d7', day(7), {
      commits: [{ sha: 'bbbbbbb2', committedAt: day(5) }],
    });
    await store.ingestDeployments([d5, d7], catalog, day(10));
    // d5 is the first recorded: only d7's commit (2 days).
    expect(await total(day(0), day(10))).toMatchObject({
      leadTimeMs: 2 * DAY_MS,
      leadTimeCommits: 1,
    });

    // An older deployment arrives late: d5's commit now counts (1 day).
    await store.ingestDeployments(
      [
        deployment('d1', day(1), {
          commits: [{ sha: 'bbbbbbb0', committedAt: day(1) - 400 * DAY_MS }],
        }),
      ],
      catalog,
      day(11),
    );
    expect(await total(day(0), day(10))).toMatchObject({
      leadTimeMs: 1.5 * DAY_MS,
      leadTimeCommits: 2,
    });

    // d1 was really a staging deployment: d5 is the first again.
    await store.ingestDeployments(
      [
        deployment('d1', day(1), {
          environment: 'staging',
          commits: [{ sha: 'bbbbbbb0', committedAt: day(1) - 400 * DAY_MS }],
        }),
      ],
      catalog,
      day(12),
    );
    expect(await total(day(0), day(10))).toMatchObject({
      leadTimeMs: 2 * DAY_MS,
      leadTimeCommits: 1,
    });
  });

  it('a commit re-shipped later counts once, at the deployment that first shipped it, also when that one arrives last', async () => {
    await store.ingestDeployments(
      [
        deployment('d0', day(0)),
        deployment('d9', day(9), {
          commits: [{ sha: 'ccccccc1', committedAt: day(2) }],
        }),
      ],
      catalog,
      day(20),
    );
    expect(await total(day(0), day(20))).toMatchObject({
      leadTimeMs: 7 * DAY_MS,
    });
    await store.ingestDeployments(
      [
        deployment('d4', day(4), {
          commits: [{ sha: 'ccccccc1', committedAt: day(2) }],
        }),
      ],
      catalog,
      day(21),
    );
    expect(await total(day(0), day(20))).toMatchObject({
      leadTimeMs: 2 * DAY_MS,
      leadTimeCommits: 1,
    });
  });

  it('attributes an incident without a cause to the last successful production deployment, whenever that arrives', async () => {
    await store.ingestIncidents([incident('i1', day(4))], catalog, day(10));
    await store.ingestDeployments(
      [deployment('late', day(5)), deployment('early', day(1))],
      catalog,
      day(10),
    );
    expect(await total(day(0), day(10))).toMatchObject({ changeFailures: 1 });
    // A deployment closer to the incident arrives later: it is the cause now.
    await store.ingestDeployments(
      [deployment('closer', day(3))],
      catalog,
      day(11),
    );
    expect(await total(day(0), day(2))).toMatchObject({
      deployments: 1,
      changeFailures: 0,
    });
    expect(await total(day(2), day(4))).toMatchObject({
      deployments: 1,
      changeFailures: 1,
    });
  });

  it('keeps times as whole milliseconds, so weeks group the same on both databases', async () => {
    await store.ingestDeployments(
      [deployment('f', day(1) + 0.4), deployment('g', day(2) + 0.6)],
      catalog,
      day(3),
    );
    const weeks = await store.aggregate(day(0), day(7), ORG, 'week');
    expect([...weeks.keys()]).toEqual([
      String(Math.floor((day(0) - WEEK_EPOCH_MS) / WEEK_MS)),
    ]);
    expect(weeks.values().next().value?.deployments).toBe(2);
  });

  it('lists services the catalog does not know, and keeps owners for team scopes', async () => {
    await store.ingestDeployments(
      [deployment('x', day(1), { service: C }), deployment('y', day(2))],
      catalog,
      day(3),
    );
    await store.ingestIncidents(
      [incident('i', day(2), { service: C })],
      catalog,
      day(4),
    );
    expect(await store.unmappedServices(10)).toEqual([
      {
        service: C,
        deployments: 1,
        incidents: 1,
        lastEventAt: new Date(day(4)).toISOString(),
      },
    ]);
    // The catalog learns about the service: no longer listed.
    await store.updateCatalog(
      new Map([[C, { owner: 'group:default/routing' }]]),
    );
    expect(await store.unmappedServices(10)).toEqual([]);
    expect(await store.services()).toEqual([
      { ref: A, owner: 'group:default/checkout', inCatalog: true },
      { ref: C, owner: 'group:default/routing', inCatalog: true },
    ]);
  });

  it('counts its revision up with every write that can change a figure, and only then', async () => {
    const r0 = await store.revision();
    const batch = [deployment('r1', day(1)), deployment('r2', day(2))];
    await store.ingestDeployments(batch, catalog, day(3));
    const r1 = await store.revision();
    expect(r1).toBeGreaterThan(r0);
    // A re-delivery writes nothing.
    await store.ingestDeployments(batch, catalog, day(4));
    expect(await store.revision()).toBe(r1);
    // A correction does.
    await store.ingestDeployments(
      [deployment('r2', day(2), { status: 'rolled_back' })],
      catalog,
      day(5),
    );
    const r2 = await store.revision();
    expect(r2).toBeGreaterThan(r1);
    const incidents = [incident('ri', day(2))];
    await store.ingestIncidents(incidents, catalog, day(6));
    const r3 = await store.revision();
    expect(r3).toBeGreaterThan(r2);
    await store.ingestIncidents(incidents, catalog, day(7));
    expect(await store.revision()).toBe(r3);
    // The catalog: the same owner changes nothing; a new owner does.
    expect(await store.updateCatalog(new Map([[A, catalog.get(A)!]]))).toBe(0);
    expect(await store.revision()).toBe(r3);
    expect(
      await store.updateCatalog(new Map([[A, { owner: 'group:default/x' }]])),
    ).toBe(1);
    expect(await store.revision()).toBeGreaterThan(r3);
  });

  it('time to first deployment per monthly cohort, with those not deployed yet', async () => {
    const jan = Date.UTC(2026, 0, 1);
    const feb = Date.UTC(2026, 1, 1);
    const mar = Date.UTC(2026, 2, 1);
    // Already there at Paved's first catalog read, without annotation: never a joiner.
    await store.recordCatalogUsers(
      [
        { ref: 'user:default/old', joinedAt: null },
        { ref: 'user:default/ann', joinedAt: jan + 2 * DAY_MS },
        { ref: 'user:default/bob', joinedAt: jan + 10 * DAY_MS },
        { ref: 'user:default/cat', joinedAt: jan + 20 * DAY_MS },
      ],
      day(0),
    );
    expect(await store.recordSignIn('user:default/old', feb)).toBe(true);
    // A newcomer after the first read: their first sign-in is their start.
    expect(await store.recordSignIn('user:default/dan', feb + DAY_MS)).toBe(
      true,
    );
    expect(await store.recordSignIn('user:default/dan', feb + 9 * DAY_MS)).toBe(
      false,
    );
    await store.ingestDeployments(
      [
        // ann: 4 days, then more later.
        deployment('a1', jan + 6 * DAY_MS, { deployer: 'user:default/ann' }),
        deployment('a2', jan + 8 * DAY_MS, { deployer: 'user:default/ann' }),
        // bob: a failed attempt does not count; success after 8 days.
        deployment('b0', jan + 12 * DAY_MS, {
          deployer: 'user:default/bob',
          status: 'failed',
        }),
        deployment('b1', jan + 18 * DAY_MS, { deployer: 'user:default/bob' }),
        // cat: staging only, not yet in production.
        deployment('c1', jan + 25 * DAY_MS, {
          deployer: 'user:default/cat',
          environment: 'staging',
        }),
        // dan: 3 days after his first sign-in.
        deployment('d1', feb + 4 * DAY_MS, { deployer: 'user:default/dan' }),
        deployment('o1', feb + 4 * DAY_MS, { deployer: 'user:default/old' }),
      ],
      catalog,
      mar,
    );
    const rows = await store.cohorts([
      { key: '2026-01', start: jan, end: feb },
      { key: '2026-02', start: feb, end: mar },
    ]);
    expect(rows.sort((a, b) => a.cohort.localeCompare(b.cohort))).toEqual([
      { cohort: '2026-01', joined: 3, deployed: 2, medianMs: 6 * DAY_MS },
      { cohort: '2026-02', joined: 1, deployed: 1, medianMs: 3 * DAY_MS },
    ]);
    // Pooled by quarter: the exact median of 4, 8 and 3 days (not of the months' 6 and 3).
    expect(
      await store.cohorts([
        { key: '2026-Q1', start: jan, end: Date.UTC(2026, 3, 1) },
      ]),
    ).toEqual([
      { cohort: '2026-Q1', joined: 4, deployed: 3, medianMs: 4 * DAY_MS },
    ]);
  });

  it('keeps release markers and classifications with their band version', async () => {
    const markerId = await store.addMarker(
      {
        title: 'Mesh',
        description: null,
        releasedAt: day(3),
        createdBy: 'user:default/priya.raman',
      },
      day(4),
    );
    expect((await store.markers()).map(m => m.title)).toEqual(['Mesh']);
    expect(await store.deleteMarker(markerId)).toBe(true);
    expect(await store.deleteMarker(markerId)).toBe(false);

    const row = {
      day: '2026-11-30',
      scopeKind: 'organisation' as const,
      scopeRef: '',
      windowDays: 90,
      metric: 'leadTime',
      value: DAY_MS,
      status: 'ok',
      band: 'high',
      bandVersion: 'dora-2023',
      computedAt: day(5),
    };
    await store.saveClassifications([row]);
    await store.saveClassifications([{ ...row, band: 'elite', value: 1 }]);
    expect(await store.classifications('organisation', '', 'leadTime')).toEqual(
      [{ ...row, band: 'elite', value: 1 }],
    );
  });

  it('stores a batch delivered twice at the same time once', async () => {
    const { batches } = randomHistory('concurrent');
    const batch = batches[0];
    const other = new MetricsStore(knex);
    const results = await Promise.all([
      store.ingestDeployments(batch, catalog, day(200)),
      other.ingestDeployments(batch, catalog, day(200)),
    ]);
    expect(results[0] + results[1]).toBe(batch.length);
    expect(
      Number((await knex('metrics_deployments').count({ n: '*' }).first())!.n),
    ).toBe(batch.length);
    expect(await total(day(0), day(120))).toEqual(
      referenceAggregate(batch.map(record), [], { from: day(0), to: day(120) }),
    );
  });
});
