import { asUser, routerTestKit } from '@paved/backend-test-utils';
import { DAY_MS } from '@paved/plugin-platform-metrics-common';
import express from 'express';
import request from 'supertest';
import { CatalogEntry, MetricsStore } from './database/MetricsStore';
import { createRouter } from './router';
import { ServiceDirectory } from './service/CatalogDirectory';
import { MetricsService } from './service/MetricsService';
import { PlatformSources } from './service/PluginSources';

const kit = routerTestKit();
const PM = 'user:default/priya.raman';
const DEV = 'user:default/jonas.weber';
const NOW = Date.parse('2026-11-30T12:00:00Z');
// An external-access token whose subject names its source, as the mock auth service reads it.
const token = (subject: string) =>
  `Bearer mock-service-token:${JSON.stringify({ sub: subject })}`;

const deployment = (patch: Record<string, unknown> = {}) => ({
  source: 'github-actions',
  externalId: 'run-1',
  service: 'component:default/checkout-api',
  environment: 'production',
  status: 'success',
  startedAt: '2026-11-29T10:00:00Z',
  finishedAt: '2026-11-29T10:05:00Z',
  commits: [{ sha: 'abc1234', committedAt: '2026-11-28T10:00:00Z' }],
  ...patch,
});

const directory: ServiceDirectory = {
  async lookup(refs) {
    return new Map<string, CatalogEntry>(
      refs.map(r => [
        r,
        r === 'component:default/checkout-api'
          ? { owner: 'group:default/checkout' }
          : null,
      ]),
    );
  },
  async users() {
    return [];
  },
};

const sources: PlatformSources = {
  async roadmapReleases() {
    return [
      {
        id: 'item-1',
        title: 'Service template v2',
        summary: 'The runtime built in',
        shippedAt: NOW - 40 * DAY_MS,
      },
    ];
  },
  async goldenPathServices() {
    return new Set(['component:default/checkout-api']);
  },
};

