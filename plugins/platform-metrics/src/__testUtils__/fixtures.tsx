import { ReactElement } from 'react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import {
  DAY_MS,
  DoraReport,
  EMPTY_AGGREGATE,
  METRICS,
  WindowAggregate,
  doraMetrics,
} from '@paved/plugin-platform-metrics-common';
import {
  PlatformMetricsApi,
  platformMetricsApiRef,
} from '../api/PlatformMetricsApi';
import { rootRouteRef } from '../routes';

/** A DORA report over 90 days from what the database would have counted. */
export function makeReport(
  aggregate: Partial<WindowAggregate>,
  weeks = 13,
): DoraReport {
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
    series: Array.from({ length: weeks }, (_, i) => ({
      weekStart: new Date(Date.UTC(2026, 8, 7) + i * 7 * DAY_MS).toISOString(),
      days: 7,
      deployments: 3,
      values: Object.fromEntries(METRICS.map(m => [m, i + 1])) as any,
    })),
  };
}

/** An API whose every call resolves to nothing much; override what a test needs. */
export function fakeApi(
  overrides: Partial<PlatformMetricsApi> = {},
): PlatformMetricsApi {
  return {
    getDora: jest.fn().mockResolvedValue(makeReport({})),
    getFilters: jest.fn().mockResolvedValue({ teams: [], services: [] }),
    listUnmappedServices: jest.fn().mockResolvedValue([]),
    getOnboarding: jest.fn().mockResolvedValue({ cohorts: [] }),
    listReleases: jest.fn().mockResolvedValue([]),
    getReleaseImpact: jest.fn(),
    addReleaseMarker: jest.fn(),
    deleteReleaseMarker: jest.fn(),
    recordSignIn: jest.fn().mockResolvedValue(undefined),
    ...overrides,
  };
}

/** Permissions of a platform PM (allowed) or a developer (denied). */
export function permissions(pm: boolean): PermissionApi {
  return {
    authorize: jest.fn().mockResolvedValue({ result: pm ? 'ALLOW' : 'DENY' }),
  };
}

/** Renders `element` with the API, PM or developer permissions and the /delivery route. */
export function renderMetrics(
  element: ReactElement,
  options: { api: PlatformMetricsApi; pm?: boolean; path?: string },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [platformMetricsApiRef, options.api],
        [permissionApiRef, permissions(options.pm ?? false)],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      mountedRoutes: { '/delivery': rootRouteRef },
      routeEntries: options.path ? [options.path] : undefined,
    },
  );
}
