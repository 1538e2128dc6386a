import { Category, Horizon, RoadmapStatus } from '@paved/plugin-roadmap-common';
import { quarterBounds, quarterOf, upcomingQuarters } from '@paved/common';
import { RoadmapStore } from '@paved/plugin-roadmap-backend';

const DAY_MS = 24 * 60 * 60 * 1000;
const PM = 'user:default/priya.raman';
const OWNER = 'group:default/platform-team';

interface DemoItem {
  title: string;
  summary: string;
  problem: string;
  category: Category;
  horizon: Horizon;
  status: RoadmapStatus;
  /** Index into the upcoming quarters (0 = this quarter), or null. */
  quarter: number | null;
  /** How many of the demo people vote for it. */
  votes: number;
  declineReason?: string;
  breaking?: { notice: string; inDays: number };
  /** NPS comment themes the item answers (its demand). */
  themes?: string[];
  /** Shipped last quarter: created earlier, made generally available then. */
  shippedLastQuarter?: boolean;
}

const items: DemoItem[] = [
  {
    themes: ['ci speed'],
    title: 'Faster CI for monorepos',
    summary: 'Remote build cache and test sharding for the big repositories.',
    problem:
      'CI takes 40 minutes on the checkout monorepo, so teams merge less often.',
    category: 'ci-cd',
    horizon: 'now',
    status: 'building',
    quarter: 0,
    votes: 24,
  },
  {
    themes: ['preview environments'],
    title: 'Preview environments for pull requests',
    summary:
      'A running copy of your service for every pull request, torn down on merge.',
    problem:
      'Reviewers cannot try a change without deploying it to the shared staging.',
    category: 'ci-cd',
    horizon: 'now',
    status: 'alpha',
    quarter: 0,
    votes: 19,
  },
  {
    themes: ['self-service infrastructure'],
    title: 'Self-service Postgres databases',
    summary:
      'Create a managed database from the portal in minutes, with backups on.',
    problem: 'A new database takes a ticket and two weeks.',
    category: 'infrastructure',
    horizon: 'now',
    status: 'beta',
    quarter: 0,
    votes: 17,
  },
  {
    themes: ['observability'],
    title: 'One place for logs, metrics and traces',
    summary:
      'A single observability stack with service dashboards created for you.',
    problem: 'Observability is split across three tools.',
    category: 'observability',
    horizon: 'next',
    status: 'in-design',
    quarter: 1,
    votes: 15,
  },
  {
    themes: ['golden paths'],
    title: 'Golden path for data pipelines',
    summary:
      'A template for batch pipelines with scheduling, lineage and alerts.',
    problem: 'There is no paved road for data work; every team builds its own.',
    category: 'golden-paths',
    horizon: 'next',
    status: 'in-design',
    quarter: 1,
    votes: 11,
  },
  {
    themes: ['secrets'],
    title: 'Automated secrets rotation',
    summary: 'Secrets rotate on a schedule without restarts.',
    problem: 'Manual rotation breaks services every quarter.',
    category: 'security',
    horizon: 'now',
    status: 'building',
    quarter: 0,
    votes: 9,
  },
  {
    themes: ['docs', 'golden paths'],
    title: 'Runtime library 3.0',
    summary:
      'Structured logging and OpenTelemetry by default in the service runtime.',
    problem:
      'Services log in five formats and traces stop at library boundaries.',
    category: 'golden-paths',
    horizon: 'now',
    status: 'beta',
    quarter: 0,
    votes: 6,
    breaking: {
      notice:
        'Runtime library 2.x stops receiving security fixes. Upgrade to 3.0: the logging API changed (see the migration guide).',
      inDays: 21,
    },
  },
  {
    themes: ['test environments'],
    title: 'Resettable integration test environments',
    summary:
      'Reset your team’s test environment to a known state with one click.',
    problem: 'Flaky shared test environments block releases.',
    category: 'ci-cd',
    horizon: 'next',
    status: 'exploring',
    quarter: 1,
    votes: 8,
  },
  {
    title: 'Cost per service in the catalog',
    summary: 'Cloud cost of each service, next to its owner, updated daily.',
    problem: 'Teams cannot see what their services cost.',
    category: 'developer-portal',
    horizon: 'next',
    status: 'exploring',
    quarter: 2,
    votes: 5,
  },
  {
    title: 'Deployment frequency and lead time per team',
    summary: 'DORA metrics for every team, before and after platform releases.',
    problem: 'We cannot tell whether platform changes help delivery.',
    category: 'developer-portal',
    horizon: 'next',
    status: 'in-design',
    quarter: 1,
    votes: 7,
  },
  {
    title: 'Canary releases on the standard pipeline',
    summary: 'Progressive rollouts with automatic rollback on error budgets.',
    problem: 'A bad deploy reaches every customer at once.',
    category: 'ci-cd',
    horizon: 'later',
    status: 'exploring',
    quarter: 2,
    votes: 10,
  },
  {
    title: 'Mobile app golden path',
    summary:
      'A template for React Native apps with signing, CI and release lanes.',
    problem: 'The driver app team maintains its own release scripts.',
    category: 'golden-paths',
    horizon: 'later',
    status: 'exploring',
    quarter: null,
    votes: 4,
  },
  {
    title: 'Event streaming as a service',
    summary: 'Self-service Kafka topics with schemas and access control.',
    problem: 'Getting a topic means a ticket to the data team.',
    category: 'data',
    horizon: 'later',
    status: 'exploring',
    quarter: null,
    votes: 6,
  },
  {
    title: 'Software bill of materials for every build',
    summary: 'SBOMs and vulnerability checks in the standard pipeline.',
    problem: 'We cannot answer “are we affected?” quickly.',
    category: 'security',
    horizon: 'later',
    status: 'exploring',
    quarter: null,
    votes: 3,
  },
  {
    title: 'On-call handbook in the portal',
    summary: 'Runbooks and escalation paths linked from each service.',
    problem: 'On-call engineers search wikis during incidents.',
    category: 'developer-portal',
    horizon: 'next',
    status: 'building',
    quarter: 1,
    votes: 5,
  },
  {
    title: 'ARM runners for CI',
    summary: 'Cheaper, faster ARM build machines for container images.',
    problem: 'Multi-arch images take twice as long to build.',
    category: 'ci-cd',
    horizon: 'later',
    status: 'in-design',
    quarter: 2,
    votes: 2,
  },
  {
    title: 'Per-team error budgets',
    summary: 'SLOs and error budgets for every production service.',
    problem: 'Reliability trade-offs are argued case by case.',
    category: 'observability',
    horizon: 'later',
    status: 'exploring',
    quarter: null,
    votes: 4,
  },
  {
    themes: ['ci speed'],
    title: 'Autoscaled CI runners',
    summary:
      'Runners scale with the queue; no more waiting in the morning peak.',
    problem: 'Builds queued for 20 minutes at 9am.',
    category: 'ci-cd',
    horizon: 'now',
    status: 'generally-available',
    quarter: null,
    votes: 14,
    shippedLastQuarter: true,
  },
  {
    title: 'Service template v2',
    summary:
      'The TypeScript service golden path with the runtime library built in.',
    problem: 'New services took a week to become production ready.',
    category: 'golden-paths',
    horizon: 'now',
    status: 'generally-available',
    quarter: null,
    votes: 12,
    shippedLastQuarter: true,
  },
  {
    title: 'Our own service mesh',
    summary: 'Run a service mesh for mutual TLS and traffic policy.',
    problem: 'Service-to-service traffic is not encrypted everywhere.',
    category: 'infrastructure',
    horizon: 'later',
    status: 'declined',
    quarter: null,
    votes: 3,
    declineReason:
      'The cloud provider’s managed mesh covers mutual TLS for less effort; we will enable it instead.',
  },
  {
    title: 'Company-wide GraphQL gateway',
    summary: 'One GraphQL API in front of every service.',
    problem: 'Frontends call many services.',
    category: 'infrastructure',
    horizon: 'later',
    status: 'declined',
    quarter: null,
    votes: 2,
    declineReason:
      'Only two teams asked for it and both are served by the existing backend-for-frontend pattern.',
  },
  {
    title: 'Custom CI system',
    summary: 'Build our own CI instead of the hosted one.',
    problem: 'Some pipelines need features the hosted CI lacks.',
    category: 'ci-cd',
    horizon: 'later',
    status: 'declined',
    quarter: null,
    votes: 1,
    declineReason:
      'Running CI is not where we add value; we work with the vendor on the missing features.',
  },
];

