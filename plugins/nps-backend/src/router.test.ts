import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { asUser, routerTestKit } from '@paved/backend-test-utils';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import { NpsFixture, npsFixture } from './__testUtils__/fixtures';
import { createRouter } from './router';

const kit = routerTestKit();
const PM = 'user:default/priya.raman';
const DEV = 'user:default/jonas.weber';
// Denied every NPS permission (a policy that shuts someone out).
const OUTSIDER = 'user:default/ext.contractor';

const teams: Record<string, string[]> = {
  [PM]: ['group:default/platform-team'],
  [DEV]: ['group:default/checkout'],
};

describe('NPS router', () => {
  let app: express.Express;
  let knex: Knex;
  let fixture: NpsFixture;
  let auditor: ReturnType<typeof mockServices.auditor.mock>;
  let openId: string;
  let closedId: string;

  beforeEach(async () => {
    knex = await kit.knex();
    fixture = await npsFixture(knex);
    const routerServices = kit.services(
      (permission, { userEntityRef: ref }) =>
        ref === PM || (permission === 'nps.results.read' && ref !== OUTSIDER),
    );
    auditor = routerServices.auditor;

    const router = await createRouter({
      services: fixture.services,
      ...routerServices,
      userInfo: mockServices.userInfo.mock({
        async getUserInfo(credentials: any) {
          const ref = credentials.principal.userEntityRef;
          return {
            userEntityRef: ref,
            ownershipEntityRefs: [ref, ...(teams[ref] ?? [])],
          };
        },
      }),
    });
    app = kit.app(router);

    const now = Date.now();
    const day = 24 * 60 * 60 * 1000;
    const open = await request(app)
      .post('/campaigns')
      .set('authorization', asUser(PM))
      .send({
        title: 'Platform NPS Q4 2026',
        opensAt: new Date(now - day).toISOString(),
        closesAt: new Date(now + 20 * day).toISOString(),
      });
    if (open.status !== 201) throw new Error(JSON.stringify(open.body));
    openId = open.body.id;
    const closed = await request(app)
      .post('/campaigns')
      .set('authorization', asUser(PM))
      .send({
        title: 'Platform NPS Q3 2026',
        opensAt: new Date(now - 60 * day).toISOString(),
        closesAt: new Date(now - 40 * day).toISOString(),
      });
    if (closed.status !== 201) throw new Error(JSON.stringify(closed.body));
    closedId = closed.body.id;
  });

  // Answers wait to be published in batches: count both places.
  async function storedAnswers() {
    const [{ n: waiting }] = await knex('nps_pending_answers').count({
      n: '*',
    });
    const [{ n: published }] = await knex('nps_responses').count({ n: '*' });
    return Number(waiting) + Number(published);
  }

  const answer = (id: string, body: unknown, user = DEV) =>
    request(app)
      .post(`/campaigns/${id}/answers`)
      .set('authorization', asUser(user))
      .send(body as object);

  it('takes an answer, shows the prompt before and not after', async () => {
    const before = await request(app)
      .get('/prompt')
      .set('authorization', asUser(DEV));
    expect(before.body.campaign).toMatchObject({ id: openId, status: 'open' });

    const res = await answer(openId, { score: 9, comment: 'Preview envs!' });
    expect(res.status).toBe(201);
    expect(await storedAnswers()).toBe(1);

    const after = await request(app)
      .get('/prompt')
      .set('authorization', asUser(DEV));
    expect(after.body.campaign).toBeNull();
  });

  it.each([
    ['score 11', { score: 11 }, /score: score must be at most 10/],
    ['score -1', { score: -1 }, /score: score must be at least 0/],
    ['score 7.5', { score: 7.5 }, /score: score must be a whole number/],
    ['score "7"', { score: '7' }, /score: score must be a number/],
    ['score null', { score: null }, /score: score must be a number/],
    ['no score', { comment: 'hi' }, /score/],
    [
      'a 10 KB comment',
      { score: 5, comment: 'x'.repeat(10_000) },
      /comment: comment must be at most 2000 characters/,
    ],
    ['an unknown field', { score: 5, userRef: 'user:default/x' }, /userRef/],
  ])(
    'refuses %s with a 400 naming the field, storing nothing',
    async (_, body, message) => {
      const res = await answer(openId, body);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toMatch(message);
      expect(await storedAnswers()).toBe(0);
    },
  );

  it('refuses malformed JSON with a 400', async () => {
    const res = await request(app)
      .post(`/campaigns/${openId}/answers`)
      .set('authorization', asUser(DEV))
      .set('content-type', 'application/json')
      .send('{"score": ');
    expect(res.status).toBe(400);
    expect(await storedAnswers()).toBe(0);
  });

  it('answers 404 for an unknown campaign and 400 for a malformed id', async () => {
    const unknown = await answer('0b3c3f8e-7d6a-4d0e-9a53-7f2f7e3c1a10', {
      score: 5,
    });
    expect(unknown.status).toBe(404);
    const malformed = await answer('not-a-uuid', { score: 5 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/campaign id must be a UUID/);
  });

  it('refuses a second answer (409) and an answer to a closed campaign (409)', async () => {
    expect((await answer(openId, { score: 3 })).status).toBe(201);
    const again = await answer(openId, { score: 10 });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/already answered/);
    const closed = await answer(closedId, { score: 10 });
    expect(closed.status).toBe(409);
    expect(closed.body.error.message).toMatch(/closed on/);
    expect(await storedAnswers()).toBe(1);
  });

  it('needs a signed-in user (401)', async () => {
    expect((await request(app).get('/prompt')).status).toBe(401);
    expect(
      (
        await request(app)
          .post(`/campaigns/${openId}/answers`)
          .send({ score: 5 })
      ).status,
    ).toBe(401);
    expect((await request(app).get('/trend')).status).toBe(401);
    expect(await storedAnswers()).toBe(0);
  });

  it('lets only platform PMs manage campaigns (403)', async () => {
    const create = await request(app)
      .post('/campaigns')
      .set('authorization', asUser(DEV))
      .send({
        title: 'Rogue',
        opensAt: '2027-01-01T00:00:00Z',
        closesAt: '2027-01-10T00:00:00Z',
      });
    expect(create.status).toBe(403);
    const close = await request(app)
      .post(`/campaigns/${openId}/close`)
      .set('authorization', asUser(DEV));
    expect(close.status).toBe(403);
    const remove = await request(app)
      .delete(`/campaigns/${closedId}`)
      .set('authorization', asUser(DEV));
    expect(remove.status).toBe(403);
    expect(
      (await request(app).get('/campaigns').set('authorization', asUser(DEV)))
        .body.items,
    ).toHaveLength(2);
  });

  it('validates campaign bodies', async () => {
    const res = await request(app)
      .post('/campaigns')
      .set('authorization', asUser(PM))
      .send({
        title: '',
        opensAt: 'next monday',
        closesAt: '2027-01-10T00:00:00Z',
        audience: { type: 'groups', groups: ['checkout'] },
      });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/title: title is required/);
    expect(res.body.error.message).toMatch(
      /opensAt: opensAt must be an ISO 8601/,
    );
    expect(res.body.error.message).toMatch(
      /audience.groups.0: audience groups must be group entity refs/,
    );

    const backwards = await request(app)
      .post('/campaigns')
      .set('authorization', asUser(PM))
      .send({
        title: 'Backwards',
        opensAt: '2027-02-01T00:00:00Z',
        closesAt: '2027-01-01T00:00:00Z',
      });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toMatch(
      /closesAt must be after opensAt/,
    );
  });

  it('audits answers without the score, and campaign changes', async () => {
    await answer(openId, { score: 2, comment: 'secret' });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'answer-submit',
        meta: { campaignId: openId },
      }),
    );
    const auditedAnswer = JSON.stringify(
      auditor.createEvent.mock.calls.find(
        ([o]) => o.eventId === 'answer-submit',
      )![0].meta,
    );
    expect(auditedAnswer).not.toMatch(/secret|"score"/);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'campaign-create' }),
    );
  });

  it('serves results and the trend to everyone', async () => {
    const results = await request(app)
      .get(`/campaigns/${openId}/results`)
      .set('authorization', asUser(DEV));
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({
      summary: null,
      participation: { respondents: null, eligible: 40 },
      batching: { campaignOpen: true, k: 5 },
    });
    const trend = await request(app)
      .get('/trend')
      .set('authorization', asUser(DEV));
    expect(trend.status).toBe(200);
    expect(trend.body.points).toHaveLength(2);
  });

  it('gives comments and themes to platform PMs only, and audits exports', async () => {
    for (const path of [
      `/campaigns/${openId}/comments`,
      `/campaigns/${openId}/comments.csv`,
      `/campaigns/${openId}/themes`,
      '/themes',
    ]) {
      const res = await request(app)
        .get(path)
        .set('authorization', asUser(DEV));
      expect(res.status).toBe(403);
    }
    const tag = await request(app)
      .put('/responses/5d0c7d1e-0e8a-4a5c-8d7e-3a6f6e2b9c10/themes')
      .set('authorization', asUser(DEV))
      .send({ themes: ['x'] });
    expect(tag.status).toBe(403);

    const comments = await request(app)
      .get(`/campaigns/${openId}/comments`)
      .set('authorization', asUser(PM));
    expect(comments.status).toBe(200);
    expect(comments.body).toMatchObject({
      shown: false,
      minCommentGroupSize: 10,
    });

    const csv = await request(app)
      .get(`/campaigns/${openId}/results.csv`)
      .set('authorization', asUser(DEV));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'results-export',
        meta: { campaignId: openId },
      }),
    );
  });

  it('validates themes and response ids', async () => {
    const bad = await request(app)
      .put('/responses/not-a-uuid/themes')
      .set('authorization', asUser(PM))
      .send({ themes: ['x'] });
    expect(bad.status).toBe(400);
    const tooLong = await request(app)
      .put('/responses/5d0c7d1e-0e8a-4a5c-8d7e-3a6f6e2b9c10/themes')
      .set('authorization', asUser(PM))
      .send({ themes: ['x'.repeat(61)] });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toMatch(
      /themes.0: a theme must be at most 60 characters/,
    );
    const unknown = await request(app)
      .put('/responses/5d0c7d1e-0e8a-4a5c-8d7e-3a6f6e2b9c10/themes')
      .set('authorization', asUser(PM))
      .send({ themes: ['ci speed'] });
    expect(unknown.status).toBe(404);
  });

  it('serves theme demand to everyone, validating the themes', async () => {
    const empty = await request(app)
      .get('/theme-demand?theme=ci%20speed&theme=observability')
      .set('authorization', asUser(DEV));
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ minGroupSize: 5, items: [] });

    // Published, visible comments: 5 in Q3 (exactly k), 4 in Q4 (k - 1) plus
    // 3 whose batch is not visible yet.
    await fixture.comments(closedId, 5, ['ci speed']);
    await fixture.comments(openId, 4, ['ci speed']);
    await fixture.comments(openId, 3, ['ci speed'], false);
    const ok = await request(app)
      .get('/theme-demand?theme=ci%20speed&theme=observability')
      .set('authorization', asUser(DEV));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({
      minGroupSize: 5,
      items: [
        expect.objectContaining({
          campaignId: closedId,
          title: 'Platform NPS Q3 2026',
          suppressed: false,
          comments: 5,
        }),
        expect.objectContaining({
          campaignId: openId,
          title: 'Platform NPS Q4 2026',
          suppressed: true,
          comments: null,
        }),
      ],
    });
    const none = await request(app)
      .get('/theme-demand')
      .set('authorization', asUser(DEV));
    expect(none.status).toBe(400);
    expect(none.body.error.message).toMatch(/theme/);
    expect((await request(app).get('/theme-demand?theme=x')).status).toBe(401);
  });

  it('serves the latest theme demand to users and services, validating the body', async () => {
    const body = { themes: ['ci speed', 'observability'], limit: 3 };
    const user = await request(app)
      .post('/theme-demand/latest')
      .set('authorization', asUser(DEV))
      .send(body);
    expect(user.status).toBe(200);
    expect(user.body).toEqual({ minGroupSize: 5, items: [] });
    const service = await request(app)
      .post('/theme-demand/latest')
      .set('authorization', mockCredentials.service.header())
      .send({ themes: ['ci speed'] });
    expect(service.status).toBe(200);
    expect(
      (
        await request(app)
          .post('/theme-demand/latest')
          .set('authorization', asUser(OUTSIDER))
          .send(body)
      ).status,
    ).toBe(403);
    expect(
      (await request(app).post('/theme-demand/latest').send(body)).status,
    ).toBe(401);
    const bad = await request(app)
      .post('/theme-demand/latest')
      .set('authorization', asUser(DEV))
      .send({ themes: [], limit: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/themes: themes needs at least one/);
    expect(bad.body.error.message).toMatch(/limit: limit must be at least 1/);
  });
});
