import { ReactElement } from 'react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import {
  GoldenPathsApi,
  goldenPathsApiRef,
} from '@paved/plugin-golden-paths-react';
import { NpsApi, npsApiRef } from '@paved/plugin-nps-react';
import {
  Campaign,
  CampaignResults,
  Trend,
  summarizeNps,
} from '@paved/plugin-nps-common';
import {
  PlatformMetricsApi,
  platformMetricsApiRef,
} from '@paved/plugin-platform-metrics-react';
import {
  DAY_MS,
  DoraReport,
  EMPTY_AGGREGATE,
  METRICS,
  WindowAggregate,
  doraMetrics,
} from '@paved/plugin-platform-metrics-common';
import { RoadmapApi, roadmapApiRef } from '@paved/plugin-roadmap-react';
import type { RoadmapItem } from '@paved/plugin-roadmap-common';
import type { HealthTargets } from '@paved/plugin-platform-health-common';
import {
  PlatformHealthApi,
  platformHealthApiRef,
} from '../api/PlatformHealthApi';
import { rootRouteRef } from '../routes';

/** The product's default targets. */
export const TARGETS: HealthTargets = {
  npsAtRiskWithin: 5,
  participation: { value: 60, atRiskWithin: 10 },
  adoption: { value: 80, atRiskWithin: 10 },
  onboarding: { value: 14, atRiskWithin: 7 },
  doraBands: {
    deploymentFrequency: 'high',
    leadTime: 'high',
    changeFailureRate: 'high',
    recoveryTime: 'high',
  },
  reworkRate: null,
};

/** A closed campaign. */
export function campaign(id: string, title: string, opensAt: string): Campaign {
  return {
    id,
    title,
    question: 'Q',
    followUp: 'F',
    opensAt,
    closesAt: opensAt,
    audience: { type: 'all' } as Campaign['audience'],
    origin: 'schedule',
    status: 'closed',
    answers: 100,
  };
}

/** An NPS summary from band counts. */
export const summary = (
  promoters: number,
  passives: number,
  detractors: number,
) => summarizeNps({ promoters, passives, detractors })!;

/** Two campaigns: +10 then +30 (50/30/20 of 100), goal line at +20. */
export function makeTrend(): Trend {
  const q3 = campaign('c3', '2026-Q3 survey', '2026-07-01T00:00:00Z');
  const q4 = campaign('c4', '2026-Q4 survey', '2026-10-01T00:00:00Z');
  return {
    points: [
      { campaign: q3, summary: summary(40, 30, 30), change: null, goal: 15 },
      {
        campaign: q4,
        summary: summary(50, 30, 20),
        change: {
          difference: 20,
          interval: { low: 0.5, high: 39.5 },
          significant: true,
          direction: 'up',
        },
        goal: 20,
      },
    ],
    warningThreshold: 20,
    minGroupSize: 5,
    warning: null,
    baselineCampaignId: 'c3',
  };
}

/** The latest campaign's results, with a visible team and a suppressed one. */
export function makeResults(): CampaignResults {
  return {
    campaign: makeTrend().points[1].campaign,
    summary: summary(50, 30, 20),
    distribution: null,
    participation: { respondents: 100, eligible: 160, rate: 0.625 },
    minGroupSize: 5,
    teams: [
      {
        team: 'group:default/checkout',
        visible: true,
        summary: summary(6, 2, 2),
      },
      { team: 'group:default/data', visible: false, reason: 'too-few-answers' },
    ],
    batching: { campaignOpen: false, k: 5 },
  };
}

/** A DORA report over 90 days from what the database would have counted. */
export function makeReport(aggregate: Partial<WindowAggregate>): DoraReport {
  const a = { ...EMPTY_AGGREGATE, ...aggregate };
  return {
    scope: { kind: 'organisation' },
    window: {
      from: new Date(Date.UTC(2026, 8, 1)).toISOString(),
      to: new Date(Date.UTC(2026, 8, 1) + 90 * DAY_MS).toISOString(),
      days: 90,
    },
    bandVersion: 'dora-2023',
    metrics: doraMetrics(a, 90),
    pipelineFailures: a.pipelineFailures,
    series: Array.from({ length: 13 }, (_, i) => ({
      weekStart: new Date(Date.UTC(2026, 8, 7) + i * 7 * DAY_MS).toISOString(),
      days: 7,
      deployments: 3,
      values: Object.fromEntries(METRICS.map(m => [m, i + 1])) as any,
    })),
  };
}

/** A roadmap item. */
export function item(overrides: Partial<RoadmapItem>): RoadmapItem {
  return {
    id: 'i1',
    title: 'Item',
    summary: 's',
    description: '',
    problem: '',
    category: 'ci-cd',
    owner: 'group:default/platform-team',
    horizon: 'now',
    targetQuarter: null,
    status: 'building',
    declineReason: null,
    links: [],
    breakingChange: null,
    rank: 0,
    version: 1,
    shippedAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    votes: 0,
    votedByMe: false,
    subscribedByMe: false,
    changedSinceLastVisit: false,
    ...overrides,
  };
}

