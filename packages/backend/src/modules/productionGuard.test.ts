import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  productionConfigProblems,
  productionGuardModule,
} from './productionGuard';

describe('productionConfigProblems', () => {
  it('names every development key to remove', () => {
    const config = new ConfigReader({
      auth: {
        environment: 'production',
        providers: {
          demo: { people: [] },
          guest: { userEntityRef: 'user:default/priya.raman' },
          oidc: { production: { clientId: 'paved' } },
        },
      },
      nps: { demoData: { enabled: true }, minGroupSize: 5 },
      roadmap: { demoData: { enabled: false } },
      goldenPaths: {
        demoData: { enabled: true },
        repositories: { directory: '.data/repositories' },
      },
    });
    expect(productionConfigProblems(config)).toEqual([
      'remove auth.providers.demo (demo sign-in: anyone can be anyone)',
      'remove auth.providers.guest (guest sign-in: anyone gets a token)',
      'remove nps.demoData.enabled (demo data: the demo organisation history)',
      'remove roadmap.demoData.enabled (demo data: the demo organisation history)',
      'remove goldenPaths.demoData.enabled (demo data: the demo organisation history)',
      'remove goldenPaths.repositories.directory (local repositories: publish golden paths to your git host instead)',
    ]);
  });

  it('has nothing against a production configuration', () => {
    const config = new ConfigReader({
      auth: { providers: { oidc: { production: { clientId: 'paved' } } } },
      nps: { minGroupSize: 5 },
      goldenPaths: { scan: { frequencySeconds: 60 } },
    });
    expect(productionConfigProblems(config)).toEqual([]);
  });
});

describe('productionGuardModule', () => {
  const nodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  const start = (data: object) =>
    startTestBackend({
      features: [
        productionGuardModule,
        mockServices.rootConfig.factory({ data }),
      ],
    });

  it('stops a production backend that has guest sign-in, saying which key to remove', async () => {
    process.env.NODE_ENV = 'production';
    await expect(start({ auth: { providers: { guest: {} } } })).rejects.toThrow(
      /remove auth\.providers\.guest/,
    );
  });

  it('starts a clean production backend, and any development backend', async () => {
    process.env.NODE_ENV = 'production';
    const clean = await start({ auth: { providers: {} } });
    expect(clean.server).toBeDefined();
    await clean.stop();
    process.env.NODE_ENV = 'development';
    const dev = await start({ auth: { providers: { guest: {} } } });
    expect(dev.server).toBeDefined();
    await dev.stop();
  });
});
