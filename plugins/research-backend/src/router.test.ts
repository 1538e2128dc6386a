import {
  TestDatabases,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { asUser, routerTestKit } from '@paved/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { DEV, ITEMS, PM, makeResearch } from './__testUtils__/fixtures';
import { createRouter } from './router';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const kit = routerTestKit();
// Holds research.study.manage but not research.notes.read.
const MANAGER = 'user:default/tomas.alvarez';
const SLOT = '2026-12-08T10:00:00.000Z';

describe('research router', () => {
  let app: express.Express;
  let auditor: ReturnType<typeof mockServices.auditor.mock>;
  let r: Awaited<ReturnType<typeof makeResearch>>;

  beforeEach(async () => {
    r = await makeResearch(databases, 'SQLITE_3');
    const services = kit.services(
      (name, { type, userEntityRef: who }) =>
        type === 'service' ||
        who === PM ||
        name === 'research.read' ||
        (who === MANAGER && name !== 'research.notes.read'),
    );
    auditor = services.auditor;
    const router = await createRouter({
      studies: r.studies,
      previews: r.previews,
      ...services,
      portalUrl: 'http://portal',
    });
    app = kit.app(router);
  });

  // A study where Jonas accepted and the PM wrote notes and a finding.
  async function interviewed() {
    const created = await request(app)
      .post('/studies')
      .set('authorization', asUser(PM))
      .send({ title: 'Deploying', quarter: '2026-Q4' });
    expect(created.status).toBe(201);
    const studyId = created.body.id;
    const invited = await request(app)
      .post(`/studies/${studyId}/invitations`)
      .set('authorization', asUser(PM))
      .send({ people: [DEV], slots: [SLOT] });
    expect(invited.body).toEqual({ invited: 1, skipped: 0 });
    const mine = await request(app)
      .get('/invitations')
      .set('authorization', asUser(DEV));
    const invitationId = mine.body.items[0].id;
    const accepted = await request(app)
      .post(`/invitations/${invitationId}/accept`)
      .set('authorization', asUser(DEV))
      .send({ slot: SLOT });
    expect(accepted.body.items[0].status).toBe('accepted');
    await request(app)
      .put(`/interviews/${invitationId}/notes`)
      .set('authorization', asUser(PM))
      .send({ rawNotes: 'Jonas from checkout: CI takes 40 minutes' })
      .expect(200);
    const finding = await request(app)
      .post(`/interviews/${invitationId}/observations`)
      .set('authorization', asUser(PM))
      .send({
        text: 'Goes for coffee on every push',
        theme: 'ci speed',
        rootCause: 'No remote build cache',
        roadmapItemId: ITEMS.fasterCi.id,
      });
    expect(finding.status).toBe(201);
    return { studyId, invitationId };
  }

  it('shows a developer no names and no raw notes, a PM both, a manager without research.notes.read labels only', async () => {
    const { studyId, invitationId } = await interviewed();

    const dev = await request(app)
      .get(`/studies/${studyId}`)
      .set('authorization', asUser(DEV));
    expect(dev.status).toBe(200);
    expect(dev.body).toMatchObject({ accepted: 1, namesVisible: false });
    expect(dev.body.invitations).toBeUndefined();
    expect(JSON.stringify(dev.body)).not.toMatch(/jonas|40 minutes/i);
    for (const path of [
      `/interviews/${invitationId}`,
      `/studies/${studyId}/synthesis`,
      `/studies/${studyId}/recruiting`,
      '/people',
      '/themes',
    ]) {
      const denied = await request(app)
        .get(path)
        .set('authorization', asUser(DEV));
      expect(denied.status).toBe(403);
      expect(JSON.stringify(denied.body)).not.toMatch(/jonas/i);
    }

    const pm = await request(app)
      .get(`/interviews/${invitationId}`)
      .set('authorization', asUser(PM));
    expect(pm.body).toMatchObject({
      userRef: DEV,
      displayName: 'Jonas Weber',
      rawNotes: 'Jonas from checkout: CI takes 40 minutes',
    });
    const pmStudy = await request(app)
      .get(`/studies/${studyId}`)
      .set('authorization', asUser(PM));
    expect(pmStudy.body.invitations[0]).toMatchObject({
      label: 'Participant 1',
      displayName: 'Jonas Weber',
    });

    const manager = await request(app)
      .get(`/interviews/${invitationId}`)
      .set('authorization', asUser(MANAGER));
    expect(manager.status).toBe(200);
    expect(manager.body.label).toBe('Participant 1');
    expect(manager.body.observations).toHaveLength(1);
    expect(JSON.stringify(manager.body)).not.toMatch(/jonas|40 minutes/i);
    expect(
      (
        await request(app)
          .put(`/interviews/${invitationId}/notes`)
          .set('authorization', asUser(MANAGER))
          .send({ rawNotes: 'x' })
      ).status,
    ).toBe(403);
  });

  it('anonymises a participant who withdraws, through the API', async () => {
    const { invitationId } = await interviewed();
    const withdrawn = await request(app)
      .post(`/invitations/${invitationId}/withdraw`)
      .set('authorization', asUser(DEV));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.items).toEqual([]);
    const pm = await request(app)
      .get(`/interviews/${invitationId}`)
      .set('authorization', asUser(PM));
    expect(pm.body).toMatchObject({
      status: 'withdrawn',
      displayName: null,
      rawNotes: null,
    });
    expect(pm.body.observations[0]).toMatchObject({
      text: null,
      theme: 'ci speed',
      rootCause: 'No remote build cache',
    });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({ eventId: 'invitation-withdraw' }),
    );
  });

  it('lets developers do nothing a PM does (403), and answers 401 without a user', async () => {
    const { studyId, invitationId } = await interviewed();
    const attempts = [
      request(app).post('/studies').send({ title: 'x', quarter: '2026-Q4' }),
      request(app).patch(`/studies/${studyId}`).send({ title: 'x' }),
      request(app)
        .put(`/studies/${studyId}/summary`)
        .send({ heard: 'a', willDo: 'b', willNotDo: 'c' }),
      request(app)
        .post(`/studies/${studyId}/invitations`)
        .send({ people: [DEV], slots: [SLOT] }),
      request(app)
        .post(`/interviews/${invitationId}/observations`)
        .send({ text: 'x', theme: 'ci speed', rootCause: 'y' }),
      request(app).post('/previews').send({ itemId: ITEMS.previews.id }),
    ];
    for (const attempt of attempts) {
      expect((await attempt.set('authorization', asUser(DEV))).status).toBe(
        403,
      );
    }
    expect((await request(app).get('/studies')).status).toBe(401);
    expect((await request(app).put('/volunteer').send({})).status).toBe(401);
  });

  it('refuses bad input with a 400 naming the field, and stores nothing', async () => {
    const bad = await request(app)
      .post('/studies')
      .set('authorization', asUser(PM))
      .send({ title: 'Deploying', quarter: '2026-Q4', goal: 12 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /goal: goal must be between 6 and 10 participants/,
    );
    expect(
      (await request(app).get('/studies').set('authorization', asUser(PM))).body
        .items,
    ).toEqual([]);
    const { invitationId } = await interviewed();
    const noCause = await request(app)
      .post(`/interviews/${invitationId}/observations`)
      .set('authorization', asUser(PM))
      .send({ text: 'x', theme: 'ci speed' });
    expect(noCause.status).toBe(400);
    expect(noCause.body.error.message).toMatch(/rootCause/);
    const wrongSlot = await request(app)
      .post(`/invitations/${invitationId}/accept`)
      .set('authorization', asUser(DEV))
      .send({ slot: 'tomorrow' });
    expect(wrongSlot.status).toBe(400);
    expect(wrongSlot.body.error.message).toMatch(/slot/);
    expect(
      (await request(app).get('/studies/nope').set('authorization', asUser(PM)))
        .status,
    ).toBe(400);
    const sneaky = await request(app)
      .put('/volunteer')
      .set('authorization', asUser(DEV))
      .send({ campaignId: '5f0c0d32-2a1e-4d4c-9f1a-8f8a8f8a8f8a' });
    expect(sneaky.status).toBe(400);
    expect(await r.knex('research_volunteers')).toEqual([]);
  });

  it('serves interview demand and public summaries to the roadmap plugin (service credentials)', async () => {
    const { studyId } = await interviewed();
    const service = mockCredentials.service.header();
    const demand = await request(app)
      .get(`/item-demand?item=${ITEMS.fasterCi.id}`)
      .set('authorization', service);
    expect(demand.status).toBe(200);
    expect(demand.body.items).toEqual([
      { studyId, title: 'Deploying', quarter: '2026-Q4', participants: 1 },
    ]);
    const summaries = await request(app)
      .get('/summaries')
      .set('authorization', service);
    expect(summaries.body).toEqual({ items: [] });
    expect(
      (
        await request(app)
          .get('/item-demand?item=x')
          .set('authorization', service)
      ).status,
    ).toBe(400);
  });

  it('downloads the accepted interview as an .ics file, only for the invitee', async () => {
    const { invitationId } = await interviewed();
    const ics = await request(app)
      .get(`/invitations/${invitationId}/interview.ics`)
      .set('authorization', asUser(DEV));
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.headers['content-disposition']).toMatch(
      /platform-interview.ics/,
    );
    expect(ics.text).toContain('DTSTART:20261208T100000Z');
    expect(
      (
        await request(app)
          .get(`/invitations/${invitationId}/interview.ics`)
          .set('authorization', asUser(PM))
      ).status,
    ).toBe(404);
  });

  it('runs a preview: PM opens, developer joins and leaves feedback, everyone sees counts', async () => {
    const opened = await request(app)
      .post('/previews')
      .set('authorization', asUser(PM))
      .send({ itemId: ITEMS.previews.id });
    expect(opened.status).toBe(201);
    const previewId = opened.body.id;
    const building = await request(app)
      .post('/previews')
      .set('authorization', asUser(PM))
      .send({ itemId: ITEMS.fasterCi.id });
    expect(building.status).toBe(409);
    await request(app)
      .put(`/previews/${previewId}/participation`)
      .set('authorization', asUser(DEV))
      .send({ on: true })
      .expect(200);
    const feedback = await request(app)
      .post(`/previews/${previewId}/feedback`)
      .set('authorization', asUser(DEV))
      .send({ text: 'Takes four minutes to come up' });
    expect(feedback.status).toBe(201);
    const seen = await request(app)
      .get(`/previews?item=${ITEMS.previews.id}`)
      .set('authorization', asUser('user:default/zoe.nguyen'));
    expect(seen.body.items[0]).toMatchObject({ participants: 1, feedback: 1 });
    expect(
      (
        await request(app)
          .get(`/previews/${previewId}/participants`)
          .set('authorization', asUser(DEV))
      ).status,
    ).toBe(403);
    const detail = await request(app)
      .get(`/previews/${previewId}/participants`)
      .set('authorization', asUser(PM));
    expect(detail.body.participants[0].displayName).toBe('Jonas Weber');
    expect(auditor.createEvent.mock.calls.map(([o]) => o.eventId)).toEqual([
      'preview-open',
      'preview-open',
      'preview-join',
      'preview-feedback',
    ]);
  });
});
