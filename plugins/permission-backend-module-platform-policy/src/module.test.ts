import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import permissionPlugin from '@backstage/plugin-permission-backend';
import permissionModulePlatformPolicy from './index';
import { userInfoWithGroups } from './__testUtils__/fixtures';

function authorize(name: string) {
  return {
    items: [
      {
        id: 'one',
        permission: { type: 'basic', name, attributes: { action: 'delete' } },
      },
    ],
  };
}

describe('permission backend with the platform policy', () => {
  async function startBackend() {
    const { server } = await startTestBackend({
      features: [
        permissionPlugin,
        permissionModulePlatformPolicy,
        userInfoWithGroups(),
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
      ],
    });
    return server;
  }

  it('decides by platform group membership', async () => {
    const server = await startBackend();
    const asPm = await request(server)
      .post('/api/permission/authorize')
      .set(
        'authorization',
        mockCredentials.user.header('user:default/priya.raman'),
      )
      .send(authorize('catalog.location.delete'));
    expect(asPm.status).toBe(200);
    expect(asPm.body.items[0].result).toBe('ALLOW');

    const asDeveloper = await request(server)
      .post('/api/permission/authorize')
      .set(
        'authorization',
        mockCredentials.user.header('user:default/jonas.weber'),
      )
      .send(authorize('catalog.location.delete'));
    expect(asDeveloper.status).toBe(200);
    expect(asDeveloper.body.items[0].result).toBe('DENY');

    const developerReads = await request(server)
      .post('/api/permission/authorize')
      .set(
        'authorization',
        mockCredentials.user.header('user:default/jonas.weber'),
      )
      .send(authorize('catalog.entity.read'));
    expect(developerReads.body.items[0].result).toBe('ALLOW');
  });

  it('refuses a malformed request with a 400', async () => {
    // Missing credentials get a 401 from the real backend; that is covered by the
    // portal's API tests (e2e-tests), since test backends accept anonymous calls.
    const server = await startBackend();
    const malformed = await request(server)
      .post('/api/permission/authorize')
      .set(
        'authorization',
        mockCredentials.user.header('user:default/jonas.weber'),
      )
      .send({ items: [{ id: 1, permission: 'everything' }] });
    expect(malformed.status).toBe(400);
  });
});
