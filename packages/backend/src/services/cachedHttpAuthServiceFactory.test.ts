import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import request from 'supertest';
import { cachedHttpAuthServiceFactory } from './cachedHttpAuthServiceFactory';

// A plugin answering who is calling, through the HTTP auth service under test.
const probe = createBackendPlugin({
  pluginId: 'probe',
  register(env) {
    env.registerInit({
      deps: {
        httpAuth: coreServices.httpAuth,
        router: coreServices.httpRouter,
      },
      async init({ httpAuth, router }) {
        router.use((req, res, next) => {
          if (req.path === '/me') {
            httpAuth
              .credentials(req, { allow: ['user'] })
              .then(c => res.json({ user: c.principal.userEntityRef }), next);
          } else if (req.path === '/any') {
            httpAuth
              .credentials(req, { allow: ['user', 'service'] })
              .then(c => res.json({ type: c.principal.type }), next);
          } else next();
        });
      },
    });
  },
});

async function start(config: object = {}) {
  const verified: string[] = [];
  // The mock auth service, counting the tokens it is asked to verify.
  const countingAuth = createServiceFactory({
    service: coreServices.auth,
    deps: { plugin: coreServices.pluginMetadata },
    async factory({ plugin }) {
      const auth = mockServices.auth({ pluginId: plugin.getId() });
      const authenticate = auth.authenticate.bind(auth);
      auth.authenticate = async (token, options) => {
        verified.push(token);
        return authenticate(token, options);
      };
      return auth;
    },
  });
  const { server } = await startTestBackend({
    features: [
      probe,
      countingAuth,
      cachedHttpAuthServiceFactory,
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  return { server, verified };
}

describe('cachedHttpAuthServiceFactory', () => {
  it('serves the plugins Backstage HTTP auth with user tokens verified once', async () => {
    const { server, verified } = await start();
    const jonas = mockCredentials.user.header('user:default/jonas');
    for (let i = 0; i < 3; i++) {
      const res = await request(server)
        .get('/api/probe/me')
        .set('Authorization', jonas);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ user: 'user:default/jonas' });
    }
    expect(verified).toHaveLength(1);

    // No token, a service token on a user-only route, a bad token: refused.
    expect((await request(server).get('/api/probe/me')).status).toBe(401);
    const service = mockCredentials.service.header();
    expect(
      (await request(server).get('/api/probe/me').set('Authorization', service))
        .status,
    ).toBe(403);
    expect(
      (
        await request(server)
          .get('/api/probe/me')
          .set('Authorization', 'Bearer not-a-token')
      ).status,
    ).toBe(401);

    // Service tokens are verified on every request.
    const before = verified.length;
    for (let i = 0; i < 2; i++) {
      const res = await request(server)
        .get('/api/probe/any')
        .set('Authorization', service);
      expect(res.body).toEqual({ type: 'service' });
    }
    expect(verified.length - before).toBe(2);
  });

  it('verifies every request with paved.auth.userTokenCacheSeconds: 0', async () => {
    const { server, verified } = await start({
      paved: { auth: { userTokenCacheSeconds: 0 } },
    });
    const jonas = mockCredentials.user.header('user:default/jonas');
    for (let i = 0; i < 3; i++) {
      await request(server).get('/api/probe/me').set('Authorization', jonas);
    }
    expect(verified).toHaveLength(3);
  });
});