/** Every API the health page reads, resolving to demo-like data; override what a test needs. */
export function fakeApis(
  overrides: {
    health?: Partial<PlatformHealthApi>;
    nps?: Partial<NpsApi>;
    goldenPaths?: Partial<GoldenPathsApi>;
    metrics?: Partial<PlatformMetricsApi>;
    roadmap?: Partial<RoadmapApi>;
  } = {},
) {
  const health = {
    getTargets: jest.fn().mockResolvedValue(TARGETS),
    getOkrs: jest
      .fn()
      .mockResolvedValue({ quarter: '2026-Q4', objectives: [] }),
    createObjective: jest.fn(),
    updateObjective: jest.fn(),
    deleteObjective: jest.fn(),
    getObjectiveHistory: jest.fn(),
    checkIn: jest.fn(),
    recordReviewExport: jest.fn().mockResolvedValue(undefined),
    ...overrides.health,
  } as PlatformHealthApi;
  const nps = {
    getTrend: jest.fn().mockResolvedValue(makeTrend()),
    getResults: jest.fn().mockResolvedValue(makeResults()),
    ...overrides.nps,
  } as unknown as NpsApi;
  const goldenPaths = {
    getAdoption: jest.fn().mockResolvedValue({
      goal: 0.8,
      quarters: [
        {
          quarter: '2026-Q3',
          newComponents: 10,
          fromGoldenPaths: 6,
          adoption: { rate: 0.6, low: 0.31, high: 0.83 },
        },
        {
          quarter: '2026-Q4',
          newComponents: 10,
          fromGoldenPaths: 7,
          adoption: { rate: 0.7, low: 0.397, high: 0.892 },
        },
      ],
    }),
    getMonthlyAdoption: jest.fn().mockResolvedValue({
      goal: 0.8,
      months: [
        {
          month: '2026-09',
          newComponents: 4,
          fromGoldenPaths: 3,
          adoption: { rate: 0.75, low: 0.301, high: 0.954 },
        },
        {
          month: '2026-10',
          newComponents: 0,
          fromGoldenPaths: 0,
          adoption: null,
        },
        {
          month: '2026-11',
          newComponents: 10,
          fromGoldenPaths: 7,
          adoption: { rate: 0.7, low: 0.397, high: 0.892 },
        },
      ],
    }),
    getTeamAdoption: jest.fn().mockResolvedValue({
      from: '2026-Q3',
      to: '2026-Q4',
      goal: 0.8,
      teams: [
        {
          team: 'group:default/checkout',
          newComponents: 4,
          fromGoldenPaths: 4,
          adoption: { rate: 1, low: 0.51, high: 1 },
        },
      ],
    }),
    ...overrides.goldenPaths,
  } as unknown as GoldenPathsApi;
  const metrics = {
    getDora: jest.fn().mockResolvedValue(
      makeReport({
        deployments: 90,
        changeFailures: 9,
        leadTimeMs: 2 * DAY_MS,
        leadTimeCommits: 90,
      }),
    ),
    getOnboarding: jest.fn().mockResolvedValue({
      minCohortSize: 5,
      cohorts: [
        {
          cohort: '2026-09',
          joined: 6,
          deployed: 5,
          notYetDeployed: 1,
          medianDays: 12,
        },
        {
          cohort: '2026-10',
          joined: 3,
          deployed: null,
          notYetDeployed: null,
          medianDays: null,
        },
      ],
    }),
    listReleases: jest.fn().mockResolvedValue([]),
    getReleaseImpact: jest.fn(),
    ...overrides.metrics,
  } as unknown as PlatformMetricsApi;
  const roadmap = {
    listItems: jest.fn().mockResolvedValue([
      item({ id: 'a', title: 'Preview environments', horizon: 'now' }),
      item({ id: 'b', title: 'Faster CI', horizon: 'next' }),
      item({
        id: 'c',
        title: 'Our own Kubernetes',
        status: 'declined',
        declineReason: 'Managed clusters serve us better',
      }),
    ]),
    getTopThemes: jest.fn().mockResolvedValue({ minGroupSize: 5, themes: [] }),
    ...overrides.roadmap,
  } as unknown as RoadmapApi;
  return { health, nps, goldenPaths, metrics, roadmap };
}

/** Permissions of a platform PM (allowed) or anyone else (denied). */
export function permissions(pm: boolean): PermissionApi {
  return {
    authorize: jest.fn().mockResolvedValue({ result: pm ? 'ALLOW' : 'DENY' }),
  };
}

/** Renders `element` with the APIs at /health. */
export function renderHealth(
  element: ReactElement,
  options: {
    apis?: ReturnType<typeof fakeApis>;
    pm?: boolean;
    path?: string;
  } = {},
) {
  const apis = options.apis ?? fakeApis();
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [platformHealthApiRef, apis.health],
        [npsApiRef, apis.nps],
        [goldenPathsApiRef, apis.goldenPaths],
        [platformMetricsApiRef, apis.metrics],
        [roadmapApiRef, apis.roadmap],
        [permissionApiRef, permissions(options.pm ?? false)],
        [
          catalogApiRef,
          { getEntities: jest.fn().mockResolvedValue({ items: [] }) },
        ],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      mountedRoutes: { '/health': rootRouteRef },
      routeEntries: options.path ? [options.path] : undefined,
    },
  );
}
