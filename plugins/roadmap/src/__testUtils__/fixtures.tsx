import { ReactElement } from 'react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import { RoadmapItem } from '@paved/plugin-roadmap-common';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Entity } from '@backstage/catalog-model';
import { RoadmapApi, roadmapApiRef } from '../api/RoadmapApi';
import { rootRouteRef } from '../routes';

let counter = 0;

/** A roadmap item for tests. */
export function makeItem(overrides: Partial<RoadmapItem> = {}): RoadmapItem {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return {
    id,
    title: `Item ${counter}`,
    summary: `Summary ${counter}`,
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
    createdAt: '2026-01-05T10:00:00Z',
    updatedAt: '2026-01-05T10:00:00Z',
    votes: 0,
    votedByMe: false,
    subscribedByMe: false,
    changedSinceLastVisit: false,
    ...overrides,
  };
}

/** A roadmap API answering from `items`. */
export function fakeRoadmapApi(
  items: RoadmapItem[],
  overrides: Partial<RoadmapApi> = {},
): jest.Mocked<RoadmapApi> {
  return {
    listItems: jest.fn().mockResolvedValue(items),
    getItem: jest
      .fn()
      .mockImplementation(async (id: string) => items.find(i => i.id === id)),
    getHistory: jest.fn().mockResolvedValue([]),
    createItem: jest.fn().mockResolvedValue(items[0]),
    updateItem: jest.fn().mockResolvedValue(items[0]),
    moveItem: jest.fn().mockResolvedValue(items[0]),
    deleteItem: jest.fn().mockResolvedValue(undefined),
    vote: jest.fn().mockResolvedValue(items[0]),
    subscribe: jest.fn().mockResolvedValue(items[0]),
    listNotifications: jest.fn().mockResolvedValue([]),
    markNotificationsRead: jest.fn().mockResolvedValue(undefined),
    recordVisit: jest.fn().mockResolvedValue(undefined),
    getReviewMarkdown: jest.fn().mockResolvedValue('# Review'),
    getDemand: jest
      .fn()
      .mockResolvedValue({ themes: [], minGroupSize: null, campaigns: [] }),
    setThemes: jest.fn().mockResolvedValue({ themes: [], campaigns: [] }),
    ...overrides,
  } as jest.Mocked<RoadmapApi>;
}

/** Permissions of a platform PM (allowed) or a developer (denied). */
export function permissions(pm: boolean): PermissionApi {
  return {
    authorize: jest.fn().mockResolvedValue({ result: pm ? 'ALLOW' : 'DENY' }),
  };
}

/** A 409 from the backend, as the client throws it. */
export function conflictError(): Error {
  return Object.assign(new Error('Conflict'), {
    name: 'ResponseError',
    statusCode: 409,
  });
}

/** The catalog's teams, as the owner picker offers them. */
export const teams: Entity[] = ['platform-team', 'checkout'].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'team',
    profile: {
      displayName: name === 'checkout' ? 'Checkout & Payments' : 'Platform',
    },
    children: [],
  },
}));

/** Renders `element` with the roadmap API, PM or developer permissions and the roadmap route. */
export function renderRoadmap(
  element: ReactElement,
  options: { api: RoadmapApi; pm?: boolean; path?: string },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [roadmapApiRef, options.api],
        [permissionApiRef, permissions(options.pm ?? false)],
        [catalogApiRef, catalogApiMock({ entities: teams })],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      mountedRoutes: { '/roadmap': rootRouteRef },
      routeEntries: options.path ? [options.path] : undefined,
    },
  );
}