describe('platform-metrics router', () => {
  let app: express.Express;
  let store: MetricsStore;
  let audit: jest.Mock;

  beforeEach(async () => {
    store = await MetricsStore.create(await kit.database());
    audit = jest.fn();
    const auditor = {
      createEvent: jest.fn(async (options: any) => ({
        success: async () => audit(options.eventId, 'succeeded'),
        fail: async () => audit(options.eventId, 'failed'),
      })),
    };
    const router = await createRouter({
      service: new MetricsService(store, directory, sources, () => NOW),
      // Paved's policy in short: the PM holds everything, developers read.
      ...kit.services(
        (permission, { type, subject, userEntityRef }) =>
          (type === 'service' &&
            // A token whose access restrictions leave out sending events.
            subject !== 'read-only-tool') ||
          userEntityRef === PM ||
          permission === 'platform-metrics.read',
      ),
      auditor: auditor as any,
    });
    app = kit.app(router);
  });

  const post = (path: string, body: unknown, auth = token('github-actions')) =>
    request(app)
      .post(path)
      .set('authorization', auth)
      .send(body as object);

  const getAsDev = (path: string) =>
    request(app).get(path).set('authorization', asUser(DEV));

  // Six deployments without commits, finished 1 to 6 days before NOW (12:00
  // on 29, 28, 27, 26, 25 and 24 November).
  const postSixDeployments = () =>
    post(
      '/deployments',
      Array.from({ length: 6 }, (_, i) =>
        deployment({
          externalId: `run-${i}`,
          finishedAt: new Date(NOW - (i + 1) * DAY_MS).toISOString(),
          startedAt: new Date(NOW - (i + 1) * DAY_MS - 60_000).toISOString(),
          commits: [],
        }),
      ),
    );

  // Each query of `path` is refused with a 400 whose message has the text given.
  async function expectRefused(
    path: string,
    cases: ReadonlyArray<readonly [query: string, message: string]>,
  ) {
    for (const [query, message] of cases) {
      const bad = await getAsDev(`${path}?${query}`);
      expect({ query, status: bad.status }).toEqual({ query, status: 400 });
      expect(bad.body.error.message).toContain(message);
    }
  }

  it('ingests one deployment, flags unknown services, and a retry changes nothing', async () => {
    const first = await post('/deployments', [
      deployment(),
      deployment({ externalId: 'run-2', service: 'billing-typo' }),
    ]);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      received: 2,
      stored: 2,
      unchanged: 0,
      unknownServices: ['component:default/billing-typo'],
    });
    expect(audit).toHaveBeenCalledWith('deployments-ingest', 'succeeded');
    const retry = await post('/deployments', deployment());
    expect(retry.body).toMatchObject({ received: 1, stored: 0, unchanged: 1 });

    const unmapped = await getAsDev('/unmapped-services');
    expect(unmapped.body.services.map((s: any) => s.service)).toEqual([
      'component:default/billing-typo',
    ]);
  });

  it.each([
    [
      'a wrong status',
      deployment({ status: 'ok' }),
      'events[0].status: status must be one of success, failed, rolled_back',
    ],
    [
      'an unknown field',
      deployment({ colour: 'blue' }),
      'events[0]: Unrecognized key: "colour"',
    ],
    [
      'a missing service',
      deployment({ service: undefined }),
      'events[0].service: service must be a component entity ref',
    ],
    [
      'a group as service',
      deployment({ service: 'group:default/checkout' }),
      'events[0].service: service must be a component entity ref such as',
    ],
    [
      'a time without zone',
      deployment({ finishedAt: '2026-11-29 10:05' }),
      'events[0].finishedAt: finishedAt must be an ISO 8601 time with a zone',
    ],
    [
      'finish before start',
      deployment({ finishedAt: '2026-11-29T09:00:00Z' }),
      'events[0].finishedAt: finishedAt must not be before startedAt',
    ],
    [
      'a bad sha',
      deployment({
        commits: [{ sha: 'xyz', committedAt: '2026-11-28T10:00:00Z' }],
      }),
      'events[0].commits[0].sha: sha must be 7 to 64 hexadecimal characters',
    ],
    [
      'commits not a list',
      deployment({ commits: 'abc1234' }),
      'events[0].commits: commits must be a list',
    ],
    [
      'rework not a boolean',
      deployment({ rework: 'yes' }),
      'events[0].rework: rework must be true or false',
    ],
    [
      'a bad deployer',
      deployment({ deployer: 'group:default/checkout' }),
      'events[0].deployer: deployer must be a user entity ref',
    ],
    [
      'an empty external id',
      deployment({ externalId: '' }),
      'events[0].externalId: externalId must not be empty',
    ],
    [
      'a bad source',
      deployment({ source: 'git hub' }),
      'events[0].source: source must be letters, digits',
    ],
    ['an empty batch', [], 'the batch is empty'],
    [
      '5,001 events',
      Array.from({ length: 5001 }, (_, i) =>
        deployment({ externalId: `r${i}` }),
      ),
      'a batch holds at most 5000 events; this one has 5001',
    ],
    [
      'the same id twice',
      [deployment(), deployment({ status: 'failed' })],
      'events[1].externalId: "run-1" from github-actions is also events[0]',
    ],
  ])(
    'refuses %s with a 400 naming it, and stores nothing',
    async (_, body, message) => {
      const res = await post('/deployments', body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
      expect(res.body.error.message).toMatch(/nothing was stored/);
      expect(await store.services()).toEqual([]);
    },
  );

  it('refuses a whole batch when one event is invalid', async () => {
    const res = await post('/deployments', [
      deployment({ externalId: 'good' }),
      deployment({ externalId: 'bad', status: 'done' }),
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('events[1].status');
    const dora = await getAsDev('/dora');
    expect(dora.body.metrics.deploymentFrequency.sample).toBe(0);
  });

  it.each([
    [
      'a resolution before opening',
      { resolvedAt: '2026-11-29T09:00:00Z' },
      'events[0].resolvedAt: resolvedAt must not be before openedAt',
    ],
    [
      'a cause without its source',
      { causedBy: { externalId: 'run-1' } },
      'events[0].causedBy.source',
    ],
    [
      'an unknown key in the cause',
      { causedBy: { source: 'github-actions', externalId: 'run-1', sha: 'x' } },
      'events[0].causedBy: Unrecognized key',
    ],
  ])('refuses an incident with %s', async (_, patch, message) => {
    const res = await post('/incidents', {
      source: 'github-actions',
      externalId: 'INC-1',
      service: 'checkout-api',
      openedAt: '2026-11-29T10:00:00Z',
      ...patch,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(message);
  });

  it('takes events only from service tokens with the permission, and only for their own source', async () => {
    // A user (even the PM) is not a sending tool.
    const fromUser = await post('/deployments', deployment(), asUser(PM));
    expect(fromUser.status).toBe(403);
    const anonymous = await request(app)
      .post('/deployments')
      .send(deployment());
    expect(anonymous.status).toBe(401);
    const restricted = await post(
      '/deployments',
      deployment({ source: 'read-only-tool' }),
      token('read-only-tool'),
    );
    expect(restricted.status).toBe(403);
    expect(restricted.body.error.message).toBe(
      'You need the platform-metrics.event.create permission',
    );
    const otherSource = await post(
      '/deployments',
      deployment(),
      token('pagerduty'),
    );
    expect(otherSource.status).toBe(403);
    expect(otherSource.body.error.message).toContain(
      'events[0].source is "github-actions"',
    );
    expect(await store.services()).toEqual([]);
  });

  it('serves DORA with bands and band version, weekly series, and refuses bad queries', async () => {
    await postSixDeployments();
    const res = await getAsDev('/dora?service=checkout-api&windowDays=30');
    expect(res.status).toBe(200);
    expect(res.body.bandVersion).toBe('dora-2023');
    expect(res.body.inCatalog).toBe(true);
    expect(res.body.metrics.deploymentFrequency).toMatchObject({
      value: 6 / 30,
      status: 'ok',
      classification: { band: 'high', bandVersion: 'dora-2023' },
    });
    expect(res.body.series.length).toBeGreaterThanOrEqual(5);
    expect(
      res.body.series.reduce((n: number, p: any) => n + p.deployments, 0),
    ).toBe(6);

    await expectRefused('/dora', [
      ['windowDays=3', 'windowDays: windowDays must be at least 7'],
      ['windowDays=abc', 'windowDays: windowDays must be a number'],
      [
        'team=checkout&service=checkout-api',
        'team: choose a team or a service, not both',
      ],
      [
        'service=group:default/x',
        'service: service must be a component entity ref',
      ],
      ['colour=blue', 'Unrecognized key'],
    ]);
    const anonymous = await request(app).get('/dora');
    expect(anonymous.status).toBe(401);
  });

  it('serves DORA over a window that ends with an earlier day, and refuses an end that is not a real past date', async () => {
    await postSixDeployments();
    const get = (query: string) => getAsDev(`/dora?${query}`);
    // 30 days ending with 26 November: 28 October 00:00 to 27 November 00:00 holds the 26th, 25th and 24th.
    const earlier = await get('windowDays=30&end=2026-11-26');
    expect(earlier.status).toBe(200);
    expect(earlier.body.window).toEqual({
      from: '2026-10-28T00:00:00.000Z',
      to: '2026-11-27T00:00:00.000Z',
      days: 30,
    });
    expect(earlier.body.metrics.deploymentFrequency).toMatchObject({
      value: 3 / 30,
      sample: 3,
    });
    // Ending today is the window ending now, as without an end.
    const today = await get('windowDays=30&end=2026-11-30');
    const none = await get('windowDays=30');
    expect(today.body.window.to).toBe(new Date(NOW).toISOString());
    expect(today.body).toEqual(none.body);
    expect(today.body.metrics.deploymentFrequency.sample).toBe(6);

    await expectRefused('/dora', [
      ['end=2026-12-01', 'end must not be in the future'],
      ['end=2026-02-29', 'end: end must be a real date like 2026-09-30'],
      ['end=2026-13-01', 'end: end must be a real date like 2026-09-30'],
      ['end=30.11.2026', 'end: end must be a real date like 2026-09-30'],
      ['end=', 'end: end must be a real date like 2026-09-30'],
      ['end=2026-11-26T00:00:00Z', 'end: end must be a real date'],
    ]);
    expect((await get('end=2024-02-29')).status).toBe(200);
    const anonymous = await request(app).get('/dora?end=2026-11-26');
    expect(anonymous.status).toBe(401);
  });

  it('release markers: PMs add and remove them (audited), developers may not, bad input is a 400', async () => {
    const byDev = await request(app)
      .post('/releases')
      .set('authorization', asUser(DEV))
      .send({ title: 'Mesh', releasedAt: '2026-10-01' });
    expect(byDev.status).toBe(403);
    for (const [body, message] of [
      [
        { title: '', releasedAt: '2026-10-01' },
        'title: title must not be empty',
      ],
      [
        { title: 'Mesh', releasedAt: 'October' },
        'releasedAt: releasedAt must be a date',
      ],
      [{ title: 'Mesh' }, 'releasedAt'],
      [
        { title: 'Mesh', releasedAt: '2030-01-01' },
        'releasedAt is more than a year ahead',
      ],
    ] as const) {
      const bad = await request(app)
        .post('/releases')
        .set('authorization', asUser(PM))
        .send(body);
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain(message);
    }
    const created = await request(app)
      .post('/releases')
      .set('authorization', asUser(PM))
      .send({ title: 'Mesh', releasedAt: '2026-10-01' });
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^marker:\d+$/);
    expect(audit).toHaveBeenCalledWith('release-marker-create', 'succeeded');

    const list = await getAsDev('/releases');
    expect(list.body.releases.map((r: any) => r.title)).toEqual([
      'Service template v2',
      'Mesh',
    ]);
    const id = created.body.id.split(':')[1];
    expect(
      (
        await request(app)
          .delete(`/markers/${id}`)
          .set('authorization', asUser(DEV))
      ).status,
    ).toBe(403);
    expect(
      (
        await request(app)
          .delete('/markers/abc')
          .set('authorization', asUser(PM))
      ).status,
    ).toBe(400);
    expect(
      (
        await request(app)
          .delete(`/markers/${id}`)
          .set('authorization', asUser(PM))
      ).status,
    ).toBe(204);
    expect(
      (
        await request(app)
          .delete(`/markers/${id}`)
          .set('authorization', asUser(PM))
      ).status,
    ).toBe(404);
  });

  it('release impact: 404 for an unknown release, 400 for a bad id or days; a known one has all five metrics', async () => {
    const ok = await getAsDev('/release-impact?release=roadmap:item-1');
    expect(ok.status).toBe(200);
    expect(ok.body.metrics).toHaveLength(5);
    expect(ok.body.metrics[0].verdict).toBe('too-little-data');
    expect(
      (await getAsDev('/release-impact?release=roadmap:nope')).status,
    ).toBe(404);
    const bad = await getAsDev('/release-impact?release=jira:1&days=2');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('release: release must be an id');
    expect(bad.body.error.message).toContain('days: days must be at least 7');
  });

  it('records a first sign-in for the signed-in user (audited), onboarding refuses bad months', async () => {
    const res = await request(app)
      .post('/sign-ins')
      .set('authorization', asUser(DEV));
    expect(res.status).toBe(204);
    expect(audit).toHaveBeenCalledWith('sign-in-record', 'succeeded');
    expect((await request(app).post('/sign-ins')).status).toBe(401);

    const onboarding = await getAsDev('/onboarding?months=3');
    expect(onboarding.body.cohorts.map((c: any) => c.cohort)).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    await expectRefused('/onboarding', [
      ['months=0', 'months: months must be at least 1'],
    ]);
  });

  it('onboarding pooled by joining quarter, and refuses bad quarters', async () => {
    const quarterly = await getAsDev('/onboarding?quarters=2');
    expect(quarterly.status).toBe(200);
    expect(quarterly.body).toMatchObject({
      period: 'quarter',
      minCohortSize: 5,
    });
    expect(quarterly.body.cohorts.map((c: any) => c.cohort)).toEqual([
      '2026-Q3',
      '2026-Q4',
    ]);
    await expectRefused('/onboarding', [
      ['quarters=0', 'quarters: quarters must be at least 1'],
      ['quarters=13', 'quarters: quarters must be at most 12'],
      ['quarters=1.5', 'quarters: quarters must be a whole number'],
      ['quarters=many', 'quarters: quarters must be a number'],
      ['months=3&quarters=2', 'quarters: choose months or quarters, not both'],
    ]);
    expect((await request(app).get('/onboarding?quarters=2')).status).toBe(401);
  });
});