// Generally available in the middle of last quarter.
const shippedAt = (index: number, quarterStart: number) =>
  new Date(quarterStart - (45 - index) * DAY_MS);

/**
 * When the demo roadmap's items shipped last quarter became generally
 * available, by title, for a roadmap loaded at `now` (the delivery-metrics
 * demo makes golden-path services faster from then on).
 */
export function demoRoadmapReleases(now: Date): Map<string, Date> {
  const quarterStart = quarterBounds(quarterOf(now)).start.getTime();
  return new Map(
    items.flatMap((demo, index) =>
      demo.shippedLastQuarter
        ? [[demo.title, shippedAt(index, quarterStart)] as const]
        : [],
    ),
  );
}

/**
 * Loads a believable 6-month platform roadmap, unless items exist already: every
 * horizon and status, declined items with reasons, two items shipped last quarter,
 * a breaking change ahead, and votes from the demo organisation.
 */
export async function loadRoadmapDemoData(options: {
  store: RoadmapStore;
  people: string[];
  now?: Date;
}): Promise<boolean> {
  const { store, people } = options;
  if ((await store.listItems(PM)).length > 0) return false;
  const now = options.now ?? new Date();
  const quarters = upcomingQuarters(now);
  const quarterStart = quarterBounds(quarterOf(now)).start.getTime();
  let voter = 0;
  for (const [index, demo] of items.entries()) {
    const created = new Date(now.getTime() - (200 - index * 5) * DAY_MS);
    const id = await store.insertItem(
      {
        title: demo.title,
        summary: demo.summary,
        description: `## Why\n\n${demo.problem}\n\n## What you get\n\n${demo.summary}`,
        problem: demo.problem,
        category: demo.category,
        owner: OWNER,
        horizon: demo.horizon,
        targetQuarter: demo.quarter === null ? null : quarters[demo.quarter],
        status: demo.shippedLastQuarter ? 'beta' : demo.status,
        declineReason: demo.declineReason ?? null,
        links: [
          {
            title: 'Design notes',
            url: `https://wiki.lumenfreight.example/platform/${index + 1}`,
          },
        ],
        breakingChange: demo.breaking
          ? {
              notice: demo.breaking.notice,
              effectiveDate: new Date(
                now.getTime() + demo.breaking.inDays * DAY_MS,
              )
                .toISOString()
                .slice(0, 10),
            }
          : null,
      },
      PM,
      created,
    );
    if (demo.shippedLastQuarter) {
      await store.updateItem(
        id,
        1,
        () => ({ status: 'generally-available' }),
        PM,
        shippedAt(index, quarterStart),
      );
    }
    if (demo.themes) await store.setThemes(id, demo.themes);
    for (let v = 0; v < Math.min(demo.votes, people.length); v++) {
      const person = people[(voter + v) % people.length];
      await store.setMark('roadmap_votes', id, person, true);
      await store.setMark('roadmap_subscriptions', id, person, true);
    }
    voter += 7;
  }
  return true;
}
