import fc from 'fast-check';
import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  DAY_MS,
  DeploymentEventInput,
  HOUR_MS,
} from '@paved/plugin-platform-metrics-common';
import { CatalogEntry, MetricsStore } from '../database/MetricsStore';
import { ServiceDirectory } from './CatalogDirectory';
import { MetricsService } from './MetricsService';
import { PlatformSources } from './PluginSources';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
// A Thursday, noon: the 90-day window starts and ends mid-week.
const NOW = Date.parse('2026-11-26T12:00:00Z');
const RELEASE = NOW - 60 * DAY_MS;
const sender = { type: 'service' as const, subject: 'ci' };
const iso = (t: number) => new Date(t).toISOString();
// Onboarding cohorts as a report gives them, one row each:
// [cohort, joined, deployed, not yet deployed, median days].
const cohorts = (
  ...rows: Array<[string, number, number | null, number | null, number | null]>
) =>
  rows.map(([cohort, joined, deployed, notYetDeployed, medianDays]) => ({
    cohort,
    joined,
    deployed,
    notYetDeployed,
    medianDays,
  }));

const directory: ServiceDirectory = {
  async lookup(refs) {
    return new Map<string, CatalogEntry>(refs.map(r => [r, { owner: null }]));
  },
  async users() {
    return [];
  },
};
const sources: PlatformSources = {
  async roadmapReleases() {
    return [
      {
        id: 'v2',
        title: 'Service template v2',
        summary: '',
        shippedAt: RELEASE,
      },
    ];
  },
  async goldenPathServices() {
    return new Set(['component:default/gp-1', 'component:default/gp-2']);
  },
};

/** Deployments of a service every `every` days around the release, with commits `lead(t)` old. */
function history(
  service: string,
  lead: (t: number) => number,
  every = 2,
): DeploymentEventInput[] {
  const events: DeploymentEventInput[] = [];
  for (
    let t = RELEASE - 40 * DAY_MS;
    t < RELEASE + 40 * DAY_MS;
    t += every * DAY_MS
  ) {
    events.push({
      source: 'ci',
      externalId: `${service}-${t}`,
      service,
      environment: 'production',
      status: 'success',
      startedAt: iso(t - 60_000),
      finishedAt: iso(t),
      commits: [
        {
          sha: `${(t / 1000).toString(16)}${service.length}`.slice(0, 40),
          committedAt: iso(t - lead(t)),
        },
      ],
    });
  }
  return events;
}

