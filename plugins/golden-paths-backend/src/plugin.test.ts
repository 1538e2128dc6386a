import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { goldenPathsPlugin } from './plugin';

const jonas = mockCredentials.user.header('user:default/jonas.weber');

const entities: Entity[] = [
  {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name: 'typescript-service',
      namespace: 'default',
      title: 'TypeScript service',
      annotations: {
        'paved.dev/golden-path': 'true',
        'paved.dev/golden-path-version': '2.1.0',
      },
    },
    spec: { owner: 'group:default/platform-team', type: 'service' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout-api', namespace: 'default' },
    spec: { owner: 'group:default/checkout', type: 'service' },
  },
];

describe('the golden-paths backend plugin', () => {
  async function start(config: object = {}) {
    const { server } = await startTestBackend({
      features: [
        goldenPathsPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        // A request without a token is anonymous, as in production.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({ data: config }),
      ],
    });
    return server;
  }

  it('starts, migrates its database and serves /api/golden-paths', async () => {
    const server = await start();
    const paths = await request(server)
      .get('/api/golden-paths/paths')
      .set('authorization', jonas);
    expect(paths.status).toBe(200);
    expect(paths.body.paths.map((p: { title: string }) => p.title)).toEqual([
      'TypeScript service',
    ]);

    const taken = await request(server)
      .get('/api/golden-paths/names/checkout-api')
      .set('authorization', jonas);
    expect(taken.body).toMatchObject({ available: false });
    const free = await request(server)
      .get('/api/golden-paths/names/parcel-quotes')
      .set('authorization', jonas);
    expect(free.body).toEqual({
      name: 'parcel-quotes',
      available: true,
      problem: null,
    });
    expect((await request(server).get('/api/golden-paths/paths')).status).toBe(
      401,
    );
  });

  it('refuses to start with invalid settings, naming the setting', async () => {
    await expect(
      start({ goldenPaths: { scan: { frequencySeconds: 0 } } }),
    ).rejects.toThrow(/goldenPaths.scan.frequencySeconds/);
  });
});
