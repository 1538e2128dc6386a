import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { platformMetricsPlugin } from './plugin';

const jonas = mockCredentials.user.header('user:default/jonas.weber');
// An external-access token whose subject names its source, as the mock auth service reads it.
const ci = `Bearer mock-service-token:${JSON.stringify({
  sub: 'github-actions',
})}`;

describe('the platform-metrics backend plugin', () => {
  async function start() {
    const { server } = await startTestBackend({
      features: [
        platformMetricsPlugin,
        catalogServiceMock.factory({
          entities: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'checkout-api', namespace: 'default' },
              spec: { owner: 'group:default/checkout', type: 'service' },
            },
          ],
        }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        // A request without a token is anonymous, as in production.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
      ],
    });
    return server;
  }

  it('starts, migrates its database, takes a deployment from a service and serves DORA to a user', async () => {
    const server = await start();
    const now = Date.now();
    const sent = await request(server)
      .post('/api/platform-metrics/deployments')
      .set('authorization', ci)
      .send({
        source: 'github-actions',
        externalId: 'run-1',
        service: 'component:default/checkout-api',
        environment: 'production',
        status: 'success',
        startedAt: new Date(now - 10 * 60_000).toISOString(),
        finishedAt: new Date(now - 5 * 60_000).toISOString(),
        commits: [
          {
            sha: 'abc1234',
            committedAt: new Date(now - 3_600_000).toISOString(),
          },
        ],
      });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ received: 1, stored: 1 });

    const dora = await request(server)
      .get('/api/platform-metrics/dora')
      .set('authorization', jonas);
    expect(dora.status).toBe(200);

    // No credentials: refused, on reads and on writes.
    expect(
      (await request(server).get('/api/platform-metrics/dora')).status,
    ).toBe(401);
    expect(
      (await request(server).post('/api/platform-metrics/deployments').send({}))
        .status,
    ).toBe(401);
    // A user cannot send events: only services can.
    const asUser = await request(server)
      .post('/api/platform-metrics/deployments')
      .set('authorization', jonas)
      .send({});
    expect(asUser.status).toBe(403);
  });
});
