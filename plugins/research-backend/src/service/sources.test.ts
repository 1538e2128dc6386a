import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { NpsThemeSource } from './NpsThemeSource';
import { RoadmapApiItemSource } from './RoadmapItemSource';

// A stand-in for the NPS and roadmap backends, answering as they do.
describe('reading other plugins, service to service', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ path: string; auth?: string }> = [];

  beforeAll(async () => {
    const app = express();
    app.use((req, _res, next) => {
      seen.push({ path: req.path, auth: req.headers.authorization });
      next();
    });
    app.get('/nps/themes', (_req, res) =>
      res.json({ items: [{ theme: 'ci speed', comments: 7 }] }),
    );
    app.get('/roadmap/item-statuses', (_req, res) =>
      res.json({ items: [{ id: 'i1', title: 'Faster CI', status: 'beta' }] }),
    );
    server = app.listen(0);
    await new Promise(resolve => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise(resolve => server.close(resolve)));

  const services = (prefix: string) => ({
    discovery: { getBaseUrl: async (id: string) => `${prefix}/${id}` } as any,
    auth: mockServices.auth(),
    logger: mockServices.logger.mock(),
  });

  it('reads the shared themes from the NPS backend with a plugin token', async () => {
    const source = new NpsThemeSource(services(base));
    expect(await source.themes()).toEqual([
      { theme: 'ci speed', surveyComments: 7 },
    ]);
    expect(seen.find(s => s.path === '/nps/themes')?.auth).toMatch(/^Bearer /);
  });

  it('reads the roadmap item stages', async () => {
    const source = new RoadmapApiItemSource(services(base));
    expect(await source.items()).toEqual([
      { id: 'i1', title: 'Faster CI', status: 'beta' },
    ]);
  });

  it('answers undefined, and logs, when the other plugin is absent or failing', async () => {
    const absent = services('http://127.0.0.1:9');
    expect(await new NpsThemeSource(absent).themes()).toBeUndefined();
    expect(await new RoadmapApiItemSource(absent).items()).toBeUndefined();
    expect(absent.logger.warn).toHaveBeenCalledTimes(2);
    const failing = services(`${base}/nowhere`);
    expect(await new NpsThemeSource(failing).themes()).toBeUndefined();
  });
});
