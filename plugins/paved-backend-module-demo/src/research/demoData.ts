import {
  addQuarters,
  quarterBounds,
  quarterLabel,
  quarterOf,
} from '@paved/common';
import { DEFAULT_GUIDE } from '@paved/plugin-research-common';
import {
  NoticeStore,
  PreviewStore,
  StudyStore,
} from '@paved/plugin-research-backend';
import { DemoPerson } from '../people';

const PM = 'user:default/priya.raman';
const DAY_MS = 24 * 60 * 60 * 1000;
const FASTER_CI = 'Faster CI for monorepos';
const PREVIEWS = 'Preview environments for pull requests';

/** A finding of a demo interview: [theme, root cause, text, quote?, linked item title?]. */
type Finding = [string, string, string, boolean?, string?];

// What seven developers said last quarter about getting a change to production.
const LAST_QUARTER: Finding[][] = [
  [
    [
      'ci speed',
      'No build cache on the checkout monorepo',
      'Waits about 40 minutes for CI before every merge.',
      false,
      FASTER_CI,
    ],
    ['ci speed', '', '"I push, go for coffee, and hope."', true],
  ],
  [
    [
      'ci speed',
      'No build cache on the checkout monorepo',
      'Batches changes into big PRs so CI runs fewer times.',
      false,
      FASTER_CI,
    ],
    [
      'test environments',
      'One shared staging for all teams',
      'Queues in Slack to get staging for an afternoon.',
      false,
      PREVIEWS,
    ],
  ],
  [
    [
      'test environments',
      'One shared staging for all teams',
      'Tests against production data copies on a laptop instead.',
      false,
      PREVIEWS,
    ],
    [
      'deploy reliability',
      'Rollbacks are manual and undocumented',
      'Once spent an evening rolling back by hand.',
    ],
  ],
  [
    [
      'ci speed',
      'Flaky integration tests rerun the whole pipeline',
      'Reruns the pipeline two or three times a day for flaky tests.',
      false,
      FASTER_CI,
    ],
    [
      'docs',
      'Runbooks live in three places',
      'Could not find the runbook during an incident.',
    ],
  ],
  [
    [
      'deploy reliability',
      'Rollbacks are manual and undocumented',
      'Avoids Friday deploys because nobody can roll back quickly.',
    ],
    [
      'test environments',
      'One shared staging for all teams',
      '"Staging is always broken by someone else."',
      true,
      PREVIEWS,
    ],
  ],
  [
    [
      'observability',
      'Logs, metrics and traces in three tools',
      'Switches between three tools to follow one request.',
    ],
    [
      'ci speed',
      'No build cache on the checkout monorepo',
      'New joiners wait the longest: their first PR takes a day.',
      false,
      FASTER_CI,
    ],
  ],
  [
    [
      'docs',
      'Runbooks live in three places',
      'Asks in Slack instead of searching the docs.',
    ],
    [
      'preview environments',
      'One shared staging for all teams',
      'Wants reviewers to click through a change before merging it.',
      false,
      PREVIEWS,
    ],
  ],
];

// What two developers said so far this quarter about setting up a new service.
const THIS_QUARTER: Finding[][] = [
  [
    [
      'golden paths',
      'The template does not set up the deploy pipeline',
      'Copied the pipeline from another repository and fixed it for a day.',
    ],
    [
      'secrets',
      'Secrets are requested by ticket',
      '"Two days waiting for a database password."',
      true,
    ],
  ],
  [
    [
      'self-service infrastructure',
      'Databases are requested by ticket',
      'Waited two weeks for a Postgres database.',
    ],
    [
      'golden paths',
      'The template does not set up the deploy pipeline',
      'Did not know the golden path existed until after starting.',
    ],
  ],
];

const PREVIEW_FEEDBACK: Array<[string, string[]]> = [
  [
    'Came up in four minutes and the link was right in the PR. Lovely.',
    ['preview environments'],
  ],
  ['Could not find the logs of my preview environment.', ['observability']],
  [
    'Our service needs a database; the preview had none, so it crashed.',
    ['self-service infrastructure'],
  ],
  ['Reviewers actually clicked through the change this time.', []],
  ['Took 20 minutes on the checkout monorepo; CI was the slow part.', []],
];

