import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import { Knex } from 'knex';
import { NpsStore } from '../database/NpsStore';
import { Caller, NpsServices, createNpsServices, readNpsSettings } from '.';
import { CampaignScheduler } from './CampaignScheduler';

const databases = pavedTestDatabases();

const DAY = 24 * 60 * 60 * 1000;
const start = new Date('2026-10-01T09:00:00Z');

function person(name: string, team: string | null): Caller {
  const userRef = `user:default/${name}`;
  return {
    userRef,
    ownershipRefs: team ? [userRef, `group:default/${team}`] : [userRef],
  };
}

describe.each(databases.eachSupportedId())('NPS services on %p', databaseId => {
  let knex: Knex;
  let now: Date;
  let services: NpsServices;
  const eligible = { all: 40, groups: 7 };

  async function setUp(config: object = {}) {
    knex = await databases.init(databaseId);
    const store = await NpsStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    now = new Date(start);
    services = createNpsServices({
      store,
      directory: {
        eligibleCount: async audience =>
          audience.type === 'all' ? eligible.all : eligible.groups,
      },
      settings: readNpsSettings(new ConfigReader(config)),
      now: () => now,
    });
  }

  async function openCampaign(title = 'Platform NPS Q4 2026', days = 21) {
    return services.campaigns.create(
      {
        title,
        question: 'Q',
        followUp: 'F',
        opensAt: now.toISOString(),
        closesAt: new Date(now.getTime() + days * DAY).toISOString(),
        audience: { type: 'all' },
      },
      'user:default/priya.raman',
    );
  }

  async function answerMany(id: string, team: string | null, scores: number[]) {
    for (const [i, score] of scores.entries()) {
      await services.answers.answer(
        id,
        person(`${team ?? 'none'}-${i}`, team),
        { score },
      );
    }
  }

  /** Closes a campaign now, which publishes every waiting answer. */
  async function close(id: string) {
    return services.campaigns.close(id);
  }

  it('stores an answer without any user reference, time or sequential id, and publishes it with a new id', async () => {
    await setUp();
    const campaign = await openCampaign();
    const jonas = person('jonas.weber', 'checkout');
    await services.answers.answer(campaign.id, jonas, {
      score: 9,
      comment: 'Faster CI please',
    });

    const uuid =
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const waiting = await knex('nps_pending_answers').select();
    expect(waiting).toHaveLength(1);
    expect(Object.keys(waiting[0]).sort()).toEqual(
      ['campaign_id', 'comment', 'id', 'score', 'team_key'].sort(),
    );
    expect(JSON.stringify(waiting[0])).not.toContain('jonas');
    expect(waiting[0].id).toMatch(uuid);
    expect(waiting[0].team_key).toBe('group:default/checkout');
    // Nothing is published or counted while it waits.
    expect(await knex('nps_responses').select()).toEqual([]);
    expect(await knex('nps_counts').select()).toEqual([]);

    await close(campaign.id);
    expect(await knex('nps_pending_answers').select()).toEqual([]);
    const responses = await knex('nps_responses').select();
    expect(responses).toHaveLength(1);
    expect(Object.keys(responses[0]).sort()).toEqual(
      [
        'campaign_id',
        'comment',
        'comment_visible',
        'id',
        'score',
        'team_ref',
      ].sort(),
    );
    expect(JSON.stringify(responses[0])).not.toContain('jonas');
    expect(responses[0].id).toMatch(uuid);
    expect(responses[0].id).not.toBe(waiting[0].id);
    expect(responses[0].team_ref).toBe('group:default/checkout');

    const participations = await knex('nps_participations').select();
    expect(participations).toEqual([
      expect.objectContaining({
        user_ref: 'user:default/jonas.weber',
        status: 'answered',
      }),
    ]);
    expect(Object.keys(participations[0])).not.toContain('score');
  });

  it('refuses a second answer with a conflict and stores nothing more', async () => {
    await setUp();
    const campaign = await openCampaign();
    const amara = person('amara.nwosu', 'checkout');
    await services.answers.answer(campaign.id, amara, { score: 3 });
    await expect(
      services.answers.answer(campaign.id, amara, {
        score: 10,
        comment: 'again',
      }),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    const [{ n }] = await knex('nps_pending_answers').count({ n: '*' });
    expect(Number(n)).toBe(1);
  });

  it('stores exactly one of two simultaneous answers', async () => {
    await setUp();
    const campaign = await openCampaign();
    const diego = person('diego.santos', 'checkout');
    const results = await Promise.allSettled([
      services.answers.answer(campaign.id, diego, { score: 8 }),
      services.answers.answer(campaign.id, diego, { score: 2 }),
    ]);
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
    const [{ n }] = await knex('nps_pending_answers').count({ n: '*' });
    expect(Number(n)).toBe(1);
  });

  it('stores neither the participation nor the answer when the answer cannot be stored', async () => {
    await setUp();
    const campaign = await openCampaign();
    const store = await NpsStore.create(
      mockServices.database({ knex, migrations: { skip: true } }),
    );
    // A score the schema refuses, past the service: the database's own check.
    await expect(
      store.recordAnswer(campaign.id, 'user:default/ines.moreau', {
        score: 11,
        teamRef: null,
      }),
    ).rejects.toThrow();
    const [{ n: parts }] = await knex('nps_participations').count({ n: '*' });
    const [{ n: pending }] = await knex('nps_pending_answers').count({
      n: '*',
    });
    expect([Number(parts), Number(pending)]).toEqual([0, 0]);
    // A snoozed participation becomes answered, with its answer waiting.
    const ines = person('ines.moreau', 'checkout');
    await services.answers.remindLater(campaign.id, ines);
    await services.answers.answer(campaign.id, ines, { score: 9 });
    expect(
      await knex('nps_participations').select('status', 'snoozed_until'),
    ).toEqual([{ status: 'answered', snoozed_until: null }]);
    expect(
      await knex('nps_pending_answers').select('score', 'team_key'),
    ).toEqual([{ score: 9, team_key: 'group:default/checkout' }]);
  });

  it('refuses answers before the campaign opens and after it closes', async () => {
    await setUp();
    const campaign = await openCampaign('Q4', 7);
    now = new Date(start.getTime() - DAY);
    await expect(
      services.answers.answer(campaign.id, person('a', 'routing'), {
        score: 5,
      }),
    ).rejects.toThrow(/opens on/);
    now = new Date(start.getTime() + 7 * DAY);
    await expect(
      services.answers.answer(campaign.id, person('a', 'routing'), {
        score: 5,
      }),
    ).rejects.toThrow(/closed on/);
    await expect(
      services.answers.answer(
        '6f0e0d5c-1d1e-4a43-9d6a-2b0b8a1f0c11',
        person('a', null),
        {
          score: 5,
        },
      ),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('asks only the audience, and remembers "remind me later" and "not this quarter"', async () => {
    await setUp({ nps: { remindLaterDays: 3 } });
    const campaign = await services.campaigns.create(
      {
        title: 'Checkout pulse',
        question: 'Q',
        followUp: 'F',
        opensAt: now.toISOString(),
        closesAt: new Date(now.getTime() + 21 * DAY).toISOString(),
        audience: { type: 'groups', groups: ['group:default/checkout'] },
      },
      'user:default/priya.raman',
    );
    const mei = person('mei.lin', 'checkout');
    const grace = person('grace.adeyemi', 'fleet-ops');

    expect((await services.answers.prompt(mei)).campaign?.id).toBe(campaign.id);
    expect((await services.answers.prompt(grace)).campaign).toBeNull();
    await expect(
      services.answers.answer(campaign.id, grace, { score: 7 }),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });

    const { until } = await services.answers.remindLater(campaign.id, mei);
    expect(new Date(until).getTime()).toBe(start.getTime() + 3 * DAY);
    expect((await services.answers.prompt(mei)).campaign).toBeNull();
    now = new Date(start.getTime() + 3 * DAY + 1);
    expect((await services.answers.prompt(mei)).campaign?.id).toBe(campaign.id);

    await services.answers.notThisQuarter(campaign.id, mei);
    now = new Date(start.getTime() + 10 * DAY);
    expect((await services.answers.prompt(mei)).campaign).toBeNull();
    // The NPS page still offers it.
    expect((await services.answers.prompt(mei, true)).campaign?.id).toBe(
      campaign.id,
    );

    // Dismissing hides the prompt; answering on the NPS page is still possible, once.
    await services.answers.answer(campaign.id, mei, { score: 6 });
    await expect(
      services.answers.notThisQuarter(campaign.id, mei),
    ).rejects.toThrow(/already answered/);
    expect((await services.answers.prompt(mei, true)).campaign).toBeNull();
  });

  it('rejects overlapping campaigns for the same audience', async () => {
    await setUp();
    await openCampaign();
    await expect(openCampaign('Another')).rejects.toMatchObject({
      name: 'ConflictError',
    });
    // A different window is fine.
    now = new Date(start.getTime() + 30 * DAY);
    await expect(openCampaign('Next')).resolves.toMatchObject({
      status: 'open',
    });
  });

  it('edits and deletes only before opening, closes early and publishes everything', async () => {
    await setUp();
    now = new Date(start.getTime() - 10 * DAY);
    const upcoming = await services.campaigns.create(
      {
        title: 'Draft',
        question: 'Q',
        followUp: 'F',
        opensAt: start.toISOString(),
        closesAt: new Date(start.getTime() + 7 * DAY).toISOString(),
        audience: { type: 'all' },
      },
      'user:default/priya.raman',
    );
    expect(upcoming.status).toBe('upcoming');
    expect(
      (await services.campaigns.update(upcoming.id, { title: 'Q4 survey' }))
        .title,
    ).toBe('Q4 survey');

    now = new Date(start.getTime() + DAY);
    await expect(
      services.campaigns.update(upcoming.id, { title: 'Late edit' }),
    ).rejects.toThrow(/before it opens/);
    await expect(services.campaigns.delete(upcoming.id)).rejects.toThrow(
      /has not opened yet can be deleted/,
    );
    await services.answers.answer(upcoming.id, person('x', 'routing'), {
      score: 9,
    });
    // Below the group minimum, the count itself is not shown.
    expect((await services.campaigns.get(upcoming.id)).answers).toBeNull();
    const closed = await services.campaigns.close(upcoming.id);
    expect(closed.status).toBe('closed');
    expect(closed.answers).toBeNull();
    const [{ n }] = await knex('nps_counts').sum({ n: 'n' });
    expect(Number(n)).toBe(1);
  });

  it('computes results in SQL with suppression of small and recoverable teams', async () => {
    await setUp({ nps: { minGroupSize: 5 } });
    const campaign = await openCampaign();
    await answerMany(campaign.id, 'checkout', [10, 9, 9, 8, 3, 2]); // 3P 1p 2D
    await answerMany(campaign.id, 'routing', [10, 10, 7, 7, 6]); // 2P 2p 1D
    await answerMany(campaign.id, 'fleet-ops', [9, 9]); // too few
    await answerMany(campaign.id, null, [5]); // no team: too few
    await close(campaign.id);

    const results = await services.results.results(campaign.id);
    expect(results.summary).toMatchObject({
      n: 14,
      promoters: 7,
      passives: 3,
      detractors: 4,
      nps: 21, // 100 * (7 - 4) / 14 = 21.4
    });
    expect(results.distribution).toEqual([0, 0, 1, 1, 0, 1, 1, 2, 1, 4, 3]);
    expect(results.participation).toEqual({
      respondents: 14,
      eligible: 40,
      rate: 14 / 40,
    });
    const byTeam = Object.fromEntries(
      results.teams.map(t => [t.team ?? 'none', t]),
    );
    expect(byTeam['group:default/checkout']).toMatchObject({
      visible: true,
      summary: { n: 6, nps: 17 },
    });
    // fleet-ops (2) and no-team (1) together are 3 answers, below 5: the residue
    // total − visible would expose them, so the smallest visible team goes too.
    expect(byTeam['group:default/routing']).toEqual({
      team: 'group:default/routing',
      visible: false,
      reason: 'complementary',
    });
    expect(byTeam['group:default/fleet-ops']).toEqual({
      team: 'group:default/fleet-ops',
      visible: false,
      reason: 'too-few-answers',
    });
    expect(byTeam.none).toEqual({
      team: null,
      visible: false,
      reason: 'too-few-answers',
    });
  });

  it('hides a team whose numbers could be recovered from the total', async () => {
    await setUp({ nps: { minGroupSize: 5 } });
    const campaign = await openCampaign();
    await answerMany(campaign.id, 'checkout', [10, 9, 9, 8, 3, 2]);
    await answerMany(campaign.id, 'routing', [10, 10, 7, 7, 6, 9, 9]);
    await answerMany(campaign.id, 'fleet-ops', [0, 1]); // alone below the minimum
    await close(campaign.id);

    const results = await services.results.results(campaign.id);
    const hidden = results.teams.filter(t => !t.visible);
    // fleet-ops alone could be recovered as total − checkout − routing.
    expect(hidden.map(t => t.team).sort()).toEqual([
      'group:default/checkout',
      'group:default/fleet-ops',
    ]);
    expect(hidden.find(t => t.team === 'group:default/checkout')).toMatchObject(
      { reason: 'complementary' },
    );
    expect(JSON.stringify(hidden)).not.toContain('"nps"');
  });

  it('hides everything while a campaign has fewer answers than the minimum', async () => {
    await setUp();
    const campaign = await openCampaign();
    await answerMany(campaign.id, 'checkout', [10, 0, 9, 9]);
    await close(campaign.id);
    const results = await services.results.results(campaign.id);
    expect(results.summary).toBeNull();
    expect(results.distribution).toBeNull();
    expect(results.teams).toEqual([]);
    expect(results.participation).toEqual({
      respondents: null,
      eligible: 40,
      rate: null,
    });
  });

  it('builds the trend with significance, the warning and the goal line', async () => {
    await setUp({ nps: { warningThreshold: 20 } });
    const first = await openCampaign('Q1', 14);
    // 40 answers: 10 P, 10 p, 20 D => NPS -25
    await answerMany(first.id, 'checkout', [
      ...Array(10).fill(10),
      ...Array(10).fill(8),
      ...Array(20).fill(4),
    ]);
    now = new Date(start.getTime() + 365.25 * DAY);
    const second = await openCampaign('Q1 next year', 14);
    // 40 answers: 24 P, 8 p, 8 D => NPS +40
    await answerMany(second.id, 'routing', [
      ...Array(24).fill(9),
      ...Array(8).fill(7),
      ...Array(8).fill(0),
    ]);
    now = new Date(now.getTime() + 20 * DAY);
    // Both have closed by time: the release job publishes what waited.
    await services.release.release();

    const trend = await services.results.trend();
    expect(trend.points.map(p => p.summary?.nps)).toEqual([-25, 40]);
    expect(trend.points[0].change).toBeNull();
    expect(trend.points[1].change).toMatchObject({
      difference: 65,
      significant: true,
      direction: 'up',
    });
    expect(trend.baselineCampaignId).toBe(first.id);
    expect(trend.points[0].goal).toBe(-25);
    expect(trend.points[1].goal).toBeCloseTo(-15, 0);
    expect(trend.warning).toBeNull();
  });

  it('creates one quarterly campaign, however often the schedule runs', async () => {
    await setUp();
    now = new Date('2026-11-24T10:00:00Z');
    const scheduler = new CampaignScheduler(
      services.campaigns,
      { enabled: true, windowDays: 21 },
      mockServices.logger.mock(),
      () => now,
    );
    expect(await scheduler.ensureCurrentCampaign()).toBe('2026-Q4');
    expect(await scheduler.ensureCurrentCampaign()).toBeUndefined();
    const campaigns = await services.campaigns.list();
    expect(campaigns).toHaveLength(1);
    expect(campaigns[0]).toMatchObject({
      title: 'Platform NPS Q4 2026',
      origin: 'schedule',
      status: 'open',
    });
  });

  it('shows comments only from 10 answers, with a team only when its group is large enough', async () => {
    await setUp({ nps: { minCommentGroupSize: 10 } });
    const campaign = await openCampaign();
    const say = (team: string, i: number, score: number, comment?: string) =>
      services.answers.answer(campaign.id, person(`${team}-${i}`, team), {
        score,
        comment,
      });
    for (let i = 0; i < 8; i++)
      await say('routing', i, 9, i === 0 ? 'Love the templates' : undefined);
    // data-insights (11) is the one complementary suppression hides alongside routing.
    for (let i = 0; i < 11; i++) await say('data-insights', i, 7);
    for (let i = 0; i < 12; i++)
      await say('checkout', i, 3, i < 2 ? `CI is slow (${i})` : undefined);
    // While open, no team has 2 × 10 waiting: nothing is published yet.
    await services.release.release();
    expect(await services.comments.comments(campaign.id)).toEqual({
      campaignId: campaign.id,
      minCommentGroupSize: 10,
      shown: false,
      answers: null,
      comments: [],
    });

    await close(campaign.id);
    const { shown, comments, answers } = await services.comments.comments(
      campaign.id,
    );
    expect(shown).toBe(true);
    expect(answers).toBe(31);
    expect(comments).toHaveLength(3);
    const byText = Object.fromEntries(comments.map(c => [c.comment, c]));
    // checkout (12) is shown; routing (8) is too small; data-insights goes with it.
    expect(byText['CI is slow (0)']).toMatchObject({
      band: 'detractor',
      team: 'group:default/checkout',
    });
    expect(byText['Love the templates']).toMatchObject({
      band: 'promoter',
      team: null,
    });
    expect(JSON.stringify(comments)).not.toMatch(/user:/);

    const tagged = byText['CI is slow (0)'].id;
    expect(
      await services.comments.setThemes(tagged, ['ci speed', 'flaky tests']),
    ).toBe(campaign.id);
    await services.comments.setThemes(byText['CI is slow (1)'].id, [
      'ci speed',
    ]);
    expect(await services.comments.themeCounts(campaign.id)).toEqual([
      { theme: 'ci speed', comments: 2 },
      { theme: 'flaky tests', comments: 1 },
    ]);
    await services.comments.setThemes(tagged, ['ci speed']);
    expect(await services.comments.themeCounts()).toEqual([
      { theme: 'ci speed', comments: 2 },
    ]);
    await expect(
      services.comments.setThemes('5d0c7d1e-0e8a-4a5c-8d7e-3a6f6e2b9c10', [
        'x',
      ]),
    ).rejects.toMatchObject({ name: 'NotFoundError' });

    // Demand behind a roadmap item linked to both themes: each comment once, and
    // 2 is under k, so the campaign is listed without its count.
    await services.comments.setThemes(byText['CI is slow (0)'].id, [
      'ci speed',
      'flaky tests',
    ]);
    expect(
      await services.comments.themeDemand(['ci speed', 'flaky tests']),
    ).toEqual({
      minGroupSize: 5,
      items: [
        {
          campaignId: campaign.id,
          title: campaign.title,
          opensAt: campaign.opensAt,
          suppressed: true,
          comments: null,
        },
      ],
    });
    expect(await services.comments.themeDemand(['nobody asked'])).toEqual({
      minGroupSize: 5,
      items: [],
    });

    const csv = await services.comments.commentsCsv(campaign.id);
    expect(csv.split('\r\n')[0]).toBe('"comment","band","team","themes"');
    expect(csv).toContain(
      '"CI is slow (0)","detractor","group:default/checkout","ci speed; flaky tests"',
    );
  });

  it('exports aggregates as CSV, hidden teams without numbers, formulas neutralised', async () => {
    await setUp();
    const campaign = await services.campaigns.create(
      {
        title: '=HYPERLINK("http://evil")',
        question: 'Q',
        followUp: 'F',
        opensAt: now.toISOString(),
        closesAt: new Date(now.getTime() + 21 * DAY).toISOString(),
        audience: { type: 'all' },
      },
      'user:default/priya.raman',
    );
    await answerMany(campaign.id, 'checkout', [10, 9, 9, 8, 3, 2, 10]);
    await answerMany(campaign.id, 'routing', [10, 10, 7, 7, 6, 9]);
    await answerMany(campaign.id, 'fleet-ops', [1]);
    await close(campaign.id);
    const lines = (await services.results.resultsCsv(campaign.id))
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"campaign","group","answers","promoters","passives","detractors","nps","interval_low","interval_high","note"',
    );
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil""\)","all",14,/);
    const fleet = lines.find(l => l.includes('fleet-ops'))!;
    expect(fleet).toMatch(/,,,,,,,,"hidden: too-few-answers"$/);
  });
});
