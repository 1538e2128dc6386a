import http from 'node:http';
import { AddressInfo } from 'node:net';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { PluginSources } from './PluginSources';

/** A stand-in roadmap backend over real HTTP: `count` items, paged as the roadmap pages them. */
function roadmapServer(count: number) {
  const requests: string[] = [];
  const items = Array.from({ length: count }, (_, i) => ({
    id: `item-${i}`,
    title: `Item ${i}`,
    summary: `Summary ${i}`,
    // Every seventh item has shipped; one more is in beta with a stale date.
    status: i % 7 === 0 ? 'generally-available' : 'beta',
    shippedAt:
      i % 7 === 0 || i === 3 ? `2026-0${1 + (i % 9)}-15T00:00:00Z` : null,
  }));
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const page = items.slice(offset, offset + limit);
    const next = offset + limit < items.length ? offset + limit : undefined;
    res.setHeader('Content-Type', 'application/json');
    res.end(
      JSON.stringify({
        items: page,
        totalItems: items.length,
        pageInfo: next === undefined ? {} : { nextOffset: next },
      }),
    );
  });
  return { server, requests, items };
}

describe('PluginSources.roadmapReleases', () => {
  it.each([0, 5, 200, 450])(
    'reads every page of %i roadmap items and keeps the shipped ones',
    async count => {
      const { server, requests, items } = roadmapServer(count);
      await new Promise<void>(resolve => server.listen(0, resolve));
      const { port } = server.address() as AddressInfo;
      try {
        const sources = new PluginSources(
          {
            getBaseUrl: async () => `http://localhost:${port}/api/roadmap`,
            getExternalBaseUrl: async () =>
              `http://localhost:${port}/api/roadmap`,
          },
          mockServices.auth(),
          mockServices.logger.mock(),
        );
        const releases = await sources.roadmapReleases(
          mockCredentials.user('user:default/priya.raman'),
        );
        const expected = items
          .filter(i => i.status === 'generally-available')
          .map(i => i.id);
        expect(releases.map(r => r.id)).toEqual(expected);
        expect(requests).toHaveLength(Math.max(1, Math.ceil(count / 200)));
      } finally {
        server.close();
      }
    },
  );

  it('reads nothing, and says why in the log, when the roadmap does not answer', async () => {
    const logger = mockServices.logger.mock();
    const sources = new PluginSources(
      {
        getBaseUrl: async () => 'http://127.0.0.1:1/api/roadmap',
        getExternalBaseUrl: async () => 'http://127.0.0.1:1/api/roadmap',
      },
      mockServices.auth(),
      logger,
    );
    expect(
      await sources.roadmapReleases(mockCredentials.user('user:default/a')),
    ).toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(/Could not read roadmap releases/),
    );
  });
});
