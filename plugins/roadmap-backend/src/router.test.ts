import { mockServices } from '@backstage/backend-test-utils';
import { asUser, routerTestKit } from '@paved/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { RoadmapStore } from './database/RoadmapStore';
import { createRouter } from './router';
import { RoadmapService } from './service/RoadmapService';

const kit = routerTestKit();
const PM = 'user:default/priya.raman';
const DEV = 'user:default/jonas.weber';

const body = {
  title: 'Preview environments',
  summary: 'A running copy of your service for each pull request.',
  category: 'ci-cd',
  owner: 'group:default/platform-team',
  horizon: 'next',
  status: 'in-design',
};

describe('roadmap router', () => {
  let app: express.Express;
  let auditor: ReturnType<typeof mockServices.auditor.mock>;

  beforeEach(async () => {
    const store = await RoadmapStore.create(await kit.database());
    const services = kit.services(
      (permission, { userEntityRef }) =>
        userEntityRef === PM || permission === 'roadmap.item.read',
    );
    auditor = services.auditor;
    app = kit.app(
      await createRouter({ service: new RoadmapService(store), ...services }),
    );
  });

  const create = () =>
    request(app).post('/items').set('authorization', asUser(PM)).send(body);

  it('lets a PM create, edit and move; audits each change', async () => {
    const created = await create();
    expect(created.status).toBe(201);
    const { id } = created.body;
    const edited = await request(app)
      .patch(`/items/${id}`)
      .set('authorization', asUser(PM))
      .send({ version: 1, status: 'building' });
    expect(edited.status).toBe(200);
    const moved = await request(app)
      .post(`/items/${id}/move`)
      .set('authorization', asUser(PM))
      .send({ version: 2, horizon: 'now', position: 0 });
    expect(moved.body).toMatchObject({ horizon: 'now', version: 3 });
    expect(auditor.createEvent.mock.calls.map(([o]) => o.eventId)).toEqual([
      'item-create',
      'item-update',
      'item-move',
    ]);
  });

  it('refuses bodies that are not UTF-8 or hold lone surrogates, storing nothing', async () => {
    const json = JSON.stringify({ ...body, title: 'TITLE' });
    const [before, after] = json.split('TITLE');
    const broken = Buffer.concat([
      Buffer.from(before),
      Buffer.from([0x50, 0xe9, 0x41]), // Latin-1 "PéA", not UTF-8
      Buffer.from(after),
    ]);
    const notUtf8 = await request(app)
      .post('/items')
      .set('authorization', asUser(PM))
      .set('content-type', 'application/json')
      .serialize((raw: unknown) => raw as string)
      .send(broken);
    expect(notUtf8.status).toBe(400);
    expect(notUtf8.body.error.message).toMatch(/not valid UTF-8/);
    const surrogate = await request(app)
      .post('/items')
      .set('authorization', asUser(PM))
      .set('content-type', 'application/json')
      .send(`${before}P\\ud83dA${after}`);
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.error.message).toMatch(
      /title holds a lone surrogate/,
    );
    const list = await request(app)
      .get('/items')
      .set('authorization', asUser(PM));
    expect(list.body.items).toEqual([]);
  });

  it('pages the list, refusing a limit or offset that is not a whole number in range', async () => {
    await create();
    await create();
    const get = (query: string) =>
      request(app).get(`/items${query}`).set('authorization', asUser(DEV));
    const first = await get('?limit=1');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      totalItems: 2,
      pageInfo: { nextOffset: 1 },
    });
    expect(first.body.items).toHaveLength(1);
    const last = await get('?limit=1&offset=1');
    expect(last.body.pageInfo).toEqual({});
    expect(last.body.items[0].id).not.toBe(first.body.items[0].id);
    for (const [query, problem] of [
      ['?limit=0', /limit must be between 1 and 200/],
      ['?limit=201', /limit must be between 1 and 200/],
      ['?limit=ten', /limit must be a whole number/],
      ['?offset=-1', /offset must be a whole number/],
      ['?limit=1&limit=2', /limit must be a whole number/],
      ['?page=2', /page/],
    ] as const) {
      const res = await get(query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(problem);
    }
    const notices = await request(app)
      .get('/notifications?limit=500')
      .set('authorization', asUser(DEV));
    expect(notices.status).toBe(400);
  });

  it('gives developers read, vote and follow, and 403 for every edit', async () => {
    const { id } = (await create()).body;
    const tries = [
      request(app).post('/items').send(body),
      request(app).patch(`/items/${id}`).send({ version: 1, title: 'Mine' }),
      request(app)
        .post(`/items/${id}/move`)
        .send({ version: 1, horizon: 'now', position: 0 }),
      request(app).delete(`/items/${id}`).send({ version: 1 }),
    ];
    for (const attempt of tries) {
      expect((await attempt.set('authorization', asUser(DEV))).status).toBe(
        403,
      );
    }
    const vote = await request(app)
      .put(`/items/${id}/vote`)
      .set('authorization', asUser(DEV))
      .send({ on: true });
    expect(vote.body).toMatchObject({
      votes: 1,
      votedByMe: true,
      subscribedByMe: true,
    });
    const list = await request(app)
      .get('/items')
      .set('authorization', asUser(DEV));
    expect(list.body.items).toHaveLength(1);
  });

  it('answers 401 without a user', async () => {
    expect((await request(app).get('/items')).status).toBe(401);
    expect((await request(app).post('/items').send(body)).status).toBe(401);
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const bad = await request(app)
      .post('/items')
      .set('authorization', asUser(PM))
      // eslint-disable-next-line no-script-url -- the point of the test
      .send({ ...body, links: [{ title: 'x', url: 'javascript:alert(1)' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /links.0.url: links must be http\(s\) URLs/,
    );
    const declined = await request(app)
      .post('/items')
      .set('authorization', asUser(PM))
      .send({ ...body, status: 'declined' });
    expect(declined.status).toBe(400);
    expect(declined.body.error.message).toMatch(/declineReason/);
    const list = await request(app)
      .get('/items')
      .set('authorization', asUser(PM));
    expect(list.body.items).toEqual([]);
    expect(
      (
        await request(app)
          .get('/items/not-a-uuid')
          .set('authorization', asUser(PM))
      ).status,
    ).toBe(400);
    expect(
      (
        await request(app)
          .get('/items/1f7b7a8e-44a4-4a36-9a6d-3f1c8e2d5b90')
          .set('authorization', asUser(PM))
      ).status,
    ).toBe(404);
  });

  it('answers 409 to the second of two edits made on the same version', async () => {
    const { id } = (await create()).body;
    const first = await request(app)
      .patch(`/items/${id}`)
      .set('authorization', asUser(PM))
      .send({ version: 1, summary: 'First' });
    expect(first.status).toBe(200);
    const second = await request(app)
      .patch(`/items/${id}`)
      .set('authorization', asUser(PM))
      .send({ version: 1, summary: 'Second' });
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(/reload to see the changes/);
    const now = await request(app)
      .get(`/items/${id}`)
      .set('authorization', asUser(PM));
    expect(now.body.summary).toBe('First');
  });

  it('serves the inbox, records visits, and exports the review for everyone', async () => {
    const { id } = (await create()).body;
    await request(app)
      .put(`/items/${id}/subscription`)
      .set('authorization', asUser(DEV))
      .send({ on: true });
    await request(app)
      .patch(`/items/${id}`)
      .set('authorization', asUser(PM))
      .send({ version: 1, status: 'beta' });
    const inbox = await request(app)
      .get('/notifications')
      .set('authorization', asUser(DEV));
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        message: 'status In design → Beta',
        read: false,
      }),
    ]);
    expect(
      (
        await request(app)
          .post('/notifications/read')
          .set('authorization', asUser(DEV))
      ).status,
    ).toBe(204);
    expect(
      (await request(app).post('/visit').set('authorization', asUser(DEV)))
        .status,
    ).toBe(204);

    const review = await request(app)
      .get('/review.md')
      .set('authorization', asUser(DEV));
    expect(review.status).toBe(200);
    expect(review.headers['content-type']).toMatch(/text\/markdown/);
    expect(review.text).toContain('**Preview environments**: Beta');
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'review-export' }),
    );
    const badSince = await request(app)
      .get('/review.md?since=last-quarter')
      .set('authorization', asUser(DEV));
    expect(badSince.status).toBe(400);
    expect((await request(app).get('/notifications')).status).toBe(401);
  });

  it('lets PMs link themes (400 on bad themes, 403 for developers) and everyone read demand', async () => {
    const { id } = (await create()).body;
    const dev = await request(app)
      .put(`/items/${id}/themes`)
      .set('authorization', asUser(DEV))
      .send({ themes: ['ci speed'] });
    expect(dev.status).toBe(403);
    const bad = await request(app)
      .put(`/items/${id}/themes`)
      .set('authorization', asUser(PM))
      .send({ themes: [''] });
    expect(bad.status).toBe(400);
    const ok = await request(app)
      .put(`/items/${id}/themes`)
      .set('authorization', asUser(PM))
      .send({ themes: ['ci speed', 'ci speed'] });
    expect(ok.body).toEqual({
      themes: ['ci speed'],
      minGroupSize: null,
      campaigns: [],
      studies: [],
    });
    const read = await request(app)
      .get(`/items/${id}/demand`)
      .set('authorization', asUser(DEV));
    expect(read.body.themes).toEqual(['ci speed']);
  });
});
