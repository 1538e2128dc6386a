import {
  DAY_MS,
  DeploymentEvent,
  doraMetrics,
  referenceAggregate,
} from '@paved/plugin-platform-metrics-common';
import {
  DemoDeveloper,
  DemoService,
  generateDeliveryHistory,
} from './demoData';

const now = Date.parse('2026-11-30T12:00:00Z');
const releaseAt = now - 100 * DAY_MS;
const teams = [
  'platform-team',
  'checkout',
  'customer-apps',
  'routing',
  'fleet-ops',
  'data-insights',
];
const services: DemoService[] = teams.flatMap((team, t) =>
  Array.from({ length: 6 }, (_, i) => ({
    ref: `component:default/${team}-svc-${i}`,
    owner: `group:default/${team}`,
    createdAt: null,
    goldenPath: (i + t) % 2 === 0,
  })),
);
const developers: DemoDeveloper[] = [
  // Joined ten days ago: still onboarding.
  {
    ref: 'user:default/brand-new',
    team: 'group:default/checkout',
    joinedAt: now - 10 * DAY_MS,
  },
  ...teams.flatMap(team => [
    {
      ref: `user:default/${team}-old`,
      team: `group:default/${team}`,
      joinedAt: null,
    },
    {
      ref: `user:default/${team}-new`,
      team: `group:default/${team}`,
      joinedAt: now - 200 * DAY_MS,
    },
  ]),
];
const history = generateDeliveryHistory({
  services,
  developers,
  releaseAt,
  now,
});
const records = history.deployments.map(d => ({
  ...d,
  deployer: d.deployer ?? null,
}));
const incidents = history.incidents.map(i => ({
  ...i,
  resolvedAt: i.resolvedAt ?? null,
  causedBy: i.causedBy ?? null,
  restoredBy: null,
}));
const year = { from: now - 365 * DAY_MS, to: now };
const ofTeam = (team: string) => (s: string) => s.includes(`/${team}-svc`);

describe('demo delivery history', () => {
  it('is the same on every start', () => {
    expect(
      generateDeliveryHistory({ services, developers, releaseAt, now }),
    ).toEqual(history);
  });

  it('puts teams at different bands', () => {
    const band = (team: string) =>
      doraMetrics(
        referenceAggregate(records, incidents, year, ofTeam(team)),
        365,
      ).leadTime.classification?.band;
    expect(band('platform-team')).toBe('elite');
    expect(band('checkout')).toBe('high');
    expect(band('data-insights')).toBe('low');
    const cfr = (team: string) =>
      doraMetrics(
        referenceAggregate(records, incidents, year, ofTeam(team)),
        365,
      ).changeFailureRate.classification?.band;
    expect(cfr('platform-team')).toBe('elite');
    expect(cfr('data-insights')).toBe('low');
  });

  it('golden-path services get faster after the release; the rest do not', () => {
    const gp = new Set(services.filter(s => s.goldenPath).map(s => s.ref));
    const lead = (from: number, to: number, golden: boolean) =>
      referenceAggregate(
        records,
        incidents,
        { from, to },
        s => gp.has(s) === golden,
      ).leadTimeMs!;
    const before = {
      gp: lead(releaseAt - 60 * DAY_MS, releaseAt, true),
      rest: lead(releaseAt - 60 * DAY_MS, releaseAt, false),
    };
    const after = {
      gp: lead(releaseAt, releaseAt + 60 * DAY_MS, true),
      rest: lead(releaseAt, releaseAt + 60 * DAY_MS, false),
    };
    expect(after.gp / before.gp).toBeLessThan(0.7);
    expect(after.rest / before.rest).toBeGreaterThan(0.7);
  });

  it('has rework, pipeline failures and new joiners’ first deployments after they joined', () => {
    expect(history.deployments.some(d => d.rework)).toBe(true);
    expect(history.deployments.some(d => d.status === 'failed')).toBe(true);
    for (const team of teams) {
      const first = history.deployments
        .filter(
          (d: DeploymentEvent) =>
            d.deployer === `user:default/${team}-new` &&
            d.status === 'success' &&
            d.environment === 'production',
        )
        .sort((a, b) => a.finishedAt - b.finishedAt)[0];
      expect(first.finishedAt).toBeGreaterThan(now - 200 * DAY_MS);
    }
    expect(
      history.deployments.filter(d => d.deployer === 'user:default/brand-new'),
    ).toEqual([]);
  });
});
