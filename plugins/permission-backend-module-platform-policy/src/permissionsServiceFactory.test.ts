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
import {
  BasicPermission,
  createPermission,
} from '@backstage/plugin-permission-common';
import { ServerPermissionClient } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { goldenPathsPermissions } from '@paved/plugin-golden-paths-common';
import { npsPermissions } from '@paved/plugin-nps-common';
import { platformHealthPermissions } from '@paved/plugin-platform-health-common';
import { platformMetricsPermissions } from '@paved/plugin-platform-metrics-common';
import { researchPermissions } from '@paved/plugin-research-common';
import { roadmapPermissions } from '@paved/plugin-roadmap-common';
import express from 'express';
import request from 'supertest';
import { PlatformPermissionPolicy } from './PlatformPermissionPolicy';
import { platformPermissionsServiceFactory } from './permissionsServiceFactory';
import {
  DEV,
  PM,
  readEntity,
  userInfoWithGroups,
} from './__testUtils__/fixtures';

/** Every basic permission Paved's policy decides on, Paved's own and the catalog's. */
const PERMISSIONS: BasicPermission[] = [
  ...goldenPathsPermissions,
  ...npsPermissions,
  ...platformHealthPermissions,
  ...platformMetricsPermissions,
  ...researchPermissions,
  ...roadmapPermissions,
  createPermission({
    name: 'catalog.location.delete',
    attributes: { action: 'delete' },
  }),
].filter((p): p is BasicPermission => p.type === 'basic');

/** A user in no group at all. */
const LONER = 'user:default/new.joiner';

/**
 * The real permission backend running Paved's policy (built from config, as
 * the policy module builds it), counting what it is asked, and a plugin whose
 * route answers a question both through the service under test and through
 * Backstage's own client, over HTTP as in a running backend.
 */
async function start(config: Record<string, unknown> = {}) {
  const asked: string[] = [];
  const countingPolicy = createBackendModule({
    pluginId: 'permission',
    moduleId: 'counting-policy',
    register(reg) {
      reg.registerInit({
        deps: { policy: policyExtensionPoint, config: coreServices.rootConfig },
        async init({ policy: point, config: root }) {
          const policy = PlatformPermissionPolicy.fromConfig(root);
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
          auth: coreServices.auth,
          config: coreServices.rootConfig,
          discovery: coreServices.discovery,
          http: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          permissions: coreServices.permissions,
        },
        async init({
          auth,
          config: root,
          discovery,
          http,
          httpAuth,
          permissions,
        }) {
          const client = ServerPermissionClient.fromConfig(root, {
            auth,
            discovery,
          });
          const router = express.Router();
          // Which catalog entities may the user read (as the golden-path list asks).
          router.get('/which-entities', async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['user'],
            });
            const via = req.query.via === 'client' ? client : permissions;
            const [decision] = await via.authorizeConditional(
              [{ permission: readEntity }],
              { credentials },
            );
            res.json(decision);
          });
          router.get('/ask/:name', async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['user'],
            });
            const permission =
              PERMISSIONS.find(p => p.name === req.params.name) ?? readEntity;
            const resourceRef =
              permission === readEntity
                ? 'component:default/checkout'
                : undefined;
            const via = req.query.via === 'client' ? client : permissions;
            const [decision] = await via.authorize(
              [{ permission, resourceRef } as any],
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
      platformPermissionsServiceFactory,
      userInfoWithGroups(),
      mockServices.rootConfig.factory({
        data: { permission: { enabled: true }, ...config },
      }),
    ],
  });
  const ask = async (user: string, name: string, via?: 'client') => {
    const res = await request(server)
      .get(`/api/probe/ask/${name}${via ? '?via=client' : ''}`)
      .set('authorization', mockCredentials.user.header(user));
    expect(res.status).toBe(200);
    return res.body.result as string;
  };
  const which = async (user: string, via?: 'client') => {
    const res = await request(server)
      .get(`/api/probe/which-entities${via ? '?via=client' : ''}`)
      .set('authorization', mockCredentials.user.header(user));
    expect(res.status).toBe(200);
    return res.body;
  };
  return { asked, ask, which };
}

