import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createCampaignSchema } from '@paved/plugin-nps-common';
import request from 'supertest';
import { npsDemoDataExtensionPoint } from './extensions';
import { npsPlugin } from './plugin';

const jonas = mockCredentials.user.header('user:default/jonas.weber');

// A module that loads one campaign through the demo-data extension point.
const demoModule = createBackendModule({
  pluginId: 'nps',
  moduleId: 'test-demo',
  register(reg) {
    reg.registerInit({
      deps: { demo: npsDemoDataExtensionPoint, logger: coreServices.logger },
      async init({ demo }) {
        demo.addDemoDataLoader(async ({ services }) => {
          await services.campaigns.create(
            createCampaignSchema.parse({
              title: 'Platform NPS from the demo loader',
              opensAt: '2030-01-05T09:00:00Z',
              closesAt: '2030-01-26T09:00:00Z',
            }),
            'user:default/priya.raman',
          );
        });
      },
    });
  },
});

async function start(config: object = {}, extra: any[] = []) {
  const { server } = await startTestBackend({
    features: [
      npsPlugin,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      // A request without a token is anonymous, as in production.
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({ data: config }),
      ...extra,
    ],
  });
  return server;
}

describe('the NPS backend plugin', () => {
  it('starts, migrates its database and serves /api/nps to signed-in users only', async () => {
    const server = await start({ nps: { schedule: { enabled: false } } });
    const prompt = await request(server)
      .get('/api/nps/prompt')
      .set('authorization', jonas);
    expect(prompt.status).toBe(200);
    expect(prompt.body).toEqual({ campaign: null, remindLaterDays: 3 });

    const created = await request(server)
      .post('/api/nps/campaigns')
      .set('authorization', jonas)
      .send({
        title: 'Platform NPS Q1 2030',
        opensAt: '2030-01-05T09:00:00Z',
        closesAt: '2030-01-26T09:00:00Z',
      });
    expect(created.status).toBe(201);
    const list = await request(server)
      .get('/api/nps/campaigns')
      .set('authorization', jonas);
    expect(list.body.items.map((c: { title: string }) => c.title)).toEqual([
      'Platform NPS Q1 2030',
    ]);

    const anonymous = await request(server).get('/api/nps/prompt');
    expect(anonymous.status).toBe(401);
  });

  it('runs demo-data loaders registered by modules, after migrating', async () => {
    const server = await start({}, [demoModule]);
    const list = await request(server)
      .get('/api/nps/campaigns')
      .set('authorization', jonas);
    expect(list.status).toBe(200);
    expect(list.body.items[0].title).toBe('Platform NPS from the demo loader');
  });

  it('refuses to start with invalid settings, naming the setting', async () => {
    await expect(start({ nps: { remindLaterDays: 0 } })).rejects.toThrow(
      /nps.remindLaterDays/,
    );
  });
});
