import { PlatformMetricsClient } from './PlatformMetricsClient';

function makeClient(status = 200, body: unknown = {}) {
  const fetch = jest.fn().mockResolvedValue({
    ok: status < 400,
    status,
    statusText: 'OK',
    url: '',
    headers: { get: () => 'application/json' },
    json: async () => body,
    text: async () => JSON.stringify(body),
  });
  const client = new PlatformMetricsClient({
    discoveryApi: {
      getBaseUrl: jest.fn().mockResolvedValue('http://x/api/platform-metrics'),
    },
    fetchApi: { fetch },
  });
  return { client, fetch, url: () => fetch.mock.calls[0][0] as string };
}

describe('PlatformMetricsClient', () => {
  it('asks for DORA with the defined filters only', async () => {
    const { client, url } = makeClient();
    await client.getDora({ team: 'group:default/checkout', windowDays: 30 });
    expect(url()).toBe(
      'http://x/api/platform-metrics/dora?team=group%3Adefault%2Fcheckout&windowDays=30',
    );
  });

  it('onboarding by month, or pooled by quarter', async () => {
    const monthly = makeClient();
    await monthly.client.getOnboarding(3);
    expect(monthly.url()).toBe(
      'http://x/api/platform-metrics/onboarding?months=3',
    );
    const quarterly = makeClient();
    await quarterly.client.getOnboarding({ quarters: 4 });
    expect(quarterly.url()).toBe(
      'http://x/api/platform-metrics/onboarding?quarters=4',
    );
  });

  it('DORA over a window ending with an earlier day', async () => {
    const { client, url } = makeClient();
    await client.getDora({ windowDays: 90, end: '2026-08-31' });
    expect(url()).toBe(
      'http://x/api/platform-metrics/dora?windowDays=90&end=2026-08-31',
    );
  });

  it('release impact, markers and sign-ins', async () => {
    const impact = makeClient();
    await impact.client.getReleaseImpact('roadmap:abc', 30);
    expect(impact.url()).toBe(
      'http://x/api/platform-metrics/release-impact?release=roadmap%3Aabc&days=30',
    );
    const marker = makeClient(204);
    await marker.client.deleteReleaseMarker('marker:12');
    expect(marker.url()).toBe('http://x/api/platform-metrics/markers/12');
    expect(marker.fetch.mock.calls[0][1].method).toBe('DELETE');
    const signIn = makeClient(204);
    await signIn.client.recordSignIn();
    expect(signIn.fetch.mock.calls[0][1].method).toBe('POST');
  });
});
