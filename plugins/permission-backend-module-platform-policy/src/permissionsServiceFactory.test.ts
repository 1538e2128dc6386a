import {
  coreServices,
  createBackendModule,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import express from 'express';
import request from 'supertest';
import { PlatformPermissionPolicy } from './PlatformPermissionPolicy';
import { cachedPermissionsServiceFactory } from './permissionsServiceFactory';
import {
  DEV,
  PLATFORM_GROUP,
  PM,
  manageCampaigns,
  userInfoWithGroups,
} from './__testUtils__/fixtures';

/**
 * The real permission backend and a plugin whose route checks a permission
 * through the cached service, over HTTP as in a running backend; the policy
 * counts what the permission backend is asked.
 */
async function start(decisionCacheSeconds?: number) {
  const asked: string[] = [];
  const policy = new PlatformPermissionPolicy({
    platformGroup: PLATFORM_GROUP,
    platformOnly: [manageCampaigns.name],
  });
  const countingPolicy = createBackendModule({
    pluginId: 'permission',
    moduleId: 'counting-policy',
    register(reg) {
      reg.registerInit({
        deps: { policy: policyExtensionPoint },
        async init({ policy: point }) {
          point.setPolicy({
            async handle(query, user) {
              asked.push(
                `${user?.info.userEntityRef} ${query.permission.name}`,
              );
              return policy.handle(query, user);
            },
          });
        },
      });
    },
  });
  const probe = createBackendPlugin({
    pluginId: 'probe',
    register(reg) {
      reg.registerInit({
        deps: {
          http: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          permissions: coreServices.permissions,
        },
        async init({ http, httpAuth, permissions }) {
          const router = express.Router();
          router.get('/may-manage', async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['user'],
            });
            const [decision] = await permissions.authorize(
              [{ permission: manageCampaigns }],
              { credentials },
            );
            res.json({ result: decision.result });
          });
          http.use(router);
        },
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      permissionPlugin,
      countingPolicy,
      probe,
      cachedPermissionsServiceFactory,
      userInfoWithGroups(),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          ...(decisionCacheSeconds === undefined
            ? {}
            : { paved: { permissions: { decisionCacheSeconds } } }),
        },
      }),
    ],
  });
  const may = async (user: string) => {
    const res = await request(server)
      .get('/api/probe/may-manage')
      .set('authorization', mockCredentials.user.header(user));
    expect(res.status).toBe(200);
    return res.body.result;
  };
  return { asked, may };
}

describe('cachedPermissionsServiceFactory', () => {
  it("reuses each user's own decision from the permission backend", async () => {
    const { asked, may } = await start();
    expect(await may(PM)).toBe('ALLOW');
    expect(await may(DEV)).toBe('DENY');
    expect(await may(PM)).toBe('ALLOW');
    expect(await may(DEV)).toBe('DENY');
    expect(asked).toEqual([
      `${PM} ${manageCampaigns.name}`,
      `${DEV} ${manageCampaigns.name}`,
    ]);
  });

  it('asks every time with decisionCacheSeconds: 0', async () => {
    const { asked, may } = await start(0);
    expect(await may(PM)).toBe('ALLOW');
    expect(await may(PM)).toBe('ALLOW');
    expect(asked).toHaveLength(2);
  });
});
