import { ReactElement } from 'react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  AdoptionByTeam,
  AdoptionTrend,
  GoldenPath,
  GoldenPathDetail,
  GoldenPathService,
  OffPathService,
  QuarterAdoption,
  TeamAdoption,
  adoptionRate,
} from '@paved/plugin-golden-paths-common';
import { GoldenPathsApi, goldenPathsApiRef } from '../api/GoldenPathsApi';
import { rootRouteRef } from '../routes';

/** A golden path for tests. */
export function makePath(overrides: Partial<GoldenPath> = {}): GoldenPath {
  const name = overrides.name ?? 'typescript-service';
  const namespace = overrides.namespace ?? 'default';
  return {
    templateRef: `template:${namespace}/${name}`,
    namespace,
    name,
    title: 'TypeScript service',
    description: 'A Node.js service with CI, deployment and dashboards',
    owner: 'group:default/platform-team',
    lifecycle: 'production',
    version: '1.3.0',
    tags: ['typescript', 'recommended'],
    timeSaved: 'PT6H',
    guide: '# Getting started\n\nRun `yarn dev`.',
    servicesCreated: 12,
    runs: {
      total: 48,
      completed: 45,
      failed: 3,
      successRate: 45 / 48,
      medianDurationMs: 80_000,
    },
    ...overrides,
  };
}

/** A service created from a golden path, for tests. */
export function makeService(
  overrides: Partial<GoldenPathService> = {},
): GoldenPathService {
  return {
    entityRef: 'component:default/payments',
    title: 'Payments',
    owner: 'group:default/payments-team',
    templateVersion: '1.3.0',
    outdated: false,
    firstSeenAt: '2026-10-05T12:00:00Z',
    ...overrides,
  };
}

/** A golden path with its services, for tests. */
export function makeDetail(
  overrides: Partial<GoldenPathDetail> = {},
): GoldenPathDetail {
  return { ...makePath(overrides), services: [], ...overrides };
}

/** One quarter's adoption from its counts, as the backend computes it. */
export function quarter(
  key: string,
  newComponents: number,
  fromGoldenPaths: number,
): QuarterAdoption {
  return {
    quarter: key,
    newComponents,
    fromGoldenPaths,
    adoption: adoptionRate({ newComponents, fromGoldenPaths }),
  };
}

/** A trend over the given quarters with the 80% goal. */
export function makeTrend(quarters: QuarterAdoption[]): AdoptionTrend {
  return { goal: 0.8, quarters };
}

/** One team's adoption from its counts. */
export function team(
  ref: string,
  newComponents: number,
  fromGoldenPaths: number,
): TeamAdoption {
  return {
    team: ref,
    newComponents,
    fromGoldenPaths,
    adoption: adoptionRate({ newComponents, fromGoldenPaths }),
  };
}

/** Adoption by team over 2026, goal 80%. */
export function makeByTeam(teams: TeamAdoption[]): AdoptionByTeam {
  return { from: '2026-Q1', to: '2026-Q4', goal: 0.8, teams };
}

/** A new service off the golden paths, for tests. */
export function makeOffPath(
  overrides: Partial<OffPathService> = {},
): OffPathService {
  return {
    entityRef: 'component:default/legacy-billing',
    title: 'Legacy billing',
    owner: 'group:default/billing-team',
    sourceTemplate: 'template:default/old-node-service',
    firstSeenAt: '2026-11-02T12:00:00Z',
    quarter: '2026-Q4',
    ...overrides,
  };
}

/** A golden-paths API answering with `paths` and empty adoption. */
export function fakeGoldenPathsApi(
  paths: GoldenPath[] = [],
  overrides: Partial<GoldenPathsApi> = {},
): jest.Mocked<GoldenPathsApi> {
  return {
    listPaths: jest.fn().mockResolvedValue(paths),
    getPath: jest.fn().mockImplementation(async (_ns: string, name: string) => {
      const path = paths.find(p => p.name === name);
      if (!path) throw notFoundError();
      return { ...path, services: [] };
    }),
    getAdoption: jest.fn().mockResolvedValue(makeTrend([])),
    getTeamAdoption: jest.fn().mockResolvedValue(makeByTeam([])),
    listOffPathServices: jest.fn().mockResolvedValue([]),
    checkName: jest.fn().mockImplementation(async (name: string) => ({
      name,
      available: true,
      problem: null,
    })),
    ...overrides,
  } as jest.Mocked<GoldenPathsApi>;
}

/** A 404 from the backend, as the client throws it. */
export function notFoundError(): Error {
  return Object.assign(new Error('Request failed with 404 Not Found'), {
    name: 'ResponseError',
    statusCode: 404,
  });
}

/** Renders `element` with the golden-paths API, mounted at /golden-paths. */
export function renderGoldenPaths(
  element: ReactElement,
  options: { api: GoldenPathsApi; path?: string },
) {
  return renderInTestApp(
    <TestApiProvider apis={[[goldenPathsApiRef, options.api]]}>
      {element}
    </TestApiProvider>,
    {
      mountedRoutes: { '/golden-paths': rootRouteRef },
      routeEntries: options.path ? [options.path] : undefined,
    },
  );
}
