import { pavedTestDatabases } from '@paved/backend-test-utils';
import {
  DEFAULT_GUIDE,
  createStudySchema,
  inviteSchema,
  observationSchema,
  summarySchema,
} from '@paved/plugin-research-common';
import { DEV, ITEMS, PM, makeResearch } from '../__testUtils__/fixtures';

const databases = pavedTestDatabases();
const PM_VIEW = { userRef: PM, manage: true, names: true };
const MANAGER_VIEW = { userRef: PM, manage: true, names: false };
const DEV_VIEW = { userRef: DEV, manage: false, names: false };
const SLOT = '2026-12-08T10:00:00.000Z';
const SLOT2 = '2026-12-09T14:30:00.000Z';

const study = (title: string, quarter = '2026-Q4') =>
  createStudySchema.parse({ title, quarter });
const invite = (people: string[]) =>
  inviteSchema.parse({ people, slots: [SLOT, SLOT2], message: 'Thank you!' });
const observation = (patch: object) =>
  observationSchema.parse({
    text: 'Waits 40 minutes for CI before every merge',
    theme: 'ci speed',
    rootCause: 'No remote build cache on the monorepo',
    ...patch,
  });

describe.each(databases.eachSupportedId())('StudyService on %p', id => {
  let now: Date;
  let r: Awaited<ReturnType<typeof makeResearch>>;

  beforeEach(async () => {
    now = new Date('2026-11-30T12:00:00Z');
    r = await makeResearch(databases, id, { now: () => now });
  });

  // A study with an accepted interview for each of `people`.
  async function interviewed(people: string[], title = 'Deploying') {
    const studyId = await r.studies.createStudy(study(title), PM);
    await r.studies.invite(studyId, invite(people), PM);
    const detail = await r.studies.getStudy(studyId, PM_VIEW);
    for (const invitation of detail.invitations!) {
      await r.studies.accept(invitation.id, invitation.userRef!, SLOT);
    }
    return { studyId, invitations: detail.invitations! };
  }

  it('proposes one study per quarter on schedule, and none when the quarter has one', async () => {
    const first = await r.studies.proposeQuarterStudy([...DEFAULT_GUIDE], 8);
    expect(first).toBeDefined();
    expect(await r.studies.proposeQuarterStudy([...DEFAULT_GUIDE], 8)).toBe(
      undefined,
    );
    const [proposed] = await r.studies.listStudies();
    expect(proposed).toMatchObject({
      quarter: '2026-Q4',
      title: 'Developer interviews Q4 2026',
      status: 'proposed',
      scheduled: true,
      goal: 8,
    });
    // A new quarter starts with none: a new proposal.
    now = new Date('2027-01-01T00:30:00Z');
    expect(
      await r.studies.proposeQuarterStudy([...DEFAULT_GUIDE], 8),
    ).toBeDefined();
    // A quarter where a PM created a study already gets no proposal.
    now = new Date('2027-04-02T00:00:00Z');
    await r.studies.createStudy(study('Onboarding', '2027-Q2'), PM);
    expect(
      await r.studies.proposeQuarterStudy([...DEFAULT_GUIDE], 8),
    ).toBeUndefined();
    expect((await r.studies.listStudies()).map(s => s.quarter)).toEqual([
      '2027-Q2',
      '2027-Q1',
      '2026-Q4',
    ]);
  });

  it('proposes balanced candidates from the catalog: no platform team, volunteers first, nobody interviewed lately', async () => {
    await r.studies.volunteer('user:default/lena.fischer', true);
    // Mei was interviewed last quarter: she rests.
    now = new Date('2026-08-01T12:00:00Z');
    const { studyId: q3 } = await interviewed(['user:default/mei.chen'], 'Q3');
    expect(q3).toBeDefined();
    now = new Date('2026-11-30T12:00:00Z');

    const studyId = await r.studies.createStudy(study('Setting up'), PM);
    const proposal = await r.studies.recruiting(studyId);
    const refs = proposal.candidates.map(c => c.userRef);
    expect(refs).not.toContain(PM);
    expect(refs).not.toContain('user:default/mei.chen');
    expect(proposal.resting).toBe(1);
    // Seven developers left, goal 8: all seven, volunteer Lena among them.
    expect(refs).toHaveLength(7);
    expect(proposal.candidates.find(c => c.volunteer)?.userRef).toBe(
      'user:default/lena.fischer',
    );
    expect(proposal.candidates[0]).toMatchObject({
      displayName: expect.any(String),
      teamName: expect.any(String),
    });
    expect(new Set(proposal.candidates.map(c => c.tenure))).toEqual(
      new Set(['new-joiner', 'long-standing']),
    );
  });

  it('invites with slots and an inbox notice; the developer accepts one proposed, future slot', async () => {
    const studyId = await r.studies.createStudy(study('Setting up'), PM);
    expect(await r.studies.invite(studyId, invite([DEV, DEV]), PM)).toEqual({
      invited: 1,
      skipped: 0,
    });
    expect(await r.studies.invite(studyId, invite([DEV]), PM)).toEqual({
      invited: 0,
      skipped: 1,
    });
    const notices = await r.stores.notices.list(DEV);
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'invitation',
        title: 'Would you talk to the platform team for 30 minutes?',
        link: '/research?tab=invitations',
        read: false,
      }),
    ]);
    expect(r.sent[0].recipients).toEqual({ type: 'entity', entityRef: [DEV] });

    const [mine] = await r.studies.myInvitations(DEV);
    expect(mine).toMatchObject({
      studyTitle: 'Setting up',
      status: 'invited',
      slots: [SLOT, SLOT2],
      minutes: 30,
    });
    await expect(
      r.studies.accept(mine.id, DEV, '2026-12-10T10:00:00Z'),
    ).rejects.toThrow('slot must be one of the proposed slots');
    await expect(
      r.studies.accept(mine.id, 'user:default/zoe.nguyen', SLOT),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await r.studies.accept(mine.id, DEV, '2026-12-09T15:30:00+01:00');
    expect((await r.studies.myInvitations(DEV))[0]).toMatchObject({
      status: 'accepted',
      slot: SLOT2,
    });
    await expect(r.studies.decline(mine.id, DEV)).rejects.toMatchObject({
      name: 'ConflictError',
    });

    const ics = await r.studies.calendar(mine.id, DEV, 'http://portal');
    expect(ics).toContain('DTSTART:20261209T143000Z');
    expect(ics).toContain('DTEND:20261209T150000Z');
    expect(ics).toContain(
      'SUMMARY:Interview with the platform team: Setting up',
    );
  });

  it('refuses slots in the past, people outside the catalog and invitations to finished studies', async () => {
    const studyId = await r.studies.createStudy(study('Setting up'), PM);
    await expect(
      r.studies.invite(
        studyId,
        inviteSchema.parse({ people: [DEV], slots: ['2026-11-01T10:00:00Z'] }),
        PM,
      ),
    ).rejects.toThrow(/slots: 2026-11-01T10:00:00.000Z is not in the future/);
    await expect(
      r.studies.invite(studyId, invite(['user:default/nobody']), PM),
    ).rejects.toThrow(/user:default\/nobody is not in the catalog/);
    await r.studies.updateStudy(studyId, { status: 'finished' }, PM);
    await expect(
      r.studies.invite(studyId, invite([DEV]), PM),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    expect(await r.studies.myInvitations(DEV)).toEqual([]);
  });

  it('lets a developer decline, and refuses an accepted slot that has passed', async () => {
    const studyId = await r.studies.createStudy(study('Setting up'), PM);
    await r.studies.invite(studyId, invite([DEV, 'user:default/mei.chen']), PM);
    const [mine] = await r.studies.myInvitations(DEV);
    await r.studies.decline(mine.id, DEV);
    expect((await r.studies.myInvitations(DEV))[0].status).toBe('declined');
    now = new Date('2026-12-08T11:00:00Z');
    const [meis] = await r.studies.myInvitations('user:default/mei.chen');
    await expect(
      r.studies.accept(meis.id, 'user:default/mei.chen', SLOT),
    ).rejects.toThrow(/that slot has passed/);
  });

  it('shows names and raw notes with research.notes.read only', async () => {
    const { studyId, invitations } = await interviewed([DEV]);
    const [interview] = invitations;
    await r.studies.setRawNotes(interview.id, 'Jonas said CI is slow', PM);
    await r.studies.addObservation(interview.id, observation({}), PM);

    const asPm = await r.studies.getStudy(studyId, PM_VIEW);
    expect(asPm.invitations![0]).toMatchObject({
      label: 'Participant 1',
      userRef: DEV,
      displayName: 'Jonas Weber',
      findings: 1,
    });
    const asManager = await r.studies.getStudy(studyId, MANAGER_VIEW);
    expect(asManager.invitations![0].label).toBe('Participant 1');
    expect(asManager.invitations![0]).not.toHaveProperty('userRef');
    expect(asManager.invitations![0]).not.toHaveProperty('displayName');
    const asDev = await r.studies.getStudy(studyId, DEV_VIEW);
    expect(asDev).not.toHaveProperty('invitations');
    expect(asDev).toMatchObject({ accepted: 1, interviewed: 1 });
    expect(JSON.stringify(asDev)).not.toMatch(/jonas/i);

    expect(await r.studies.interview(interview.id, PM_VIEW)).toMatchObject({
      displayName: 'Jonas Weber',
      rawNotes: 'Jonas said CI is slow',
    });
    const anonymous = await r.studies.interview(interview.id, MANAGER_VIEW);
    expect(anonymous).not.toHaveProperty('rawNotes');
    expect(anonymous).not.toHaveProperty('displayName');
    expect(anonymous.observations).toHaveLength(1);
  });

  it('anonymises a withdrawn participant: name, slot, raw notes and words go, tagged findings stay', async () => {
    const { studyId, invitations } = await interviewed([
      DEV,
      'user:default/mei.chen',
    ]);
    const jonas = invitations.find(i => i.userRef === DEV)!;
    await r.studies.setRawNotes(jonas.id, 'Jonas, checkout, hates CI', PM);
    await r.studies.addObservation(
      jonas.id,
      observation({ roadmapItemId: ITEMS.fasterCi.id }),
      PM,
    );
    now = new Date('2026-11-30T12:05:00Z');
    await r.studies.addObservation(
      jonas.id,
      observation({
        text: '"I go for coffee on every push"',
        quote: true,
        rootCause: '',
      }),
      PM,
    );
    const before = await r.studies.synthesis(studyId);

    await expect(r.studies.withdraw(jonas.id, PM)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await r.studies.withdraw(jonas.id, DEV);

    expect(await r.studies.myInvitations(DEV)).toEqual([]);
    const notes = await r.studies.interview(jonas.id, PM_VIEW);
    expect(notes).toMatchObject({
      label: 'Participant 1',
      status: 'withdrawn',
      userRef: null,
      displayName: null,
      rawNotes: null,
      slot: null,
    });
    expect(notes.observations.map(o => [o.text, o.theme, o.rootCause])).toEqual(
      [
        [null, 'ci speed', 'No remote build cache on the monorepo'],
        [null, 'ci speed', ''],
      ],
    );
    expect(notes.observations[0].roadmapItemId).toBe(ITEMS.fasterCi.id);
    const row = await r
      .knex('research_invitations')
      .where({ id: jonas.id })
      .first();
    expect(row.user_ref).toBeNull();
    expect(JSON.stringify(await r.knex('research_invitations'))).not.toContain(
      'jonas',
    );
    expect(JSON.stringify(await r.knex('research_observations'))).not.toContain(
      'coffee',
    );

    const after = await r.studies.synthesis(studyId);
    expect(after.participants).toBe(before.participants);
    expect(after.themes[0]).toMatchObject({
      theme: 'ci speed',
      participants: before.themes[0].participants,
      quotes: [],
    });
    expect(await r.studies.itemDemand(ITEMS.fasterCi.id)).toEqual([
      { studyId, title: 'Deploying', quarter: '2026-Q4', participants: 1 },
    ]);
    await expect(r.studies.withdraw(jonas.id, DEV)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await expect(
      r.studies.addObservation(jonas.id, observation({}), PM),
    ).rejects.toMatchObject({ name: 'ConflictError' });
  });

  it('tags findings with the shared theme list only, and links only existing roadmap items', async () => {
    const { invitations } = await interviewed([DEV]);
    const [interview] = invitations;
    await expect(
      r.studies.addObservation(
        interview.id,
        observation({ theme: 'vibes' }),
        PM,
      ),
    ).rejects.toThrow(/"vibes" is not in the shared theme list/);
    await expect(
      r.studies.addObservation(
        interview.id,
        observation({ roadmapItemId: '99999999-9999-4999-8999-999999999999' }),
        PM,
      ),
    ).rejects.toThrow(/no roadmap item with id/);
    // Survey themes, themes research used, and configured extra themes.
    await r.studies.addObservation(
      interview.id,
      observation({ theme: 'onboarding' }),
      PM,
    );
    expect((await r.studies.sharedThemes()).map(t => t.theme)).toEqual([
      'ci speed',
      'test environments',
      'docs',
      'onboarding',
    ]);
    expect(
      (await r.studies.interview(interview.id, PM_VIEW)).observations,
    ).toHaveLength(1);
  });

  it('ranks the synthesis by participants, with survey comments, root causes, quotes and linked items', async () => {
    const people = [
      DEV,
      'user:default/mei.chen',
      'user:default/omar.haddad',
      'user:default/sofia.rossi',
    ];
    const { studyId, invitations } = await interviewed(people);
    const add = (i: number, patch: object) =>
      r.studies.addObservation(invitations[i].id, observation(patch), PM);
    // Test environments: three observations from one participant.
    for (const n of [1, 2, 3]) {
      await add(0, {
        theme: 'test environments',
        text: `Staging is broken (${n})`,
        rootCause: 'Shared staging',
      });
    }
    // CI speed: two participants, two root causes.
    await add(1, { rootCause: 'No remote build cache on the monorepo' });
    await add(2, {
      rootCause: 'No remote build cache on the monorepo',
      roadmapItemId: ITEMS.fasterCi.id,
    });
    await add(2, { rootCause: 'Flaky tests rerun the pipeline' });
    await add(3, {
      theme: 'docs',
      text: '"Nobody knows where the runbook is"',
      quote: true,
      rootCause: '',
    });

    const synthesis = await r.studies.synthesis(studyId);
    expect(synthesis.participants).toBe(4);
    expect(
      synthesis.themes.map(t => [
        t.theme,
        t.participants,
        t.observations,
        t.surveyComments,
      ]),
    ).toEqual([
      ['ci speed', 2, 3, 14],
      ['test environments', 1, 3, 6],
      ['docs', 1, 1, 4],
    ]);
    expect(synthesis.themes[0].rootCauses).toEqual([
      { rootCause: 'No remote build cache on the monorepo', participants: 2 },
      { rootCause: 'Flaky tests rerun the pipeline', participants: 1 },
    ]);
    expect(synthesis.themes[0].roadmapItems).toEqual([
      { id: ITEMS.fasterCi.id, title: 'Faster CI for monorepos' },
    ]);
    expect(synthesis.themes[2].quotes).toEqual([
      '"Nobody knows where the runbook is"',
    ]);

    // Without the survey, the synthesis still works and says so.
    r.themeSource.themes.mockResolvedValue(undefined);
    expect(
      (await r.studies.synthesis(studyId)).themes[0].surveyComments,
    ).toBeNull();
  });

  it('publishes a summary without names, keeping its first publication time', async () => {
    const { studyId, invitations } = await interviewed([DEV]);
    await r.studies.addObservation(invitations[0].id, observation({}), PM);
    const summary = summarySchema.parse({
      heard: 'CI is the bottleneck.',
      willDo: 'Remote build cache this quarter.',
      willNotDo: 'A second CI vendor: one well-run system beats two.',
    });
    await r.studies.saveSummary(studyId, summary, PM);
    expect(await r.studies.publicSummaries()).toEqual([]);
    expect((await r.studies.getStudy(studyId, DEV_VIEW)).summary).toBeNull();

    await r.studies.saveSummary(studyId, { ...summary, publish: true }, PM);
    now = new Date('2026-12-15T09:00:00Z');
    await r.studies.saveSummary(
      studyId,
      { ...summary, heard: 'CI is the bottleneck, by far.', publish: true },
      PM,
    );
    const [published] = await r.studies.publicSummaries();
    expect(published).toEqual({
      studyId,
      title: 'Deploying',
      quarter: '2026-Q4',
      participants: 1,
      heard: 'CI is the bottleneck, by far.',
      willDo: 'Remote build cache this quarter.',
      willNotDo: 'A second CI vendor: one well-run system beats two.',
      publishedAt: '2026-11-30T12:00:00.000Z',
      themes: [{ theme: 'ci speed', participants: 1 }],
    });
    expect(JSON.stringify(published)).not.toMatch(/jonas|weber/i);
    expect(
      await r.studies.publicSummaries(new Date('2026-12-01T00:00:00Z')),
    ).toEqual([]);
  });

  it('stores volunteering with the quarter only, and lets people stop', async () => {
    expect(await r.studies.isVolunteer(DEV)).toEqual({ volunteering: false });
    await r.studies.volunteer(DEV, true);
    await r.studies.volunteer(DEV, true);
    expect(await r.knex('research_volunteers')).toEqual([
      { user_ref: DEV, volunteered_in: '2026-Q4' },
    ]);
    await r.studies.volunteer(DEV, false);
    expect(await r.studies.isVolunteer(DEV)).toEqual({ volunteering: false });
  });
});
