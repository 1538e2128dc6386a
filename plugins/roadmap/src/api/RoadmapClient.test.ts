import { RoadmapClient } from './RoadmapClient';

describe('RoadmapClient', () => {
  it('reads every page of the roadmap, in order', async () => {
    const pages: Record<string, object> = {
      '0': {
        items: [{ id: 'a' }, { id: 'b' }],
        totalItems: 3,
        pageInfo: { nextOffset: 2 },
      },
      '2': { items: [{ id: 'c' }], totalItems: 3, pageInfo: {} },
    };
    const fetch = jest.fn(async (url: string) => {
      const offset = new URL(url).searchParams.get('offset') ?? '';
      return { ok: true, status: 200, json: async () => pages[offset] };
    });
    const client = new RoadmapClient({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/roadmap' },
      fetchApi: { fetch: fetch as any },
    });
    const items = await client.listItems();
    expect(items.map(i => i.id)).toEqual(['a', 'b', 'c']);
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      'http://backend/api/roadmap/items?limit=200&offset=0',
      'http://backend/api/roadmap/items?limit=200&offset=2',
    ]);
  });
});

describe('RoadmapClient.getTopThemes', () => {
  it('reads the top themes in one request', async () => {
    const answer = { minGroupSize: 5, themes: [] };
    const fetch = jest.fn(async () => ({
      ok: true,
      status: 200,
      json: async () => answer,
    }));
    const client = new RoadmapClient({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/roadmap' },
      fetchApi: { fetch: fetch as any },
    });
    expect(await client.getTopThemes(3)).toEqual(answer);
    expect(fetch.mock.calls.map(([url]: any) => url)).toEqual([
      'http://backend/api/roadmap/top-themes?limit=3',
    ]);
  });
});
