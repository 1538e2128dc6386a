import { GoldenPathsClient } from './GoldenPathsClient';

function jsonResponse(status: number, body: unknown) {
  const text = JSON.stringify(body);
  return {
    ok: status < 400,
    status,
    statusText: status === 404 ? 'Not Found' : 'OK',
    url: '',
    headers: { get: () => 'application/json' },
    json: async () => JSON.parse(text),
    text: async () => text,
  } as unknown as Response;
}

function makeClient(status: number, body: unknown) {
  const fetch = jest.fn().mockResolvedValue(jsonResponse(status, body));
  const client = new GoldenPathsClient({
    discoveryApi: {
      getBaseUrl: jest
        .fn()
        .mockResolvedValue('http://localhost:7007/api/golden-paths'),
    },
    fetchApi: { fetch },
  });
  const url = () => fetch.mock.calls[0][0] as string;
  return { client, fetch, url };
}

const base = 'http://localhost:7007/api/golden-paths';

describe('GoldenPathsClient', () => {
  it('lists the paths', async () => {
    const { client, url } = makeClient(200, { paths: [{ name: 'x' }] });
    await expect(client.listPaths()).resolves.toEqual([{ name: 'x' }]);
    expect(url()).toBe(`${base}/paths`);
  });

  it('gets one path, its namespace and name encoded', async () => {
    const { client, url } = makeClient(200, { name: 'a b' });
    await client.getPath('default', 'a b');
    expect(url()).toBe(`${base}/paths/default/a%20b`);
  });

  it('asks for adoption over a window, or the backend default', async () => {
    const windowed = makeClient(200, { goal: 0.8, quarters: [] });
    await windowed.client.getAdoption({ from: '2025-Q1', to: '2026-Q4' });
    expect(windowed.url()).toBe(`${base}/adoption?from=2025-Q1&to=2026-Q4`);

    const byDefault = makeClient(200, { goal: 0.8, quarters: [] });
    await byDefault.client.getAdoption();
    expect(byDefault.url()).toBe(`${base}/adoption`);
  });

  it('asks for adoption per month', async () => {
    const { client, url } = makeClient(200, { goal: 0.8, months: [] });
    await client.getMonthlyAdoption({ from: '2026-09', to: '2026-11' });
    expect(url()).toBe(`${base}/adoption/monthly?from=2026-09&to=2026-11`);
  });

  it('asks for adoption by team', async () => {
    const { client, url } = makeClient(200, { teams: [] });
    await client.getTeamAdoption({ to: '2026-Q4' });
    expect(url()).toBe(`${base}/adoption/teams?to=2026-Q4`);
  });

  it('lists the off-path services with a limit', async () => {
    const { client, url } = makeClient(200, { services: [{ title: 'A' }] });
    await expect(client.listOffPathServices({ limit: 20 })).resolves.toEqual([
      { title: 'A' },
    ]);
    expect(url()).toBe(`${base}/adoption/off-path?limit=20`);
  });

  it('throws the backend error with its status', async () => {
    const { client } = makeClient(404, {
      error: { name: 'NotFoundError', message: 'No golden path default/x' },
      response: { statusCode: 404 },
    });
    const error = await client.getPath('default', 'x').catch(e => e);
    expect(error.name).toBe('ResponseError');
    expect(error.statusCode).toBe(404);
    expect(error.cause.message).toBe('No golden path default/x');
  });
});
