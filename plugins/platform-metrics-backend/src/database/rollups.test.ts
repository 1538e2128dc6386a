import { mockServices } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import {
  DAY_MS,
  DeploymentEvent,
  EMPTY_AGGREGATE,
  HOUR_MS,
  IncidentEvent,
  Scope,
  WEEK_EPOCH_MS,
  WEEK_MS,
  WindowAggregate,
  doraMetrics,
  referenceAggregate,
  seededRandom,
} from '@paved/plugin-platform-metrics-common';
import fc from 'fast-check';
import { Knex } from 'knex';
import { CatalogEntry, MetricsStore } from './MetricsStore';
import { MetricsService } from '../service/MetricsService';
import { LEAD_TIME_BUCKET_BOUNDS, leadTimeBucket } from './leadTimeBuckets';

const databases = pavedTestDatabases();
const migrationsDir = resolvePackagePath(
  '@paved/plugin-platform-metrics-backend',
  'migrations',
);

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

// Lead and recovery times on the DORA band boundaries (1 hour, 1 day, 1 week,
// 30 days), one millisecond either side, and on lead-time bucket boundaries.
const BOUNDARY_TIMES = [HOUR_MS, DAY_MS, 7 * DAY_MS, 30 * DAY_MS].flatMap(t => [
  t - 1,
  t,
  t + 1,
]);
const BUCKET_EDGES = LEAD_TIME_BUCKET_BOUNDS.filter(
  b => b > 60_000 && b < 40 * DAY_MS,
).flatMap(b => [b - 1, b]);

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

/** A history whose times sit on band and bucket boundaries as often as not. */
function boundaryHistory(seed: string) {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const int = (n: number) => Math.floor(random() * n);
  const duration = () => {
    const r = random();
    if (r < 0.5) return pick(BOUNDARY_TIMES);
    if (r < 0.75) return pick(BUCKET_EDGES);
    return 1 + int(20 * DAY_MS);
  };
  const deployments = new Map<string, DeploymentEvent>();
  for (let i = 0; i < 160; i++) {
    const finishedAt = day(int(40)) + int(DAY_MS);
    const commits = new Map<string, number>();
    for (let c = int(4); c > 0; c--) {
      commits.set(`c0ffee${int(200)}`, finishedAt - duration());
    }
    const source = pick(['ci', 'argo']);
    const externalId = String(int(140));
    deployments.set(
      `${source}/${externalId}`,
      deployment(externalId, finishedAt, {
        source,
        service: pick([A, A, B, C]),
        environment: pick([
          'production',
          'production',
          'production',
          'staging',
        ]),
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
  const incidents: IncidentEvent[] = [];
  for (let i = 0; i < 25; i++) {
    const openedAt = day(int(40)) + int(DAY_MS);
    incidents.push({
      source: 'pager',
      externalId: `i${i}`,
      service: pick([A, B]),
      openedAt,
      resolvedAt: random() < 0.15 ? null : openedAt + duration(),
      causedBy:
        random() < 0.3
          ? { source: pick(['ci', 'argo']), externalId: String(int(140)) }
          : undefined,
    });
  }
  return { deployments: [...deployments.values()], incidents };
}

describe('lead-time buckets', () => {
  it('are ordered like the values they hold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 45 }),
        fc.integer({ min: 0, max: 2 ** 45 }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(leadTimeBucket(lo)).toBeLessThanOrEqual(leadTimeBucket(hi));
        },
      ),
    );
    for (const bound of LEAD_TIME_BUCKET_BOUNDS) {
      expect(leadTimeBucket(bound)).toBe(leadTimeBucket(bound - 1) + 1);
    }
  });

  it('have the same boundaries in the migration as in the store', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const migration = require('../../migrations/20261130170000_delivery_rollups.js');
    expect(migration.leadTimeBucketBounds()).toEqual(LEAD_TIME_BUCKET_BOUNDS);
  });
});

