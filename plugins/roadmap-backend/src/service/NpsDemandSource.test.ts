import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { ciSpeedLatestDemand } from '../__testUtils__/fixtures';
import { NpsDemandSource } from './NpsDemandSource';

// A stand-in NPS backend on a real port: what the roadmap sends, and what it
// does with the answer or a failure.
describe('NpsDemandSource', () => {
  let server: Server;
  let received: Array<{ path: string; body: unknown; auth?: string }>;
  let status: number;
  let source: NpsDemandSource;

  beforeEach(async () => {
    received = [];
    status = 200;
    const app = express().use(express.json());
    // Records the request, with what it carries (its body or its query), and
    // answers `reply` with the current status.
    const recordAndAnswer =
      (carried: 'body' | 'query', reply: object): express.RequestHandler =>
      (req, res) => {
        received.push({
          path: req.path,
          body: req[carried],
          auth: req.headers.authorization,
        });
        res.status(status).json(reply);
      };
    app.post(
      '/api/nps/theme-demand/latest',
      recordAndAnswer('body', ciSpeedLatestDemand),
    );
    app.get(
      '/api/nps/theme-demand',
      recordAndAnswer('query', {
        minGroupSize: 5,
        items: [
          {
            campaignId: 'q3',
            title: 'Platform NPS Q3 2026',
            opensAt: '2026-07-01T09:00:00.000Z',
            suppressed: false,
            comments: 5,
          },
          {
            campaignId: 'q4',
            title: 'Platform NPS Q4 2026',
            opensAt: '2026-10-01T09:00:00.000Z',
            suppressed: true,
            comments: null,
          },
        ],
      }),
    );
    server = await new Promise<Server>(resolve => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const { port } = server.address() as AddressInfo;
    source = new NpsDemandSource(
      {
        getBaseUrl: async (id: string) => `http://127.0.0.1:${port}/api/${id}`,
        getExternalBaseUrl: async (id: string) =>
          `http://127.0.0.1:${port}/api/${id}`,
      },
      mockServices.auth(),
      mockServices.logger.mock(),
    );
  });

  afterEach(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  it('asks for the latest demand of all themes in one POST, as the roadmap plugin', async () => {
    expect(await source.latestDemand(['ci speed', 'docs'], 5)).toEqual({
      minGroupSize: 5,
      items: [expect.objectContaining({ theme: 'ci speed', comments: 6 })],
    });
    expect(received).toEqual([
      {
        path: '/api/nps/theme-demand/latest',
        body: { themes: ['ci speed', 'docs'], limit: 5 },
        auth: expect.stringMatching(/^Bearer /),
      },
    ]);
    // No linked theme: no call at all.
    expect(await source.latestDemand([], 5)).toEqual({
      minGroupSize: null,
      items: [],
    });
    expect(received).toHaveLength(1);
  });

  it('reads an item’s demand per campaign with NPS’s k, keeping suppressed campaigns', async () => {
    expect(await source.demand(['ci speed', 'docs & guides'])).toEqual({
      minGroupSize: 5,
      campaigns: [
        expect.objectContaining({
          campaignId: 'q3',
          suppressed: false,
          comments: 5,
        }),
        expect.objectContaining({
          campaignId: 'q4',
          suppressed: true,
          comments: null,
        }),
      ],
    });
    expect(received).toEqual([
      {
        path: '/api/nps/theme-demand',
        body: { theme: ['ci speed', 'docs & guides'] },
        auth: expect.stringMatching(/^Bearer /),
      },
    ]);
    expect(await source.demand([])).toEqual({
      minGroupSize: null,
      campaigns: [],
    });
    expect(received).toHaveLength(1);
  });

  it('fails with a 503 when NPS cannot answer (an item’s demand just shows none)', async () => {
    status = 500;
    await expect(source.latestDemand(['ci speed'], 5)).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
    });
    expect(await source.demand(['ci speed'])).toEqual({
      minGroupSize: null,
      campaigns: [],
    });
  });
});
