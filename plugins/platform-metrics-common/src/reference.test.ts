import fc from 'fast-check';
import { doraMetrics, median } from './dora';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './model';
import {
  DeploymentRecord,
  IncidentRecord,
  latestVersions,
  referenceAggregate,
} from './reference';

const T0 = Date.UTC(2026, 0, 5); // a Monday
const day = (n: number) => T0 + n * DAY_MS;

function deployment(
  externalId: string,
  finishedDay: number,
  overrides: Partial<DeploymentRecord> = {},
): DeploymentRecord {
  const finishedAt = overrides.finishedAt ?? day(finishedDay);
  return {
    source: 'ci',
    externalId,
    service: 'component:default/a',
    environment: 'production',
    status: 'success',
    startedAt: finishedAt - 10 * MINUTE_MS,
    finishedAt,
    commits: [],
    rework: false,
    deployer: null,
    ...overrides,
  };
}

function incident(
  externalId: string,
  openedAt: number,
  overrides: Partial<IncidentRecord> = {},
): IncidentRecord {
  return {
    source: 'pager',
    externalId,
    service: 'component:default/a',
    openedAt,
    resolvedAt: openedAt + HOUR_MS,
    causedBy: null,
    restoredBy: null,
    ...overrides,
  };
}

const all = { from: day(0), to: day(90) };

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1], 2],
    [[1, 2, 3], 2],
    [[4, 1, 3, 2], 2.5],
  ])('median of %j is %p', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('change lead time (hand-computed)', () => {
  it('leaves out the first recorded deployment, commits shipped before, and non-positive values', () => {
    const deployments = [
      // The service's first recorded deployment drags two years of history.
      deployment('d0', 10, {
        commits: [
          { sha: 'aaaaaaa1', committedAt: day(10) - 700 * DAY_MS },
          { sha: 'aaaaaaa2', committedAt: day(9) },
        ],
      }),
      deployment('d1', 12, {
        commits: [
          { sha: 'aaaaaaa3', committedAt: day(11) }, // 1 day
          { sha: 'aaaaaaa2', committedAt: day(9) }, // first shipped by d0: not again
        ],
      }),
      deployment('d2', 14, {
        commits: [
          { sha: 'aaaaaaa4', committedAt: day(14) + HOUR_MS }, // after the deploy: ignored
          { sha: 'aaaaaaa5', committedAt: day(14) }, // 0: an automated merge, ignored
          { sha: 'aaaaaaa6', committedAt: day(11) }, // 3 days
        ],
      }),
      // A pipeline failure ships nothing: its commit counts when d3 ships it.
      deployment('f1', 15, {
        status: 'failed',
        commits: [{ sha: 'aaaaaaa7', committedAt: day(14) }],
      }),
      deployment('d3', 16, {
        commits: [{ sha: 'aaaaaaa7', committedAt: day(14) }], // 2 days
      }),
    ];
    const a = referenceAggregate(deployments, [], all);
    expect(a.leadTimeCommits).toBe(3);
    expect(a.leadTimeMs).toBe(2 * DAY_MS); // median of 1, 2, 3 days
    expect(a.deployments).toBe(4);
    expect(a.pipelineFailures).toBe(1);
  });

  it('a staging deployment is not a production deployment, and does not ship', () => {
    const deployments = [
      deployment('d0', 1),
      deployment('s1', 2, {
        environment: 'staging',
        commits: [{ sha: 'bbbbbbb1', committedAt: day(1) }],
      }),
      deployment('d1', 4, {
        commits: [{ sha: 'bbbbbbb1', committedAt: day(1) }],
      }),
    ];
    const a = referenceAggregate(deployments, [], all);
    expect(a.deployments).toBe(2);
    expect(a.leadTimeMs).toBe(3 * DAY_MS);
  });
});

describe('change failure rate (hand-computed)', () => {
  // 20 production deployments; d3 rolled back; d7 caused three incidents.
  const deployments = Array.from({ length: 20 }, (_, i) =>
    deployment(`d${i}`, i * 2, i === 3 ? { status: 'rolled_back' } : {}),
  );
  const incidents = [1, 2, 3].map(n =>
    incident(`i${n}`, day(14) + n * HOUR_MS, {
      causedBy: { source: 'ci', externalId: 'd7' },
    }),
  );

  it('counts each failing deployment once, not each incident: 2/20 = 10% (high)', () => {
    const a = referenceAggregate(deployments, incidents, all);
    expect(a.changeFailures).toBe(2);
    const m = doraMetrics(a, 90);
    expect(m.changeFailureRate.value).toBe(0.1);
    expect(m.changeFailureRate.classification?.band).toBe('high');
    // Counting incidents instead would have said 4/20 = 20%, "low".
  });

  it('a pipeline failure is not a DORA event and adds no change failure', () => {
    const withFailed = [
      ...deployments,
      deployment('f1', 5, { status: 'failed' }),
    ];
    const a = referenceAggregate(withFailed, incidents, all);
    expect(a.deployments).toBe(20);
    expect(a.changeFailures).toBe(2);
    expect(a.pipelineFailures).toBe(1);
  });
});

describe('incident attribution (hand-computed)', () => {
  const d1 = deployment('d1', 1);
  const rolledBack = deployment('d2', 2, { status: 'rolled_back' });
  const failed = deployment('f3', 3, { status: 'failed' });
  const later = deployment('d4', 5);
  const open = incident('i1', day(4));

  it('blames the last successful production deployment before the incident opened', () => {
    const a = referenceAggregate([d1, rolledBack, failed, later], [open], all);
    // d1 (blamed) and d2 (rolled back): 2 change failures of 3 production deployments.
    expect(a.changeFailures).toBe(2);
  });

  it('gives the same answer whatever order the events arrived in', () => {
    const orders = [
      [d1, rolledBack, failed, later],
      [later, failed, rolledBack, d1],
      [failed, later, d1, rolledBack],
    ];
    const results = orders.map(o => referenceAggregate(o, [open], all));
    expect(new Set(results.map(r => JSON.stringify(r))).size).toBe(1);
  });

  it('an incident naming its cause blames that deployment only', () => {
    const named = incident('i2', day(4), {
      causedBy: { source: 'ci', externalId: 'd4' },
    });
    const a = referenceAggregate([d1, later], [named], all);
    expect(a.changeFailures).toBe(1);
  });
});

describe('failed deployment recovery time (hand-computed)', () => {
  it('rollback → next success; incident → resolution or the restoring deployment; one value per failure', () => {
    const deployments = [
      deployment('d0', 0),
      deployment('r1', 1, { status: 'rolled_back' }),
      deployment('d2', 1, { finishedAt: day(1) + 30 * MINUTE_MS }), // restores r1 after 30 min
      deployment('d3', 3),
      deployment('d4', 6),
      deployment('d5', 6, { finishedAt: day(6) + 5 * HOUR_MS }),
    ];
    const incidents = [
      // Blamed on d3 (last success before), resolved after 2 hours.
      incident('i1', day(4), { resolvedAt: day(4) + 2 * HOUR_MS }),
      // Blamed on d4; restored by d5, 4 hours after it opened.
      incident('i2', day(6) + HOUR_MS, {
        resolvedAt: day(6) + 9 * HOUR_MS,
        restoredBy: { source: 'ci', externalId: 'd5' },
      }),
    ];
    const a = referenceAggregate(deployments, incidents, all);
    expect(a.changeFailures).toBe(3);
    expect(a.recovered).toBe(3);
    expect(a.recoveryMs).toBe(2 * HOUR_MS); // 30 min, 2 h, 4 h
  });

  it('a deployment with two incidents recovers when the last one does', () => {
    const deployments = [deployment('d0', 0), deployment('d1', 1)];
    const incidents = [
      incident('i1', day(2), { resolvedAt: day(2) + HOUR_MS }),
      incident('i2', day(2) + 2 * HOUR_MS, {
        resolvedAt: day(2) + 5 * HOUR_MS,
      }),
    ];
    const a = referenceAggregate(deployments, incidents, all);
    expect(a.changeFailures).toBe(1);
    expect(a.recoveryMs).toBe(5 * HOUR_MS);
  });

  it('an unresolved incident leaves its failure out of the median', () => {
    const a = referenceAggregate(
      [deployment('d0', 0), deployment('d1', 1)],
      [incident('i1', day(2), { resolvedAt: null })],
      all,
    );
    expect(a.changeFailures).toBe(1);
    expect(a.recoveryMs).toBeNull();
    expect(doraMetrics(a, 90).recoveryTime.note).toMatch(/has recovered yet/);
  });
});

describe('too little data, in words', () => {
  it('fewer than 5 production deployments is not banded', () => {
    const a = referenceAggregate(
      [0, 1, 2, 3].map(i => deployment(`d${i}`, i)),
      [],
      all,
    );
    const m = doraMetrics(a, 90);
    for (const metric of Object.values(m)) {
      expect(metric.classification).toBeNull();
    }
    expect(m.deploymentFrequency.note).toBe(
      'Too little data: 4 production deployments in 90 days (at least 5 are needed).',
    );
    expect(m.recoveryTime.note).toBe(
      'No failures to recover from in this window.',
    );
  });

  it('five deployments are banded, and rework rate never is', () => {
    const a = referenceAggregate(
      [0, 1, 2, 3, 4].map(i =>
        deployment(`d${i}`, i * 18, { rework: i === 0 }),
      ),
      [],
      all,
    );
    const m = doraMetrics(a, 90);
    expect(m.deploymentFrequency.classification?.band).toBe('medium');
    expect(m.reworkRate.value).toBe(0.2);
    expect(m.reworkRate.classification).toBeNull();
    expect(m.reworkRate.status).toBe('ok');
  });
});

// Random histories for the properties.
const arbDeployment = fc
  .record({
    source: fc.constantFrom('ci', 'argo'),
    externalId: fc.integer({ min: 0, max: 40 }).map(String),
    service: fc.constantFrom('component:default/a', 'component:default/b'),
    environment: fc.constantFrom('production', 'production', 'staging'),
    status: fc.constantFrom('success', 'success', 'failed', 'rolled_back'),
    finishedAt: fc.integer({ min: day(0), max: day(89) }),
    commits: fc.uniqueArray(
      fc.record({
        sha: fc.integer({ min: 0, max: 30 }).map(n => `c0ffee${n}`),
        committedAt: fc.integer({ min: day(-30), max: day(89) }),
      }),
      { selector: c => c.sha, maxLength: 4 },
    ),
    rework: fc.boolean(),
  })
  .map(
    d =>
      ({
        ...d,
        startedAt: d.finishedAt - 1000,
        deployer: null,
      } as DeploymentRecord),
  );

const arbIncident = fc
  .record({
    source: fc.constant('pager'),
    externalId: fc.integer({ min: 0, max: 10 }).map(String),
    service: fc.constantFrom('component:default/a', 'component:default/b'),
    openedAt: fc.integer({ min: day(0), max: day(89) }),
    resolvedAt: fc.option(fc.integer({ min: 1, max: 3 * DAY_MS }), {
      nil: null,
    }),
    causedBy: fc.option(
      fc.record({
        source: fc.constantFrom('ci', 'argo'),
        externalId: fc.integer({ min: 0, max: 40 }).map(String),
      }),
      { nil: null },
    ),
  })
  .map(
    i =>
      ({
        ...i,
        resolvedAt: i.resolvedAt === null ? null : i.openedAt + i.resolvedAt,
        restoredBy: null,
      } as IncidentRecord),
  );

const cfr = (a: { changeFailures: number; deployments: number }) =>
  a.deployments ? a.changeFailures / a.deployments : 0;

describe('properties', () => {
  it('adding a rolled-back deployment never lowers the change failure rate; a pipeline failure leaves it as it was', () => {
    fc.assert(
      fc.property(
        fc.array(arbDeployment, { maxLength: 30 }),
        fc.array(arbIncident, { maxLength: 6 }),
        fc.integer({ min: day(0), max: day(89) }),
        (ds, is, at) => {
          const deployments = latestVersions([ds]);
          const incidents = latestVersions([is]);
          const before = referenceAggregate(deployments, incidents, all);
          const rolledBack = deployment('new', 0, {
            source: 'new',
            finishedAt: at,
            status: 'rolled_back',
          });
          const withFailure = referenceAggregate(
            [...deployments, rolledBack],
            incidents,
            all,
          );
          expect(cfr(withFailure)).toBeGreaterThanOrEqual(cfr(before) - 1e-12);
          const pipeline = { ...rolledBack, status: 'failed' as const };
          const withPipeline = referenceAggregate(
            [...deployments, pipeline],
            incidents,
            all,
          );
          expect(withPipeline.changeFailures).toBe(before.changeFailures);
          expect(withPipeline.deployments).toBe(before.deployments);
          expect(withPipeline.pipelineFailures).toBe(
            before.pipelineFailures + 1,
          );
        },
      ),
    );
  });

  it('re-sending a batch right away, or every batch again in order, changes nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(arbDeployment, { maxLength: 10 }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.array(arbIncident, { maxLength: 6 }),
        (batches, is) => {
          const incidents = latestVersions([is]);
          const once = referenceAggregate(
            latestVersions(batches),
            incidents,
            all,
          );
          const retried = referenceAggregate(
            latestVersions([...batches, batches[batches.length - 1]]),
            incidents,
            all,
          );
          const twice = referenceAggregate(
            latestVersions([...batches, ...batches]),
            incidents,
            all,
          );
          expect(retried).toEqual(once);
          expect(twice).toEqual(once);
        },
      ),
    );
  });

  it('the order deployments arrive in never changes any figure', () => {
    fc.assert(
      fc.property(
        fc.array(arbDeployment, { maxLength: 25 }),
        fc.array(arbIncident, { maxLength: 6 }),
        (ds, is) => {
          const deployments = latestVersions([ds]);
          const incidents = latestVersions([is]);
          const a = referenceAggregate(deployments, incidents, all);
          const b = referenceAggregate(
            [...deployments].reverse(),
            [...incidents].reverse(),
            all,
          );
          expect(b).toEqual(a);
        },
      ),
    );
  });
});
