import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { roadmapPlugin } from './plugin';

const priya = mockCredentials.user.header('user:default/priya.raman');

describe('the roadmap backend plugin', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        roadmapPlugin,
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        // A request without a token is anonymous, as in production.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    return server;
  }

  it('starts, migrates its database and serves /api/roadmap', async () => {
    const server = await start();
    const before = new Date().toISOString();
    const created = await request(server)
      .post('/api/roadmap/items')
      .set('authorization', priya)
      .send({
        title: 'Log search',
        summary: 'Search every service’s logs in one place.',
        category: 'observability',
        owner: 'group:default/platform-team',
        horizon: 'now',
        status: 'generally-available',
      });
    expect(created.status).toBe(201);

    const shipped = await request(server)
      .get('/api/roadmap/shipped')
      .query({ since: before })
      .set('authorization', priya);
    expect(shipped.status).toBe(200);
    expect(shipped.body.items).toEqual([
      {
        id: created.body.id,
        title: 'Log search',
        shippedAt: created.body.shippedAt,
      },
    ]);

    const unknown = await request(server)
      .get('/api/roadmap/items/00000000-0000-4000-8000-000000000000')
      .set('authorization', priya);
    expect(unknown.status).toBe(404);
    expect((await request(server).get('/api/roadmap/items')).status).toBe(401);
  });
});
