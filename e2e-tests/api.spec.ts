import { APIRequestContext, expect, test } from '@playwright/test';

const backend = 'http://localhost:7007';

async function guestToken(request: APIRequestContext) {
  const res = await request.get(`${backend}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(res.status()).toBe(200);
  const body = await res.json();
  return body.backstageIdentity as {
    token: string;
    identity: { userEntityRef: string; ownershipEntityRefs: string[] };
  };
}

test.describe('the portal backend API', () => {
  test('is ready', async ({ request }) => {
    const res = await request.get(`${backend}/.backstage/health/v1/readiness`);
    expect(res.status()).toBe(200);
  });

  const routes: Array<[string, string]> = [
    ['GET', '/api/catalog/entities'],
    ['GET', '/api/catalog/entities/by-query'],
    ['POST', '/api/catalog/locations'],
    ['POST', '/api/permission/authorize'],
    ['GET', '/api/scaffolder/v2/tasks'],
    ['POST', '/api/scaffolder/v2/tasks'],
    ['GET', '/api/scaffolder/v2/actions'],
  ];
  for (const [method, path] of routes) {
    test(`${method} ${path} without credentials is 401`, async ({
      request,
    }) => {
      const res = await request.fetch(`${backend}${path}`, {
        method,
        data: method === 'POST' ? {} : undefined,
      });
      expect(res.status()).toBe(401);
    });
  }

  test('malformed bodies get a 4xx that names the problem', async ({
    request,
  }) => {
    const { token } = await guestToken(request);
    const headers = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    };
    const cases: Array<[string, string]> = [
      ['/api/catalog/locations', '{"type": '],
      ['/api/catalog/locations', JSON.stringify({ type: 5 })],
      ['/api/permission/authorize', JSON.stringify({ items: 'all' })],
      ['/api/scaffolder/v2/tasks', JSON.stringify({ templateRef: 7 })],
    ];
    for (const [path, body] of cases) {
      const res = await request.post(`${backend}${path}`, {
        headers,
        data: body,
      });
      expect(res.status(), `${path} ${body}`).toBeGreaterThanOrEqual(400);
      expect(res.status(), `${path} ${body}`).toBeLessThan(500);
      const error = await res.json();
      expect(error.error.message, `${path} ${body}`).toBeTruthy();
    }
  });

  test('guest sign-in resolves the demo user and their team from the catalog', async ({
    request,
  }) => {
    const { token, identity } = await guestToken(request);
    expect(identity.userEntityRef).toBe('user:default/priya.raman');
    expect(identity.ownershipEntityRefs).toContain(
      'group:default/platform-team',
    );

    // The platform policy gives the platform team its platform-only permissions.
    const res = await request.post(`${backend}/api/permission/authorize`, {
      headers: { authorization: `Bearer ${token}` },
      data: {
        items: [
          {
            id: 'delete-location',
            permission: {
              type: 'basic',
              name: 'catalog.location.delete',
              attributes: { action: 'delete' },
            },
          },
        ],
      },
    });
    expect(res.status()).toBe(200);
    expect((await res.json()).items[0].result).toBe('ALLOW');
  });
});