describe.each(databases.eachSupportedId())('organisation rollups on %p', id => {
  let knex: Knex;
  let store: MetricsStore;

  beforeEach(async () => {
    knex = await databases.init(id);
    store = await MetricsStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
  });

  it('give exactly the figures of the definitions and of the rows, for windows on and off day boundaries', async () => {
    for (const seed of ['edge-1', 'edge-2', 'edge-3']) {
      await knex('metrics_deployments').del();
      await knex('metrics_commit_shipments').del();
      await knex('metrics_services').del();
      await knex('metrics_incidents').del();
      const { deployments, incidents } = boundaryHistory(seed);
      // In three deliveries, the last first, so late arrivals move firsts.
      for (const part of [
        deployments.slice(100),
        deployments.slice(50, 100),
        deployments.slice(0, 50),
      ]) {
        await store.ingestDeployments(part, catalog, day(60));
      }
      await store.ingestIncidents(incidents, catalog, day(60));
      const records = deployments.map(d => ({
        ...d,
        deployer: d.deployer ?? null,
      }));
      const incidentRecords = incidents.map(i => ({
        ...i,
        resolvedAt: i.resolvedAt ?? null,
        causedBy: i.causedBy ?? null,
        restoredBy: i.restoredBy ?? null,
      }));
      const random = seededRandom(`${seed}:windows`);
      const windows: Array<[number, number]> = [
        [day(0), day(40)], // whole days only
        [day(3) + 1, day(30) - 1], // a millisecond inside each edge
        [day(5) + 7 * HOUR_MS, day(19) + 13 * HOUR_MS],
        [day(8) + HOUR_MS, day(8) + 20 * HOUR_MS], // within one day
        [day(9) + 20 * HOUR_MS, day(10) + 2 * HOUR_MS], // across one midnight
      ];
      for (let i = 0; i < 4; i++) {
        const from = day(0) + Math.floor(random() * 30 * DAY_MS);
        windows.push([from, from + 1 + Math.floor(random() * 15 * DAY_MS)]);
      }
      for (const [from, to] of windows) {
        const expected = referenceAggregate(records, incidentRecords, {
          from,
          to,
        });
        const fast = (await store.aggregate(from, to, ORG, 'total')).get('all');
        expect({ from, to, fast }).toEqual({ from, to, fast: expected });
        const days = (to - from) / DAY_MS;
        expect(doraMetrics(fast!, days)).toEqual(doraMetrics(expected, days));

        const weeks = await store.aggregate(from, to, ORG, 'week');
        expect([...weeks].sort(([a], [b]) => Number(a) - Number(b))).toEqual(
          [...(await store.aggregateFromRows(from, to, ORG, 'week'))].sort(
            ([a], [b]) => Number(a) - Number(b),
          ),
        );
        // GET /dora reads both in one pass: the same figures.
        const both = await store.aggregateWithWeeks(from, to, ORG);
        expect(both.total).toEqual(expected);
        expect(new Map([...both.weeks].sort())).toEqual(
          new Map([...weeks].sort()),
        );
        for (const [week, a] of weeks) {
          const start = WEEK_EPOCH_MS + Number(week) * WEEK_MS;
          expect(a).toEqual(
            referenceAggregate(records, incidentRecords, {
              from: Math.max(from, start),
              to: Math.min(to, start + WEEK_MS),
            }),
          );
        }
      }
    }
  });

  it('give the same figures when deliveries arrive at the same time as when they arrive in turn', async () => {
    // Several CI systems post at once: the parts share services, days and commits.
    const { deployments, incidents } = boundaryHistory('concurrent');
    const parts = [
      deployments.slice(100),
      deployments.slice(50, 100),
      deployments.slice(0, 50),
    ];
    const sequentialKnex = await databases.init(id);
    const sequential = await MetricsStore.create(
      mockServices.database({
        knex: sequentialKnex,
        migrations: { skip: false },
      }),
    );
    for (const part of parts) {
      await sequential.ingestDeployments(part, catalog, day(60));
    }
    const stored = await Promise.all(
      parts.map(part => store.ingestDeployments(part, catalog, day(60))),
    );
    expect(stored).toEqual(parts.map(p => p.length));
    for (const s of [sequential, store]) {
      await s.ingestIncidents(incidents, catalog, day(60));
    }
    // Ids follow the order of arrival; everything else must be the same.
    const figures = async (s: MetricsStore, db: Knex) => [
      await s.aggregate(day(0), day(40), ORG, 'total'),
      await s.aggregate(day(3) + 1, day(30) - 1, ORG, 'week'),
      await s.aggregateFromRows(day(0), day(40), ORG, 'service'),
      await s.services(),
      await db('metrics_services')
        .select(
          'service_ref',
          'first_deployed_at',
          'first_source',
          'first_external_id',
        )
        .orderBy('service_ref'),
      await db('metrics_commit_shipments')
        .select(
          'service_ref',
          'sha',
          'deployed_at',
          'deployment_source',
          'deployment_external_id',
          'lead_time_ms',
        )
        .orderBy(['service_ref', 'sha']),
    ];
    const expected = await figures(sequential, sequentialKnex);
    expect(
      (expected[0] as Map<string, WindowAggregate>).get('all')!.deployments,
    ).toBeGreaterThan(0);
    expect(await figures(store, knex)).toEqual(expected);
  });

  it('give the hand-computed figures of a window that ends with an earlier day (GET /dora?end=)', async () => {
    await store.ingestDeployments(
      [
        // Service A's first deployment: its commits never count as lead time.
        deployment('first', day(1), {
          commits: [{ sha: 'aaaaaaa0', committedAt: day(1) - HOUR_MS }],
        }),
        deployment('before', day(9) + 23 * HOUR_MS, {
          commits: [{ sha: 'aaaaaaa9', committedAt: day(9) }],
        }),
        // The window, 24 January back 10 days: day 10 00:00 to day 20 00:00.
        deployment('d1', day(12) + 2 * HOUR_MS, {
          commits: [{ sha: 'aaaaaaa1', committedAt: day(12) - 2 * HOUR_MS }],
        }),
        deployment('pipeline', day(13), { status: 'failed' }),
        deployment('staging', day(14), { environment: 'staging' }),
        deployment('d2', day(15) + 5 * HOUR_MS, { status: 'rolled_back' }),
        deployment('d3', day(15) + 8 * HOUR_MS, {
          commits: [{ sha: 'aaaaaaa3', committedAt: day(15) + 6 * HOUR_MS }],
        }),
        deployment('d4', day(20) - 1, {
          commits: [
            { sha: 'aaaaaaa4', committedAt: day(20) - 1 - 6 * HOUR_MS },
          ],
        }),
        // After the window: on its end, and later (with a failure of its own).
        deployment('after', day(20), {
          commits: [{ sha: 'aaaaaaa5', committedAt: day(20) - 100 * HOUR_MS }],
        }),
        deployment('later', day(25), { status: 'rolled_back' }),
      ],
      catalog,
      day(40),
    );
    await store.ingestIncidents(
      [
        {
          source: 'pager',
          externalId: 'late',
          service: A,
          openedAt: day(30),
          resolvedAt: day(30) + HOUR_MS,
        },
      ],
      catalog,
      day(40),
    );
    const service = new MetricsService(
      store,
      { lookup: async () => new Map(), users: async () => [] },
      {
        roadmapReleases: async () => [],
        goldenPathServices: async () => new Set(),
      },
      () => day(40) + 9 * HOUR_MS,
    );
    for (const scope of [{}, { team: 'group:default/checkout' }]) {
      const report = await service.dora({
        ...scope,
        windowDays: 10,
        end: '2026-01-24', // day 19
      });
      expect(report.window).toEqual({
        from: new Date(day(10)).toISOString(),
        to: new Date(day(20)).toISOString(),
        days: 10,
      });
      const m = report.metrics;
      // d1, d2 (rolled back), d3, d4 reached production: 4 in 10 days.
      expect(m.deploymentFrequency).toMatchObject({ value: 0.4, sample: 4 });
      // d2 is the one change failure of four.
      expect(m.changeFailureRate).toMatchObject({ value: 0.25, sample: 4 });
      // Lead times 4 h (d1), 2 h (d3), 6 h (d4): the median is 4 h.
      expect(m.leadTime).toMatchObject({ value: 4 * HOUR_MS, sample: 3 });
      // d2 rolled back at 05:00, restored by d3 at 08:00.
      expect(m.recoveryTime).toMatchObject({ value: 3 * HOUR_MS, sample: 1 });
      expect(report.pipelineFailures).toBe(1);
      expect(report.series.reduce((n, p) => n + p.deployments, 0)).toBe(4);
    }
  });

  it('find a median that falls between two buckets, and on a band boundary', async () => {
    // Two lead times either side of a bucket boundary: the median is their mean.
    const bound = LEAD_TIME_BUCKET_BOUNDS.find(b => b > DAY_MS)!;
    await store.ingestDeployments(
      [
        deployment('first', day(1)),
        deployment('d1', day(3), {
          commits: [{ sha: 'aaaaaaa1', committedAt: day(3) - (bound - 1) }],
        }),
        deployment('d2', day(4), {
          commits: [{ sha: 'aaaaaaa2', committedAt: day(4) - bound }],
        }),
      ],
      catalog,
      day(10),
    );
    expect(leadTimeBucket(bound - 1)).toBe(leadTimeBucket(bound) - 1);
    expect(await store.aggregate(day(0), day(10), ORG, 'total')).toEqual(
      await store.aggregateFromRows(day(0), day(10), ORG, 'total'),
    );
    expect(
      (await store.aggregate(day(0), day(10), ORG, 'total')).get('all'),
    ).toMatchObject({ leadTimeMs: bound - 0.5, leadTimeCommits: 2 });

    // Three commits of exactly one day, the middle of five: high, not elite
    // (the band boundary).
    await store.ingestDeployments(
      [
        deployment('d3', day(5), {
          commits: [{ sha: 'aaaaaaa3', committedAt: day(4) }],
        }),
        deployment('d4', day(6), {
          commits: [{ sha: 'aaaaaaa4', committedAt: day(5) }],
        }),
        deployment('d5', day(7), {
          commits: [{ sha: 'aaaaaaa5', committedAt: day(6) }],
        }),
      ],
      catalog,
      day(10),
    );
    const a = (await store.aggregate(day(0), day(10), ORG, 'total')).get(
      'all',
    )!;
    expect(a.leadTimeMs).toBe(DAY_MS);
    expect(doraMetrics(a, 10).leadTime.classification?.band).toBe('high');
  });

  it('stay exact when deployments are corrected or removed', async () => {
    const { deployments } = boundaryHistory('corrections');
    await store.ingestDeployments(deployments, catalog, day(60));
    // Every production deployment of A becomes staging; B's are removed.
    await store.ingestDeployments(
      deployments
        .filter(d => d.service === A)
        .map(d => ({ ...d, environment: 'staging' })),
      catalog,
      day(61),
    );
    await knex('metrics_commit_shipments').where('service_ref', B).del();
    await knex('metrics_deployments').where('service_ref', B).del();
    for (const [from, to] of [
      [day(0), day(40)],
      [day(2) + 5, day(33) - 5],
    ]) {
      for (const grouping of ['total', 'week'] as const) {
        expect(await store.aggregate(from, to, ORG, grouping)).toEqual(
          await store.aggregateFromRows(from, to, ORG, grouping),
        );
      }
    }
    expect(
      (await store.aggregate(day(0), day(40), ORG, 'total')).get('all') ??
        EMPTY_AGGREGATE,
    ).toMatchObject({
      deployments: deployments.filter(
        d =>
          d.service === C &&
          d.environment === 'production' &&
          d.status !== 'failed',
      ).length,
    });
  });

  it('are built from what was stored before the migration, and removed by its down (and so is the commits column)', async () => {
    const { deployments } = boundaryHistory('migration');
    await store.ingestDeployments(deployments, catalog, day(60));
    const daily = await knex('metrics_daily').orderBy('day');
    const leadDaily = await knex('metrics_lead_time_daily').orderBy([
      'day',
      'lead_bucket',
    ]);
    const shipments = await knex('metrics_commit_shipments').orderBy([
      'service_ref',
      'sha',
    ]);
    expect(daily.length).toBeGreaterThan(0);
    expect(leadDaily.length).toBeGreaterThan(0);
    for (const s of shipments) {
      expect(Number(s.lead_bucket)).toBe(
        leadTimeBucket(Number(s.lead_time_ms)),
      );
    }

    // The migrations' downs, latest first: the commits column's moves commits
    // back into their table, then the rollups' goes.
    const stored = async () =>
      (await knex('metrics_deployments').orderBy('id')).map(r => ({
        ...r,
        commits: (JSON.parse(r.commits) as Array<[string, number]>).sort(
          ([a], [b]) => (a < b ? -1 : 1),
        ),
      }));
    const deploymentRows = await stored();
    // The revision's down (later, nothing to move), then the commits column's.
    await knex.migrate.down({ directory: migrationsDir });
    expect(await knex.schema.hasTable('metrics_revision')).toBe(false);
    await knex.migrate.down({ directory: migrationsDir });
    expect(
      Number(
        (await knex('metrics_deployment_commits').count({ n: '*' }).first())!.n,
      ),
    ).toBe(deploymentRows.reduce((n, r) => n + r.commits.length, 0));
    await knex.migrate.down({ directory: migrationsDir });
    expect(await knex.schema.hasTable('metrics_daily')).toBe(false);
    expect(
      await knex.schema.hasColumn('metrics_commit_shipments', 'lead_bucket'),
    ).toBe(false);
    // Up again over the stored rows: the same rollups and buckets.
    await knex.migrate.latest({ directory: migrationsDir });
    expect(await knex('metrics_daily').orderBy('day')).toEqual(daily);
    expect(
      await knex('metrics_lead_time_daily').orderBy(['day', 'lead_bucket']),
    ).toEqual(leadDaily.filter(r => Number(r.commits) !== 0));
    expect(
      await knex('metrics_commit_shipments').orderBy(['service_ref', 'sha']),
    ).toEqual(shipments);
    expect(await stored()).toEqual(deploymentRows);
  });
});
