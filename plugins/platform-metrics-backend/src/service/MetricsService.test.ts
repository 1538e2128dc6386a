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
      { minCohortSize: 3 },
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
    const report = await onboarding.onboarding(3);
    expect(report.minCohortSize).toBe(3);
    expect(report.cohorts).toEqual([
      {
        cohort: '2026-09',
        joined: 3,
        deployed: 3,
        notYetDeployed: 0,
        medianDays: 2,
      },
      {
        cohort: '2026-10',
        joined: 2,
        deployed: null,
        notYetDeployed: null,
        medianDays: null,
      },
      {
        cohort: '2026-11',
        joined: 4,
        deployed: 2,
        notYetDeployed: 2,
        medianDays: null,
      },
    ]);
  });
});