describe('platformPermissionsServiceFactory', () => {
  it("gives every Paved permission the permission backend's answer, for a PM, a developer and a user in no group, without asking it", async () => {
    const { asked, ask } = await start();
    const inProcess: string[] = [];
    const overHttp: string[] = [];
    for (const user of [PM, DEV, LONER]) {
      for (const { name } of PERMISSIONS) {
        inProcess.push(`${user} ${name} ${await ask(user, name)}`);
      }
    }
    expect(asked).toEqual([]);
    for (const user of [PM, DEV, LONER]) {
      for (const { name } of PERMISSIONS) {
        overHttp.push(`${user} ${name} ${await ask(user, name, 'client')}`);
      }
    }
    expect(asked).toHaveLength(3 * PERMISSIONS.length);
    expect(inProcess).toEqual(overHttp);
    // The comparison has both answers in it: the PM may run surveys, the others not.
    expect(inProcess).toContain(`${PM} nps.campaign.manage ALLOW`);
    expect(inProcess).toContain(`${DEV} nps.campaign.manage DENY`);
    expect(inProcess).toContain(`${LONER} nps.campaign.manage DENY`);
    expect(inProcess).toContain(`${DEV} nps.results.read ALLOW`);
  });

  it('follows paved.platformGroup and paved.permissions.platformOnly as the permission backend does', async () => {
    const { asked, ask } = await start({
      paved: {
        platformGroup: 'group:default/checkout',
        permissions: { platformOnly: ['nps.results.read'] },
      },
    });
    expect(await ask(DEV, 'nps.campaign.manage')).toBe('ALLOW');
    expect(await ask(PM, 'nps.campaign.manage')).toBe('DENY');
    expect(await ask(PM, 'nps.results.read')).toBe('DENY');
    expect(await ask(PM, 'nps.results.read', 'client')).toBe('DENY');
    expect(await ask(DEV, 'nps.campaign.manage', 'client')).toBe('ALLOW');
    expect(asked).toHaveLength(2);
  });

  // Backstage's mock auth forwards the user to the permission backend without
  // the acting plugin, which the permission backend refuses for questions
  // about a resource type (400; a running backend names the plugin): so the
  // in-process answer is checked against the policy itself here.
  it('answers which catalog entities a user may read with the policy, without asking the permission backend', async () => {
    const { asked, which } = await start({
      paved: { permissions: { platformOnly: ['catalog.entity.read'] } },
    });
    expect(await which(PM)).toEqual({ result: 'ALLOW' });
    expect(await which(DEV)).toEqual({ result: 'DENY' });
    expect(asked).toEqual([]);
  });

  it('asks the permission backend about a resource', async () => {
    const { asked, ask } = await start();
    expect(await ask(DEV, readEntity.name)).toBe('ALLOW');
    expect(asked).toEqual([`${DEV} ${readEntity.name}`]);
  });

  it('asks the permission backend for everything with evaluateInProcess: false', async () => {
    const { asked, ask } = await start({
      paved: { permissions: { evaluateInProcess: false } },
    });
    expect(await ask(DEV, 'nps.campaign.manage')).toBe('DENY');
    expect(await ask(PM, 'nps.campaign.manage')).toBe('ALLOW');
    expect(asked).toEqual([
      `${DEV} nps.campaign.manage`,
      `${PM} nps.campaign.manage`,
    ]);
  });

  it('allows everything, asking no one, while permission.enabled is off', async () => {
    const { asked, ask } = await start({ permission: { enabled: false } });
    expect(await ask(DEV, 'nps.campaign.manage')).toBe('ALLOW');
    expect(asked).toEqual([]);
  });
});
