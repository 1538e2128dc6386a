import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import demoProviderModule, { DEMO_PERSON_HEADER } from './index';

const people: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jonas.weber', namespace: 'default' },
    spec: {
      profile: {
        displayName: 'Jonas Weber',
        email: 'jonas.weber@lumenfreight.example',
      },
      memberOf: ['checkout'],
    },
    relations: [{ type: 'memberOf', targetRef: 'group:default/checkout' }],
  },
];

async function startBackend(demo: object | undefined) {
  const { server } = await startTestBackend({
    features: [
      authPlugin,
      demoProviderModule,
      catalogServiceMock.factory({ entities: people }),
      mockServices.rootConfig.factory({
        data: {
          app: { baseUrl: 'http://localhost:3000' },
          backend: { baseUrl: 'http://localhost:7007' },
          auth: {
            session: { secret: 'test' },
            providers: demo ? { demo } : {},
          },
        },
      }),
    ],
  });
  return server;
}

function refresh(server: Awaited<ReturnType<typeof startBackend>>) {
  return request(server)
    .get('/api/auth/demo/refresh')
    .set('x-requested-with', 'XMLHttpRequest');
}

describe('demo sign-in provider', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  it('signs in as the named catalog user, with their profile and groups', async () => {
    process.env.NODE_ENV = 'development';
    const server = await startBackend({});
    const res = await refresh(server).set(DEMO_PERSON_HEADER, 'jonas.weber');
    expect(res.status).toBe(200);
    expect(res.body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/jonas.weber',
      ownershipEntityRefs: expect.arrayContaining([
        'user:default/jonas.weber',
        'group:default/checkout',
      ]),
    });
    expect(res.body.profile).toMatchObject({
      displayName: 'Jonas Weber',
      email: 'jonas.weber@lumenfreight.example',
    });
  });

  it('refuses people who are not in the catalog', async () => {
    process.env.NODE_ENV = 'development';
    const server = await startBackend({});
    const res = await refresh(server).set(DEMO_PERSON_HEADER, 'mallory');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/mallory|not found/i);
  });

  it('refuses a request that names nobody, or something that is not a user name', async () => {
    process.env.NODE_ENV = 'development';
    const server = await startBackend({});
    const none = await refresh(server);
    expect(none.status).toBe(401);
    expect(none.body.error.message).toContain(DEMO_PERSON_HEADER);

    const bad = await refresh(server).set(DEMO_PERSON_HEADER, '../admin');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('not a catalog user name');
  });

  it('refuses outside development unless explicitly allowed', async () => {
    process.env.NODE_ENV = 'production';
    const server = await startBackend({});
    const res = await refresh(server).set(DEMO_PERSON_HEADER, 'jonas.weber');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/development only/);

    const allowed = await startBackend({
      dangerouslyAllowOutsideDevelopment: true,
    });
    const ok = await refresh(allowed).set(DEMO_PERSON_HEADER, 'jonas.weber');
    expect(ok.status).toBe(200);
  });

  it('does not exist unless configured', async () => {
    process.env.NODE_ENV = 'development';
    const server = await startBackend(undefined);
    const res = await refresh(server).set(DEMO_PERSON_HEADER, 'jonas.weber');
    expect(res.status).toBe(404);
    expect(res.body.error?.message ?? res.text).toMatch(/demo/);
  });
});