describe('MetricsService', () => {
  let service: MetricsService;

  beforeEach(async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await MetricsStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    service = new MetricsService(store, directory, sources, () => NOW);
  });

  it('series: every week of the window, partial first and last weeks rated by the days they cover', async () => {
    await service.ingestDeployments(
      history('component:default/a', () => HOUR_MS, 1),
      sender,
    );
    const report = await service.dora({});
    const days = report.series.map(p => p.days);
    expect(days.reduce((a, b) => a + b, 0)).toBeCloseTo(90, 10);
    expect(days[0]).toBeLessThan(7);
    expect(days[days.length - 1]).toBeLessThan(7);
    expect(report.series[0].weekStart).toMatch(/T00:00:00.000Z$/);
    expect(new Date(report.series[0].weekStart).getUTCDay()).toBe(1); // Monday
    // Per week: a full week's rate is its count; a partial week's is scaled up.
    for (const p of report.series) {
      expect(p.values.deploymentFrequency).toBeCloseTo(
        (p.deployments * 7) / p.days,
        10,
      );
    }
    expect(report.series.reduce((n, p) => n + p.deployments, 0)).toBe(
      report.metrics.deploymentFrequency.sample,
    );
    expect(report.metrics.deploymentFrequency.classification).toEqual({
      band: 'high',
      bandVersion: 'dora-2023',
    });
  });

  it('release impact: golden-path services got faster after the release, the rest did not', async () => {
    const faster = (t: number) =>
      (t < RELEASE ? 4 : 1) * DAY_MS + (t % 7) * HOUR_MS;
    const same = (t: number) => 4 * DAY_MS + (t % 5) * HOUR_MS;
    for (const [name, lead] of [
      ['gp-1', faster],
      ['gp-2', faster],
      ['other-1', same],
      ['other-2', same],
      ['other-3', same],
    ] as const) {
      await service.ingestDeployments(
        history(`component:default/${name}`, lead),
        sender,
      );
    }
    const impact = await service.releaseImpact('roadmap:v2', 30, {} as any);
    expect(impact.complete).toBe(true);
    expect([impact.goldenPathServices, impact.otherServices]).toEqual([2, 3]);
    const lead = impact.metrics.find(m => m.metric === 'leadTime')!;
    expect(lead.verdict).toBe('improved');
    expect(lead.difference!).toBeLessThan(-2 * DAY_MS);
    const frequency = impact.metrics.find(
      m => m.metric === 'deploymentFrequency',
    )!;
    expect(frequency.verdict).toBe('no-detectable-change');
  });

  it('shows no deployed counts for a cohort of fewer than k, and no median over fewer than k deployed', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await MetricsStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    // October: two joiners; November: four, of whom two deployed; September:
    // three, all deployed (1, 2 and 4 days after joining).
    const joined = (month: number, day: number) =>
      Date.UTC(2026, month, day, 9);
    const people = [
      ['oct-a', joined(9, 5)],
      ['oct-b', joined(9, 12)],
      ['nov-a', joined(10, 2)],
      ['nov-b', joined(10, 3)],
      ['nov-c', joined(10, 4)],
      ['nov-d', joined(10, 5)],
      ['sep-a', joined(8, 1)],
      ['sep-b', joined(8, 2)],
      ['sep-c', joined(8, 3)],
    ] as const;
    const withPeople: ServiceDirectory = {
      ...directory,
      async users() {
        return people.map(([name, at]) => ({
          ref: `user:default/${name}`,
          joinedAt: at,
        }));
      },
    };
    const onboarding = new MetricsService(
      store,
      withPeople,
      sources,
      () => NOW,
      { minCohortSize: 3, doraCacheMs: 0 },
    );
    await onboarding.syncCatalog();
    const deployedBy = (name: string, days: number) => ({
      source: 'ci',
      externalId: `first-${name}`,
      service: 'component:default/svc',
      environment: 'production',
      status: 'success' as const,
      startedAt: iso(
        people.find(p => p[0] === name)![1] + days * DAY_MS - 1000,
      ),
      finishedAt: iso(people.find(p => p[0] === name)![1] + days * DAY_MS),
      commits: [],
      deployer: `user:default/${name}`,
    });
    await onboarding.ingestDeployments(
      [
        deployedBy('oct-a', 3),
        deployedBy('nov-a', 2),
        deployedBy('nov-b', 5),
        deployedBy('sep-a', 1),
        deployedBy('sep-b', 2),
        deployedBy('sep-c', 4),
      ],
      sender,
    );
    const report = await onboarding.onboarding({ months: 3 });
    expect(report.period).toBe('month');
    expect(report.minCohortSize).toBe(3);
    // November (4 ≥ k) is hidden too: shown, its counts and its quarter's
    // (GET ?quarters) would give October's two people's by subtraction.
    expect(report.cohorts).toEqual(
      cohorts(
        ['2026-09', 3, 3, 0, 2],
        ['2026-10', 2, null, null, null],
        ['2026-11', 4, null, null, null],
      ),
    );
    const quarters = await onboarding.onboarding({ quarters: 1 });
    expect(quarters.cohorts).toEqual(cohorts(['2026-Q4', 6, 3, 3, 3]));
  });

  it('pools cohorts by joining quarter with the exact median of everyone in it, and the same suppression at k', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await MetricsStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const at = (month: number, day: number) => Date.UTC(2026, month, day, 9);
    // [name, joined, days to first deployment (null: not yet)]
    const people: Array<[string, number, number | null]> = [
      // Q1: four, all deployed: 1, 2, 4 and 10 days; the median is (2 + 4) / 2.
      ['q1-a', at(0, 5), 1],
      ['q1-b', at(1, 5), 10],
      ['q1-c', at(2, 5), 2],
      ['q1-d', at(2, 20), 4],
      // Q2: two, one fewer than k: no counts, no median.
      ['q2-a', at(3, 5), 1],
      ['q2-b', at(5, 5), 2],
      // Q3: exactly k joined (counts shown), one fewer than k deployed (no median).
      ['q3-a', at(6, 5), 3],
      ['q3-b', at(7, 5), 6],
      ['q3-c', at(8, 5), null],
      // Q4: October 2 (hidden as a month), November 4 with 2 deployed (no
      // monthly median); pooled: 6 joined, 3 deployed in 3, 2 and 5 days.
      ['oct-a', at(9, 5), 3],
      ['oct-b', at(9, 12), null],
      ['nov-a', at(10, 2), 2],
      ['nov-b', at(10, 3), 5],
      ['nov-c', at(10, 4), null],
      ['nov-d', at(10, 5), null],
    ];
    const pooling = new MetricsService(
      store,
      {
        ...directory,
        async users() {
          return people.map(([name, joinedAt]) => ({
            ref: `user:default/${name}`,
            joinedAt,
          }));
        },
      },
      sources,
      () => NOW,
      { minCohortSize: 3, doraCacheMs: 0 },
    );
    await pooling.syncCatalog();
    await pooling.ingestDeployments(
      people
        .filter(([, , days]) => days !== null)
        .map(([name, joinedAt, days]) => ({
          source: 'ci',
          externalId: `first-${name}`,
          service: 'component:default/svc',
          environment: 'production',
          status: 'success' as const,
          startedAt: iso(joinedAt + days! * DAY_MS - 1000),
          finishedAt: iso(joinedAt + days! * DAY_MS),
          commits: [],
          deployer: `user:default/${name}`,
        })),
      sender,
    );
    const quarterly = await pooling.onboarding({ quarters: 4 });
    expect(quarterly).toEqual({
      period: 'quarter',
      minCohortSize: 3,
      cohorts: cohorts(
        ['2026-Q1', 4, 4, 0, 3],
        ['2026-Q2', 2, null, null, null],
        ['2026-Q3', 3, 2, 1, null],
        ['2026-Q4', 6, 3, 3, 3],
      ),
    });
    // The same people by month: the newest quarter has no median month by month.
    const monthly = await pooling.onboarding({ months: 2 });
    expect(monthly.cohorts).toEqual(
      // November hidden with October (see above): Q4 minus November would be October.
      cohorts(
        ['2026-10', 2, null, null, null],
        ['2026-11', 4, null, null, null],
      ),
    );
    // k deployed exactly: Q3 with one more first deployment shows its median (3, 6, 9 → 6).
    await pooling.ingestDeployments(
      [
        {
          source: 'ci',
          externalId: 'first-q3-c',
          service: 'component:default/svc',
          environment: 'production',
          status: 'success' as const,
          startedAt: iso(at(8, 5) + 9 * DAY_MS - 1000),
          finishedAt: iso(at(8, 5) + 9 * DAY_MS),
          commits: [],
          deployer: 'user:default/q3-c',
        },
      ],
      sender,
    );
    expect((await pooling.onboarding({ quarters: 2 })).cohorts[0]).toEqual({
      cohort: '2026-Q3',
      joined: 3,
      deployed: 3,
      notYetDeployed: 0,
      medianDays: 6,
    });
  });

  it('no month hidden for its size can be recovered as its quarter minus the months shown (random joiners)', async () => {
    const K = 3;
    await fc.assert(
      fc.asyncProperty(
        // Joiners and how many of them deployed, per month of the last 14.
        fc.array(fc.tuple(fc.nat(6), fc.nat(6)), {
          minLength: 14,
          maxLength: 14,
        }),
        async months => {
          const knex = await databases.init('SQLITE_3');
          const store = await MetricsStore.create(
            mockServices.database({ knex, migrations: { skip: false } }),
          );
          const people: Array<{ ref: string; joinedAt: number }> = [];
          const firsts: DeploymentEventInput[] = [];
          const now = new Date(NOW);
          months.forEach(([joiners, deployed], i) => {
            for (let p = 0; p < joiners; p++) {
              const ref = `user:default/m${i}-p${p}`;
              const joinedAt = Date.UTC(
                now.getUTCFullYear(),
                now.getUTCMonth() - i,
                1 + p,
                9,
              );
              people.push({ ref, joinedAt });
              if (p < deployed) {
                firsts.push({
                  source: 'ci',
                  externalId: `first-${i}-${p}`,
                  service: 'component:default/svc',
                  environment: 'production',
                  status: 'success',
                  startedAt: iso(joinedAt + DAY_MS - 1000),
                  finishedAt: iso(Math.min(joinedAt + DAY_MS, NOW - 1)),
                  commits: [],
                  deployer: ref,
                });
              }
            }
          });
          const metrics = new MetricsService(
            store,
            { ...directory, users: async () => people },
            sources,
            () => NOW,
            { minCohortSize: K, doraCacheMs: 0 },
          );
          await metrics.syncCatalog();
          if (firsts.length > 0)
            await metrics.ingestDeployments(firsts, sender);
          const monthly = (await metrics.onboarding({ months: 12 })).cohorts;
          const quarterly = (await metrics.onboarding({ quarters: 5 })).cohorts;
          const problems: string[] = [];
          for (const m of monthly) {
            // A month shown holds at least K people.
            if (m.deployed !== null && m.joined > 0 && m.joined < K) {
              problems.push(`${m.cohort} shown with ${m.joined} people`);
            }
          }
          for (const q of quarterly) {
            if (q.deployed === null) continue;
            const [year, n] = q.cohort.split('-Q').map(Number);
            const inQuarter = monthly.filter(m => {
              const [y, month] = m.cohort.split('-').map(Number);
              return y === year && Math.ceil(month / 3) === n;
            });
            const hidden = inQuarter.filter(
              m => m.deployed === null && m.joined > 0,
            );
            if (hidden.length === 0) continue;
            // What subtraction gives: the hidden months' people together.
            const rest =
              q.joined -
              inQuarter
                .filter(m => m.deployed !== null)
                .reduce((sum, m) => sum + m.joined, 0);
            if (rest < K) {
              problems.push(
                `${q.cohort} minus its months shown gives ${rest} people`,
              );
            }
          }
          expect(problems).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });

  describe('DORA reports kept between writes', () => {
    const deployment = (
      id: string,
      t: number,
      ref = 'component:default/a',
    ) => ({
      source: 'ci',
      externalId: id,
      service: ref,
      environment: 'production',
      status: 'success' as const,
      startedAt: iso(t - 60_000),
      finishedAt: iso(t),
      commits: [],
    });

    // Two replicas: two services over one database, each with its own cache.
    async function replicas(cacheMs: number, owners: Map<string, string>) {
      const knex = await databases.init('SQLITE_3');
      const store = await MetricsStore.create(
        mockServices.database({ knex, migrations: { skip: false } }),
      );
      const computed = jest.spyOn(store, 'aggregateWithWeeks');
      const clock = { now: NOW };
      const owned: ServiceDirectory = {
        async lookup(refs) {
          return new Map<string, CatalogEntry>(
            refs.map(r => [r, { owner: owners.get(r) ?? null }]),
          );
        },
        async users() {
          return [];
        },
      };
      const make = () =>
        new MetricsService(store, owned, sources, () => clock.now, {
          minCohortSize: 3,
          doraCacheMs: cacheMs,
        });
      return { store, computed, clock, one: make(), two: make() };
    }

    it('serves a report again until a write changes the figures, on any replica', async () => {
      const { computed, one, two } = await replicas(60_000, new Map());
      await one.ingestDeployments([deployment('d1', NOW - DAY_MS)], sender);
      const first = await one.dora({});
      expect(first.metrics.deploymentFrequency.sample).toBe(1);
      expect(await one.dora({})).toBe(first);
      expect(computed).toHaveBeenCalledTimes(1);

      // The same delivery again writes nothing: still the kept report.
      await two.ingestDeployments([deployment('d1', NOW - DAY_MS)], sender);
      expect(await one.dora({})).toBe(first);
      expect(computed).toHaveBeenCalledTimes(1);

      // A new deployment through the other replica: computed again at once.
      await two.ingestDeployments([deployment('d2', NOW - 2 * DAY_MS)], sender);
      const second = await one.dora({});
      expect(second.metrics.deploymentFrequency.sample).toBe(2);
      expect(computed).toHaveBeenCalledTimes(2);

      // A corrected event (same id, now a rollback) and an incident too.
      await two.ingestDeployments(
        [{ ...deployment('d2', NOW - 2 * DAY_MS), status: 'rolled_back' }],
        sender,
      );
      expect((await one.dora({})).metrics.changeFailureRate.value).toBe(0.5);
      await two.ingestIncidents(
        [
          {
            source: 'ci',
            externalId: 'i1',
            service: 'component:default/a',
            openedAt: iso(NOW - DAY_MS + 60_000),
            resolvedAt: iso(NOW - DAY_MS + 120_000),
          },
        ],
        sender,
      );
      // Attributed to d1, the last successful deployment before it opened.
      expect((await one.dora({})).metrics.changeFailureRate.value).toBe(1);
    });

    it('keeps each scope and window apart, computes again once the report is older than the cache time, and not at all with 0', async () => {
      const { computed, clock, one } = await replicas(60_000, new Map());
      await one.ingestDeployments(
        [
          deployment('a1', NOW - DAY_MS),
          deployment('b1', NOW - DAY_MS, 'component:default/b'),
        ],
        sender,
      );
      const all = await one.dora({});
      const b = await one.dora({ service: 'component:default/b' });
      const week = await one.dora({ windowDays: 7 });
      expect(all.metrics.deploymentFrequency.sample).toBe(2);
      expect(b.metrics.deploymentFrequency.sample).toBe(1);
      expect(week.window.days).toBe(7);
      expect(computed).toHaveBeenCalledTimes(3);

      clock.now = NOW + 59_999;
      expect(await one.dora({})).toBe(all);
      clock.now = NOW + 60_000;
      const later = await one.dora({});
      expect(later).not.toBe(all);
      expect(later.window.to).toBe(iso(NOW + 60_000));
      expect(computed).toHaveBeenCalledTimes(4);

      const { computed: uncached, one: off } = await replicas(0, new Map());
      await off.dora({});
      await off.dora({});
      expect(uncached).toHaveBeenCalledTimes(2);
    });

    it("a team's report follows a service moving to another team in the catalog", async () => {
      const owners = new Map([['component:default/a', 'group:default/red']]);
      const { one, two } = await replicas(60_000, owners);
      await one.ingestDeployments([deployment('a1', NOW - DAY_MS)], sender);
      const red = () => one.dora({ team: 'group:default/red' });
      expect((await red()).metrics.deploymentFrequency.sample).toBe(1);
      owners.set('component:default/a', 'group:default/blue');
      await two.syncCatalog();
      expect((await red()).metrics.deploymentFrequency.sample).toBe(0);
      expect(
        (await one.dora({ team: 'group:default/blue' })).metrics
          .deploymentFrequency.sample,
      ).toBe(1);
    });

    it('does not keep a failed computation', async () => {
      const { store, one } = await replicas(60_000, new Map());
      const spy = jest
        .spyOn(store, 'aggregateWithWeeks')
        .mockRejectedValueOnce(new Error('connection lost'));
      await expect(one.dora({})).rejects.toThrow('connection lost');
      await expect(one.dora({})).resolves.toMatchObject({
        bandVersion: expect.any(String),
      });
      expect(spy).toHaveBeenCalledTimes(2);
    });
  });
});
