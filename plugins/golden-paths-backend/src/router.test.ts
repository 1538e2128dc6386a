import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { asUser, routerTestKit } from '@paved/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { GoldenPathsStore } from './database/GoldenPathsStore';
import { createRouter } from './router';
import { GoldenPathsService } from './service/GoldenPathsService';

const kit = routerTestKit();
const DEV = 'user:default/jonas.weber';
const OUTSIDER = 'user:default/contractor';

describe('golden-paths router', () => {
  let app: express.Express;

  beforeEach(async () => {
    const store = await GoldenPathsStore.create(await kit.database());
    const catalog = catalogServiceMock({
      entities: [
        {
          apiVersion: 'scaffolder.backstage.io/v1beta3',
          kind: 'Template',
          metadata: {
            name: 'typescript-service',
            namespace: 'default',
            annotations: { 'paved.dev/golden-path': 'true' },
          },
          spec: { owner: 'group:default/platform-team' },
        },
      ],
    });
    const router = await createRouter({
      service: new GoldenPathsService(
        store,
        catalog,
        () => new Date('2026-11-24T10:00:00Z'),
      ),
      // An operator's policy that keeps golden paths from one user.
      ...kit.services(
        (_permission, { userEntityRef }) => userEntityRef !== OUTSIDER,
      ),
    });
    app = kit.app(router);
  });

  it('serves paths and adoption to signed-in users', async () => {
    const paths = await request(app)
      .get('/paths')
      .set('authorization', asUser(DEV));
    expect(paths.status).toBe(200);
    expect(paths.body.paths.map((p: any) => p.templateRef)).toEqual([
      'template:default/typescript-service',
    ]);

    const trend = await request(app)
      .get('/adoption')
      .set('authorization', asUser(DEV));
    expect(trend.status).toBe(200);
    expect(trend.body.quarters).toHaveLength(8);
    expect(trend.body.quarters[7].quarter).toBe('2026-Q4');

    const teams = await request(app)
      .get('/adoption/teams?from=2026-Q1&to=2026-Q4')
      .set('authorization', asUser(DEV));
    expect(teams.body).toMatchObject({
      from: '2026-Q1',
      to: '2026-Q4',
      teams: [],
    });

    const monthly = await request(app)
      .get('/adoption/monthly?from=2026-09&to=2026-11')
      .set('authorization', asUser(DEV));
    expect(monthly.status).toBe(200);
    expect(monthly.body).toEqual({
      goal: 0.8,
      months: ['2026-09', '2026-10', '2026-11'].map(month => ({
        month,
        newComponents: 0,
        fromGoldenPaths: 0,
        adoption: null,
      })),
    });

    const offPath = await request(app)
      .get('/adoption/off-path?limit=5')
      .set('authorization', asUser(DEV));
    expect(offPath.body).toEqual({ services: [] });

    const detail = await request(app)
      .get('/paths/default/typescript-service')
      .set('authorization', asUser(DEV));
    expect(detail.status).toBe(200);
    expect(detail.body.services).toEqual([]);
  });

  it('needs a signed-in user holding golden-paths.read', async () => {
    for (const path of [
      '/paths',
      '/adoption',
      '/adoption/teams',
      '/adoption/monthly',
      '/adoption/off-path',
    ]) {
      expect((await request(app).get(path)).status).toBe(401);
      const denied = await request(app)
        .get(path)
        .set('authorization', asUser(OUTSIDER));
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toContain('golden-paths.read');
    }
    const service = await request(app)
      .get('/paths')
      .set('authorization', mockCredentials.service.header());
    expect(service.status).toBe(403);
  });

  it('answers bad input with a 400 naming the problem', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/adoption?from=2026-13', /from must be a quarter/],
      ['/adoption?to=last', /to must be a quarter/],
      ['/adoption?from=2026-Q3&to=2026-Q1', /from must not be after to/],
      ['/adoption?quarter=2026-Q1', /quarter/],
      ['/adoption?from=2000-Q1&to=2026-Q4', /at most 40 quarters/],
      ['/adoption/teams?from[a]=1', /from/],
      ['/adoption/teams?from=0000-Q1', /from must be a quarter from 2000-Q1/],
      ['/adoption/teams?to=x', /to must be a quarter from 2000-Q1/],
      ['/adoption/teams?from=9999-Q4', /from must be a quarter from 2000-Q1/],
      ['/adoption/teams?to=0000-Q1', /to must be a quarter from 2000-Q1/],
      ['/adoption/monthly?from=2026-Q3', /from must be a month from 2000-01/],
      ['/adoption/monthly?to=2026-13', /to must be a month from 2000-01/],
      ['/adoption/monthly?to=2026-1', /to must be a month from 2000-01/],
      ['/adoption/monthly?from=1999-12', /from must be a month from 2000-01/],
      [
        '/adoption/monthly?from=2026-11&to=2026-09',
        /from must not be after to/,
      ],
      ['/adoption/monthly?from=2023-12&to=2026-12', /at most 36 months/],
      ['/adoption/monthly?month=2026-11', /month/],
      ['/adoption/off-path?limit=0', /limit must be at least 1/],
      ['/adoption/off-path?limit=x', /limit must be a number/],
      ['/paths/default/..%2F..%2Fetc', /name is not a template name/],
    ];
    for (const [path, message] of cases) {
      const res = await request(app)
        .get(path)
        .set('authorization', asUser(DEV));
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.error.message).toMatch(message);
    }
  });

  it('answers 404 for a template that is not an approved golden path', async () => {
    const res = await request(app)
      .get('/paths/default/legacy-node-service')
      .set('authorization', asUser(DEV));
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      'template:default/legacy-node-service is not an approved golden path',
    );
  });
});