/** Developers in a stable order that alternates teams, so every demo group is mixed. */
export function roundRobin(people: DemoPerson[], platformTeam: string) {
  const byTeam = new Map<string, string[]>();
  for (const p of people) {
    if (!p.teamRef || p.teamRef === platformTeam) continue;
    byTeam.set(p.teamRef, [...(byTeam.get(p.teamRef) ?? []), p.userRef]);
  }
  const teams = [...byTeam.keys()].sort();
  const order: string[] = [];
  for (let i = 0; order.length < people.length; i++) {
    let added = false;
    for (const team of teams) {
      const member = byTeam.get(team)![i];
      if (member) {
        order.push(member);
        added = true;
      }
    }
    if (!added) break;
  }
  return order;
}

/**
 * Loads the demo research: last quarter's finished study with its public summary,
 * this quarter's study under way, volunteers, and an open preview of the
 * "Preview environments" roadmap item. Returns false when it is loaded already or the
 * roadmap items are not there yet.
 */
export async function loadResearchDemoData(options: {
  studies: StudyStore;
  previews: PreviewStore;
  notices: NoticeStore;
  items: Array<{ id: string; title: string; status: string }>;
  people: DemoPerson[];
  /** The demo developer who should find an open invitation. */
  invitee?: string;
  now?: Date;
}): Promise<boolean> {
  const { studies, previews, notices, items } = options;
  const now = options.now ?? new Date();
  const itemId = (title: string) => items.find(i => i.title === title)?.id;
  if (!itemId(FASTER_CI) || !itemId(PREVIEWS)) return false;
  const current = quarterOf(now);
  const previous = addQuarters(current, -1);
  if ((await studies.countStudiesIn(previous)) > 0) return false;

  const invitee = options.invitee ?? 'user:default/jonas.weber';
  const developers = roundRobin(
    options.people,
    'group:default/platform-team',
  ).filter(p => p !== invitee);
  const at = (start: Date, days: number, hour: number) =>
    new Date(
      Date.UTC(
        start.getUTCFullYear(),
        start.getUTCMonth(),
        start.getUTCDate() + days,
        hour,
      ),
    );

  // Last quarter: seven interviews, one decline, a published summary.
  const q = quarterBounds(previous);
  const finished = (await studies.insertStudy(
    {
      quarter: previous,
      title: 'Getting a change to production',
      goal: 8,
      guide: [...DEFAULT_GUIDE],
      status: 'finished',
    },
    PM,
    at(q.start, 3, 9),
  ))!;
  const asked = developers.slice(0, 8);
  const lastInvitations = await studies.insertInvitations(
    finished,
    asked,
    [10, 11, 12, 13, 14].map(d => at(q.start, d, 10).toISOString()),
    'Thirty minutes about your last deployment: no preparation needed.',
    PM,
    at(q.start, 5, 9),
  );
  for (const [index, invitation] of lastInvitations.entries()) {
    if (index === 7) {
      await studies.respond(
        invitation.id,
        invitation.userRef,
        'declined',
        null,
        at(q.start, 6, 9),
      );
      continue;
    }
    await studies.respond(
      invitation.id,
      invitation.userRef,
      'accepted',
      at(q.start, 10 + (index % 5), 10 + Math.floor(index / 5) * 4),
      at(q.start, 6, 9),
    );
    await addFindings(
      studies,
      invitation.id,
      finished,
      LAST_QUARTER[index],
      itemId,
      at(q.start, 20, 12),
    );
  }
  await studies.setSummary(
    finished,
    {
      heard:
        'Seven developers walked us through their last deployment. Waiting is the big cost: CI takes up to 40 minutes on the checkout monorepo, and teams queue for one shared staging. Rollbacks are manual, so people avoid deploying late in the week.',
      willDo:
        'A remote build cache and test sharding for the monorepos (Faster CI, now building), preview environments per pull request so nobody waits for staging (now in alpha, join the preview), and a written rollback for every golden path.',
      willNotDo:
        'A second CI system: two half-run systems would be slower than one well-run one. A staging environment per team: preview environments solve the same problem at a fraction of the cost.',
      publishedAt: at(q.start, 40, 9),
    },
    PM,
    at(q.start, 40, 9),
  );

  // This quarter: under way, two interviews held, one upcoming, one decline, two open.
  const c = quarterBounds(current);
  const insertUnderWay = async () => {
    // The scheduler may have proposed this quarter's study: the demo one replaces it.
    await studies.deleteUntouchedProposal(current);
    return studies.insertStudy(
      {
        quarter: current,
        title: 'Setting up a new service',
        goal: 8,
        guide: [
          'Tell me about the last time you set up a new service or repository. Where did you start?',
          'What was the most frustrating part of it? What did you do then?',
          'How did it get its first deployment, database and secrets?',
          'Who did you ask for help along the way, and what happened next?',
          'What do you do today that feels like a workaround? How did it start?',
        ],
        status: 'under-way',
        scheduleKey: current,
      },
      PM,
      c.start,
    );
  };
  const underWay = ((await insertUnderWay()) ?? (await insertUnderWay()))!;
  const held = at(new Date(now.getTime() - 6 * DAY_MS), 0, 10);
  const upcoming = at(new Date(now.getTime() + 3 * DAY_MS), 0, 14);
  const later = at(new Date(now.getTime() + 4 * DAY_MS), 0, 10);
  const thisQuarter = developers.slice(8, 13);
  const invitations = await studies.insertInvitations(
    underWay,
    [...thisQuarter, invitee],
    [upcoming.toISOString(), later.toISOString()],
    'Thirty minutes about how you set up your last service.',
    PM,
    new Date(now.getTime() - 10 * DAY_MS),
  );
  for (const [index, invitation] of invitations.entries()) {
    if (index < 2) {
      await studies.respond(
        invitation.id,
        invitation.userRef,
        'accepted',
        new Date(held.getTime() + index * DAY_MS),
        held,
      );
      await studies.setRawNotes(
        invitation.id,
        'Started from a copy of another repository. Pipeline took a day to fix. Asked in #platform twice.',
        PM,
        held,
      );
      await addFindings(
        studies,
        invitation.id,
        underWay,
        THIS_QUARTER[index],
        itemId,
        held,
      );
    } else if (index === 2) {
      await studies.respond(
        invitation.id,
        invitation.userRef,
        'accepted',
        upcoming,
        held,
      );
    } else if (index === 3) {
      await studies.respond(
        invitation.id,
        invitation.userRef,
        'declined',
        null,
        held,
      );
    }
  }
  await notices.add(
    [thisQuarter[4], invitee],
    {
      kind: 'invitation',
      title: 'Would you talk to the platform team for 30 minutes?',
      message: `You are invited to "Setting up a new service" (${quarterLabel(
        current,
      )}). Pick a slot that suits you, or decline: both are fine.`,
      link: '/research?tab=invitations',
    },
    new Date(now.getTime() - 10 * DAY_MS),
  );

  // People who offered 30 minutes and have not been asked yet.
  for (const volunteer of developers.slice(13, 16)) {
    await studies.setVolunteer(volunteer, current, true);
  }

  // The open preview of preview environments, with participants and feedback.
  const previewId = await previews.insert(
    {
      itemId: itemId(PREVIEWS)!,
      itemTitle: PREVIEWS,
      description:
        'Add the label "preview" to a pull request and get a running copy of your service within minutes. Tell us what breaks.',
    },
    PM,
    new Date(now.getTime() - 21 * DAY_MS),
  );
  if (previewId) {
    const testers = [
      developers[2],
      developers[5],
      developers[9],
      ...developers.slice(16, 19),
    ];
    for (const [index, tester] of testers.entries()) {
      await previews.setParticipant(
        previewId,
        tester,
        true,
        new Date(now.getTime() - (20 - index) * DAY_MS),
      );
    }
    for (const [index, [text, themes]] of PREVIEW_FEEDBACK.entries()) {
      const id = await previews.insertFeedback(
        previewId,
        testers[index],
        text,
        new Date(now.getTime() - (14 - index * 2) * DAY_MS),
      );
      if (themes.length > 0) await previews.setFeedbackThemes(id, themes);
    }
  }
  return true;
}

async function addFindings(
  studies: StudyStore,
  invitationId: string,
  studyId: string,
  findings: Finding[],
  itemId: (title: string) => string | undefined,
  at: Date,
) {
  for (const [
    index,
    [theme, rootCause, text, quote, item],
  ] of findings.entries()) {
    await studies.insertObservation(
      invitationId,
      studyId,
      {
        theme,
        rootCause,
        text,
        quote: Boolean(quote),
        roadmapItemId: item ? itemId(item) ?? null : null,
      },
      PM,
      new Date(at.getTime() + index * 60_000),
    );
  }
}
