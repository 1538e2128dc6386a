import { APIRequestContext, Page, expect } from '@playwright/test';

/** The portal's backend, as the e2e portal runs it. */
export const backend = 'http://localhost:7007';

async function bearer(
  request: APIRequestContext,
  provider: string,
  headers: Record<string, string> = {},
) {
  const res = await request.get(`${backend}/api/auth/${provider}/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest', ...headers },
  });
  expect(res.status()).toBe(200);
  const token = (await res.json()).backstageIdentity.token;
  return { authorization: `Bearer ${token}` };
}

/** API headers for the guest sign-in: the platform PM. */
export function guestHeaders(request: APIRequestContext) {
  return bearer(request, 'guest');
}

/** API headers for demo sign-in (development only) as any catalog user. */
export function demoHeaders(request: APIRequestContext, user: string) {
  return bearer(request, 'demo', { 'x-paved-demo-person': user });
}

/**
 * Signs in on the sign-in page, as the platform PM (the first person offered)
 * or as the person whose radio label matches `as`.
 */
export async function signIn(page: Page, as?: RegExp) {
  await page.goto('/');
  if (as) await page.getByRole('radio', { name: as }).check();
  await page.getByRole('button', { name: 'Enter' }).click();
  // The first page after the portal starts may still be compiling.
  await expect(page.getByText('Welcome to Paved')).toBeVisible({
    timeout: 90_000,
  });
}
