import { NPS_FOLLOW_UP, NPS_QUESTION } from '@paved/plugin-nps-common';
import { NpsServices, NpsStore } from '@paved/plugin-nps-backend';
import { quarterBounds, quarterOf } from '@paved/common';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A respondent of the demo organisation. */
export interface DemoPerson {
  userRef: string;
  teamRef: string;
}

// Deterministic, so every fresh start shows the same story.
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

// How each team feels, in NPS-ish drift per quarter: checkout and fleet are
// unhappier (slow CI, flaky deploys); the platform team likes its own product.
const teamMood: Record<string, number> = {
  'group:default/platform-team': 0.25,
  'group:default/checkout': -0.12,
  'group:default/fleet-ops': -0.08,
  'group:default/routing': 0.05,
  'group:default/customer-apps': 0.08,
  'group:default/data-insights': 0.02,
};

// [score, comment, themes a platform PM gave it]
const comments: Array<[number, string, string[]]> = [
  [
    2,
    'CI takes 40 minutes on the checkout monorepo; we merge less often because of it.',
    ['ci speed'],
  ],
  [
    3,
    'Hotfixes wait half an hour for a CI runner; builds queue all afternoon.',
    ['ci speed'],
  ],
  [
    3,
    'Deploys to staging fail randomly and nobody knows who owns the runners.',
    ['deploy reliability', 'ownership'],
  ],
  [
    4,
    'Secrets rotation is manual and breaks our services every quarter.',
    ['secrets'],
  ],
  [
    5,
    'Getting a new database takes a ticket and two weeks. Self-service please.',
    ['self-service infrastructure'],
  ],
  [
    5,
    'The docs for the service template are out of date with the runtime library.',
    ['docs', 'golden paths'],
  ],
  [
    6,
    'Observability is split across three tools; one place for logs and traces would help.',
    ['observability'],
  ],
  [
    6,
    'Builds redo everything from scratch; a shared build cache would help a lot.',
    ['ci speed'],
  ],
  [
    6,
    'Preview environments for pull requests would save us hours every week.',
    ['preview environments'],
  ],
  [
    7,
    'Golden path for services is good, but there is nothing for data pipelines yet.',
    ['golden paths'],
  ],
  [
    7,
    'Waiting twenty minutes for CI to tell me about a lint error is painful.',
    ['ci speed'],
  ],
  [
    7,
    'Flaky integration test environment; please give us a way to reset it ourselves.',
    ['test environments'],
  ],
  [
    8,
    'The new runtime library made health checks trivial. More of this.',
    ['golden paths'],
  ],
  [8, 'Faster feedback from CI would make this a 10.', ['ci speed']],
  [
    9,
    'CI got faster this year, but the monorepo build is still the slowest step.',
    ['ci speed'],
  ],
  [
    9,
    'Scaffolding a new service in ten minutes is amazing compared to last year.',
    ['golden paths'],
  ],
  [
    9,
    'The platform team answers quickly in the support channel. Keep it up.',
    ['support'],
  ],
  [
    10,
    'Paved roads are actually the easy way now. Thank you!',
    ['golden paths'],
  ],
  [
    10,
    'Autoscaled runners fixed our queueing problems completely.',
    ['ci speed'],
  ],
];

// Scores for one campaign: exactly the target NPS overall, with happier teams more
// likely to be promoters (their sort key is pushed up by their mood).
function scoresFor(
  respondents: DemoPerson[],
  targetNps: number,
  rand: () => number,
): number[] {
  const n = respondents.length;
  const promoters = Math.round(n * (0.35 + targetNps / 200));
  const detractors = Math.round(n * (0.35 - targetNps / 200));
  const order = respondents
    .map((person, index) => ({
      index,
      key: rand() + 2 * (teamMood[person.teamRef] ?? 0),
    }))
    .sort((a, b) => b.key - a.key);
  const scores = new Array<number>(n);
  order.forEach(({ index }, rank) => {
    if (rank < promoters) scores[index] = 9 + Math.floor(rand() * 2);
    else if (rank >= n - detractors) scores[index] = 2 + Math.floor(rand() * 5);
    else scores[index] = 7 + Math.floor(rand() * 2);
  });
  return scores;
}

/**
 * Loads six past quarterly campaigns and one open campaign with plausible answers,
 * unless campaigns exist already. NPS drifts from about +5 to about +25; the guest
 * demo user has not answered the open campaign, so the prompt shows on first start.
 */
export async function loadDemoData(options: {
  store: NpsStore;
  services: NpsServices;
  people: DemoPerson[];
  skipUsers?: string[];
  now?: Date;
}): Promise<boolean> {
  const { store, people } = options;
  const now = options.now ?? new Date();
  const rand = random(20261124);
  const current = quarterBounds(quarterOf(now));
  const existing = await store.listCampaigns();
  const quarters = [6, 5, 4, 3, 2, 1, 0].map(back =>
    quarterBounds(
      quarterOf(
        new Date(
          Date.UTC(
            current.start.getUTCFullYear(),
            current.start.getUTCMonth() - 3 * back,
            15,
          ),
        ),
      ),
    ),
  );
  // Loaded before (its oldest quarter is there), or a real history exists: leave it.
  if (
    existing.some(c => c.scheduleKey === quarters[0].key) ||
    existing.some(c => c.scheduleKey !== current.key)
  ) {
    return false;
  }

  for (const [index, quarter] of quarters.entries()) {
    const back = 6 - index;
    const isOpen = back === 0;
    const opensAt = isOpen
      ? new Date(now.getTime() - 3 * DAY_MS)
      : new Date(quarter.start.getTime() + 7 * DAY_MS);
    const closesAt = new Date(opensAt.getTime() + 21 * DAY_MS);
    // The quarterly schedule may have created this quarter's campaign already.
    const id =
      existing.find(c => c.scheduleKey === quarter.key)?.id ??
      (await store.insertCampaign(
        {
          title: `Platform NPS ${quarter.label}`,
          question: NPS_QUESTION,
          followUp: NPS_FOLLOW_UP,
          opensAt,
          closesAt,
          audience: { type: 'all' },
          origin: 'schedule',
          scheduleKey: quarter.key,
          createdBy: 'nps:schedule',
        },
        opensAt,
      ));

    // Overall drift: +5 six quarters ago, +25 last quarter, a little better now.
    const targetNps = isOpen ? 28 : 5 + (6 - back) * 4;
    const participation = isOpen ? 0.45 : 0.7 + rand() * 0.15;
    const respondents = people.filter(
      person =>
        !(isOpen && options.skipUsers?.includes(person.userRef)) &&
        rand() <= participation,
    );
    const scores = scoresFor(respondents, targetNps, rand);
    for (const [i, person] of respondents.entries()) {
      const score = scores[i];
      const candidates = comments.filter(([s]) => Math.abs(s - score) <= 1);
      const picked =
        rand() < 0.55 && candidates.length > 0
          ? candidates[Math.floor(rand() * candidates.length)]
          : undefined;
      try {
        await store.recordAnswer(id, person.userRef, {
          score,
          comment: picked?.[1],
          teamRef: person.teamRef,
        });
      } catch (error) {
        // They answered the real campaign before the demo loaded: keep their answer.
        if ((error as Error).name !== 'ConflictError') throw error;
      }
    }
    if (!isOpen) {
      // Past campaigns are closed: everything is published, read and tagged.
      await options.services.release.release(id);
      for (const comment of await store.comments(id)) {
        const themes = comments.find(([, text]) => text === comment.comment);
        if (themes) await store.setThemes(comment.id, themes[2]);
      }
    }
  }
  return true;
}
