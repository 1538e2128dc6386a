import { ServiceUnavailableError } from '@backstage/errors';
import { asUser, routerTestKit } from '@paved/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { ciSpeedLatestDemand } from './__testUtils__/fixtures';
import { RoadmapStore } from './database/RoadmapStore';
import { createRouter } from './router';
import { DemandSource } from './service/NpsDemandSource';
import { RoadmapService } from './service/RoadmapService';

const kit = routerTestKit();
const PM = 'user:default/priya.raman';
const DEV = 'user:default/jonas.weber';
const OUTSIDER = 'user:default/ext.contractor';

describe('roadmap router: top themes', () => {
  let latestDemand: jest.MockedFunction<DemandSource['latestDemand']>;
  let app: express.Express;

  beforeEach(async () => {
    const store = await RoadmapStore.create(await kit.database());
    latestDemand = jest.fn();
    const router = await createRouter({
      service: new RoadmapService(store, {
        demand: async () => ({ minGroupSize: null, campaigns: [] }),
        latestDemand,
      }),
      ...kit.services(
        (permission, { userEntityRef: ref }) =>
          ref === PM ||
          (permission === 'roadmap.item.read' && ref !== OUTSIDER),
      ),
    });
    app = kit.app(router);
  });

  it('answers readers in one request: 401, 403, 400 on a bad limit, 503 without NPS', async () => {
    const created = await request(app)
      .post('/items')
      .set('authorization', asUser(PM))
      .send({
        title: 'Faster CI',
        summary: 'Builds in half the time.',
        category: 'ci-cd',
        owner: 'group:default/platform-team',
        horizon: 'now',
        status: 'building',
      });
    await request(app)
      .put(`/items/${created.body.id}/themes`)
      .set('authorization', asUser(PM))
      .send({ themes: ['ci speed'] })
      .expect(200);
    latestDemand.mockResolvedValue(ciSpeedLatestDemand);

    const ok = await request(app)
      .get('/top-themes?limit=3')
      .set('authorization', asUser(DEV));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      minGroupSize: 5,
      themes: [
        {
          theme: 'ci speed',
          comments: 6,
          campaignId: 'q4',
          campaign: 'Platform NPS Q4 2026',
          items: [{ id: created.body.id, title: 'Faster CI' }],
        },
      ],
    });
    expect(latestDemand).toHaveBeenLastCalledWith(['ci speed'], 3);
    await request(app)
      .get('/top-themes')
      .set('authorization', asUser(DEV))
      .expect(200);
    expect(latestDemand).toHaveBeenLastCalledWith(['ci speed'], 5);

    expect((await request(app).get('/top-themes')).status).toBe(401);
    expect(
      (
        await request(app)
          .get('/top-themes')
          .set('authorization', asUser(OUTSIDER))
      ).status,
    ).toBe(403);
    const bad = await request(app)
      .get('/top-themes?limit=21')
      .set('authorization', asUser(DEV));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/limit must be between 1 and 20/);

    latestDemand.mockRejectedValue(new ServiceUnavailableError('NPS is down'));
    const down = await request(app)
      .get('/top-themes')
      .set('authorization', asUser(DEV));
    expect(down.status).toBe(503);
  });
});
