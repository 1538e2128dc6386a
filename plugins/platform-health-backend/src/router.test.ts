import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { asUser, routerTestKit } from '@paved/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { OkrStore } from './database/OkrStore';
import { createRouter } from './router';
import { OkrService } from './service/OkrService';
import { readHealthTargets } from './service/settings';

const kit = routerTestKit();
const PM = 'user:default/priya.raman';
const DEV = 'user:default/jonas.weber';
// Holds no platform-health permission at all (a policy that shuts someone out).
const OUTSIDER = 'user:default/ext.contractor';

const objective = {
  quarter: '2026-Q4',
  title: 'Golden paths are the easy way',
  keyResults: [
    {
      title: 'Adoption to 75%',
      metric: 'adoption',
      start: 60,
      target: 75,
      due: '2026-12-31',
    },
  ],
};

describe('platform-health router', () => {
  let app: express.Express;
  let auditor: ReturnType<typeof mockServices.auditor.mock>;

  beforeEach(async () => {
    const store = await OkrStore.create(await kit.database());
    const services = kit.services(
      (permission, { userEntityRef: ref }) =>
        ref === PM ||
        (permission === 'platform-health.read' && ref !== OUTSIDER),
    );
    auditor = services.auditor;
    const router = await createRouter({
      service: new OkrService(store, () => new Date('2026-11-30T10:00:00Z')),
      targets: readHealthTargets(new ConfigReader({})),
      ...services,
    });
    app = kit.app(router);
  });

  it('serves the targets and the current quarter to everyone signed in', async () => {
    expect((await request(app).get('/targets')).status).toBe(401);
    const targets = await request(app)
      .get('/targets')
      .set('authorization', asUser(DEV));
    expect(targets.body.adoption).toEqual({ value: 80, atRiskWithin: 10 });
    const okrs = await request(app)
      .get('/okrs')
      .set('authorization', asUser(DEV));
    expect(okrs.body).toEqual({ quarter: '2026-Q4', objectives: [] });
  });

  it('lets a PM write OKRs and check in, audits each write, and refuses developers', async () => {
    const refused = await request(app)
      .post('/objectives')
      .set('authorization', asUser(DEV))
      .send(objective);
    expect(refused.status).toBe(403);

    const created = await request(app)
      .post('/objectives')
      .set('authorization', asUser(PM))
      .send(objective);
    expect(created.status).toBe(201);
    const krId = created.body.keyResults[0].id;
    const checkIn = await request(app)
      .post(`/key-results/${krId}/check-ins`)
      .set('authorization', asUser(PM))
      .send({ value: 66, note: 'docs push' });
    expect(checkIn.status).toBe(201);
    const edited = await request(app)
      .put(`/objectives/${created.body.id}`)
      .set('authorization', asUser(PM))
      .send({ ...objective, quarter: undefined, version: 1 });
    expect(edited.status).toBe(200);
    const stale = await request(app)
      .delete(`/objectives/${created.body.id}?version=1`)
      .set('authorization', asUser(PM));
    expect(stale.status).toBe(409);
    const deleted = await request(app)
      .delete(`/objectives/${created.body.id}?version=2`)
      .set('authorization', asUser(PM));
    expect(deleted.status).toBe(204);
    expect(auditor.createEvent.mock.calls.map(([o]) => o.eventId)).toEqual([
      'objective-create',
      'key-result-check-in',
      'objective-update',
      'objective-delete',
      'objective-delete',
    ]);
  });

  it('records a review export as an audit event', async () => {
    const res = await request(app)
      .post('/review-exports')
      .set('authorization', asUser(DEV))
      .send({ quarter: '2026-Q4', format: 'markdown' });
    expect(res.status).toBe(204);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'review-export',
        meta: { quarter: '2026-Q4', format: 'markdown', userRef: DEV },
      }),
    );
    const bad = await request(app)
      .post('/review-exports')
      .set('authorization', asUser(DEV))
      .send({ quarter: '2026-Q4', format: 'pdf' });
    expect(bad.status).toBe(400);
  });

  it('names each invalid field', async () => {
    const res = await request(app)
      .post('/objectives')
      .set('authorization', asUser(PM))
      .send({
        ...objective,
        quarter: '2026-Q5',
        keyResults: [{ ...objective.keyResults[0], target: 60, start: 60 }],
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/quarter: quarter must be/);
    expect(res.body.error.message).toMatch(
      /keyResults\.0\.target: target must differ from start/,
    );
    const early = await request(app)
      .post('/objectives')
      .set('authorization', asUser(PM))
      .send({
        ...objective,
        keyResults: [{ ...objective.keyResults[0], due: '2026-09-30' }],
      });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/before the quarter 2026-Q4/);
  });

  it("serves an objective's edit history to readers: 404 unknown, 400 bad id, 403 without read", async () => {
    const created = await request(app)
      .post('/objectives')
      .set('authorization', asUser(PM))
      .send(objective);
    const history = `/objectives/${created.body.id}/history`;
    await request(app)
      .put(`/objectives/${created.body.id}`)
      .set('authorization', asUser(PM))
      .send({
        ...objective,
        quarter: undefined,
        version: 1,
        keyResults: [
          {
            ...objective.keyResults[0],
            id: created.body.keyResults[0].id,
            target: 80,
          },
        ],
      })
      .expect(200);

    expect((await request(app).get(history)).status).toBe(401);
    expect(
      (await request(app).get(history).set('authorization', asUser(OUTSIDER)))
        .status,
    ).toBe(403);
    const res = await request(app)
      .get(history)
      .set('authorization', asUser(DEV));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      objectiveId: created.body.id,
      createdBy: PM,
      createdAt: '2026-11-30T10:00:00.000Z',
      revisions: [
        {
          version: 2,
          changedBy: PM,
          changedAt: '2026-11-30T10:00:00.000Z',
          changes: [
            {
              field: 'target',
              keyResultId: created.body.keyResults[0].id,
              keyResultTitle: 'Adoption to 75%',
              before: 75,
              after: 80,
            },
          ],
        },
      ],
    });

    const unknown = await request(app)
      .get('/objectives/00000000-0000-4000-8000-000000000000/history')
      .set('authorization', asUser(DEV));
    expect(unknown.status).toBe(404);
    const bad = await request(app)
      .get('/objectives/not-a-uuid/history')
      .set('authorization', asUser(DEV));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/objective id/);
  });
});
