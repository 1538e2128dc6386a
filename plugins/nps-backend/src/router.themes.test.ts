import {
  TestDatabases,
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { NpsStore } from './database/NpsStore';
import { createRouter } from './router';
import { createNpsServices, readNpsSettings } from './service';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

// The shared theme list is read by other plugins (user research) as a service.
describe('NPS router: the theme list for other plugins', () => {
  it('answers services and PMs, and refuses developers', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await NpsStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const router = await createRouter({
      services: createNpsServices({
        store,
        directory: { eligibleCount: async () => 40 },
        settings: readNpsSettings(new ConfigReader({})),
      }),
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.none(),
      }),
      userInfo: mockServices.userInfo(),
      permissions: mockServices.permissions.mock({
        async authorize(requests: any[], { credentials }: any) {
          const allowed =
            credentials.principal.type === 'service' ||
            credentials.principal.userEntityRef === 'user:default/priya.raman';
          return requests.map(() => ({
            result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
          }));
        },
      }) as any,
      auditor: mockServices.auditor.mock(),
    });
    const app = express().use(router).use(mockErrorHandler());

    const service = await request(app)
      .get('/themes')
      .set('authorization', mockCredentials.service.header());
    expect(service.status).toBe(200);
    expect(service.body).toEqual({ items: [] });
    const pm = await request(app)
      .get('/themes')
      .set(
        'authorization',
        mockCredentials.user.header('user:default/priya.raman'),
      );
    expect(pm.status).toBe(200);
    const dev = await request(app)
      .get('/themes')
      .set(
        'authorization',
        mockCredentials.user.header('user:default/jonas.weber'),
      );
    expect(dev.status).toBe(403);
    expect((await request(app).get('/themes')).status).toBe(401);
  });
});
