import {
  TestDatabases,
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { RoadmapStore } from './database/RoadmapStore';
import { createRouter } from './router';
import { RoadmapService } from './service/RoadmapService';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

// Item stages are read by the research plugin, as a service, to run previews.
describe('roadmap router: item stages for other plugins', () => {
  it('answers services and users with roadmap.item.read, and 401 without credentials', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await RoadmapStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const service = new RoadmapService(store);
    await service.createItem(
      {
        title: 'Preview environments',
        summary: 'One per pull request.',
        description: '',
        problem: '',
        category: 'ci-cd',
        owner: 'group:default/platform-team',
        horizon: 'now',
        targetQuarter: null,
        status: 'alpha',
        declineReason: null,
        links: [],
        breakingChange: null,
      },
      'user:default/priya.raman',
    );
    const router = await createRouter({
      service,
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      permissions: mockServices.permissions.mock({
        authorize: async (requests: any[]) =>
          requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      }) as any,
      auditor: mockServices.auditor.mock(),
    });
    const app = express().use(router).use(mockErrorHandler());
    const res = await request(app)
      .get('/item-statuses')
      .set('authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        id: expect.any(String),
        title: 'Preview environments',
        status: 'alpha',
      },
    ]);
    expect((await request(app).get('/item-statuses')).status).toBe(401);
  });
});
