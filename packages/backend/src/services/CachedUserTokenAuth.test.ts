import {
  AuthService,
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { generateKeyPairSync, sign as signBytes, verify } from 'node:crypto';
import { CachedUserTokenAuth } from './CachedUserTokenAuth';
import { userTokenCacheTtlMs } from './cachedHttpAuthServiceFactory';

const MINUTE = 60_000;
const START = Date.parse('2026-11-30T12:00:00Z');

class AuthenticationError extends Error {
  name = 'AuthenticationError';
}

const encode = (value: object) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * An auth service that really verifies ES256-signed user tokens, as Backstage's
 * does (signature, then expiry on its clock), and counts the verifications.
 */
function signingAuth(clock: { now: number }) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
  });
  const verified: string[] = [];
  const base = mockServices.auth();
  const auth: AuthService = Object.assign(Object.create(base), {
    async authenticate(token: string): Promise<BackstageCredentials> {
      verified.push(token);
      const [header, body, signature] = token.split('.');
      const valid = verify(
        'sha256',
        Buffer.from(`${header}.${body}`),
        { key: publicKey, dsaEncoding: 'ieee-p1363' },
        Buffer.from(signature ?? '', 'base64url'),
      );
      if (!valid) throw new AuthenticationError('bad signature');
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
      if (payload.exp * 1000 <= clock.now) {
        throw new AuthenticationError('expired');
      }
      if (payload.svc) return mockCredentials.service(String(payload.svc));
      const user = mockCredentials.user(String(payload.sub));
      return {
        ...user,
        expiresAt: new Date(payload.exp * 1000),
        principal: payload.act
          ? { ...user.principal, actor: { subject: String(payload.act) } }
          : user.principal,
      };
    },
  });
  const sign = async (
    claims: Record<string, string>,
    expiresInMs = 60 * MINUTE,
  ) => {
    const unsigned = `${encode({ alg: 'ES256', typ: 'JWT' })}.${encode({
      ...claims,
      iat: Math.floor(clock.now / 1000),
      exp: Math.floor((clock.now + expiresInMs) / 1000),
    })}`;
    const signature = signBytes('sha256', Buffer.from(unsigned), {
      key: privateKey,
      dsaEncoding: 'ieee-p1363',
    });
    return `${unsigned}.${signature.toString('base64url')}`;
  };
  return { auth, verified, sign };
}

async function setUp(ttlMs?: number, maxEntries?: number) {
  const clock = { now: START };
  const signing = signingAuth(clock);
  const cached = new CachedUserTokenAuth(signing.auth, {
    ttlMs,
    maxEntries,
    now: () => clock.now,
  });
  return { clock, cached, ...signing };
}

const userOf = (credentials: BackstageCredentials) =>
  (credentials.principal as BackstageUserPrincipal).userEntityRef;

describe('CachedUserTokenAuth', () => {
  it('verifies a user token once and trusts it again within the time', async () => {
    const { cached, verified, sign, clock } = await setUp(MINUTE);
    const jonas = await sign({ sub: 'user:default/jonas' });
    const priya = await sign({ sub: 'user:default/priya' });

    expect(userOf(await cached.authenticate(jonas))).toBe('user:default/jonas');
    expect(userOf(await cached.authenticate(priya))).toBe('user:default/priya');
    clock.now += MINUTE - 1;
    expect(userOf(await cached.authenticate(jonas))).toBe('user:default/jonas');
    expect(verified).toEqual([jonas, priya]);

    // After the time, the signature is checked again.
    clock.now += 1;
    await cached.authenticate(jonas);
    expect(verified).toEqual([jonas, priya, jonas]);
  });

  it('never trusts a token past its own expiry', async () => {
    const { cached, verified, sign, clock } = await setUp(5 * MINUTE);
    const token = await sign({ sub: 'user:default/jonas' }, 2 * MINUTE);
    await cached.authenticate(token);
    clock.now += 2 * MINUTE - 1000;
    await cached.authenticate(token);
    expect(verified).toHaveLength(1);

    clock.now += 1000;
    await expect(cached.authenticate(token)).rejects.toThrow(
      AuthenticationError,
    );
    expect(verified).toHaveLength(2);
  });

  it('refuses a token whose signature was altered, however often it is sent', async () => {
    const { cached, verified, sign } = await setUp(MINUTE);
    const token = await sign({ sub: 'user:default/jonas' });
    await cached.authenticate(token);
    const [header, payload] = token.split('.');
    const forged = `${header}.${Buffer.from(
      JSON.stringify({ sub: 'user:default/priya', exp: 4102444800 }),
    ).toString('base64url')}.${token.split('.')[2]}`;
    const tampered = `${header}.${payload}.${'A'.repeat(86)}`;
    for (const bad of [forged, tampered, forged]) {
      await expect(cached.authenticate(bad)).rejects.toThrow(
        AuthenticationError,
      );
    }
    expect(verified).toEqual([token, forged, tampered, forged]);
    expect(cached.size).toBe(1);
  });

  it('verifies service tokens, tokens on behalf of a user and limited access every time', async () => {
    const { cached, verified, sign } = await setUp(MINUTE);
    const service = await sign({ svc: 'plugin:catalog' });
    const onBehalf = await sign({ sub: 'user:default/jonas', act: 'plugin:x' });
    const user = await sign({ sub: 'user:default/jonas' });
    for (let i = 0; i < 2; i++) {
      await cached.authenticate(service);
      await cached.authenticate(onBehalf);
      await cached.authenticate(user, { allowLimitedAccess: true });
    }
    expect(verified).toHaveLength(6);
    expect(cached.size).toBe(0);
  });

  it('does not keep a failure: the next request is verified again', async () => {
    const { cached, auth, sign } = await setUp(MINUTE);
    const token = await sign({ sub: 'user:default/jonas' });
    const real = auth.authenticate.bind(auth);
    let calls = 0;
    auth.authenticate = async (t, o) => {
      calls++;
      if (calls === 1) throw new Error('auth backend unavailable');
      return real(t, o);
    };
    await expect(cached.authenticate(token)).rejects.toThrow('unavailable');
    expect(userOf(await cached.authenticate(token))).toBe('user:default/jonas');
    await cached.authenticate(token);
    expect(calls).toBe(2);
  });

  it('with 0 seconds, verifies every time', async () => {
    const { cached, verified, sign } = await setUp(0);
    const token = await sign({ sub: 'user:default/jonas' });
    await cached.authenticate(token);
    await cached.authenticate(token);
    expect(verified).toHaveLength(2);
  });

  it('keeps at most maxEntries tokens, dropping the oldest', async () => {
    const { cached, verified, sign } = await setUp(MINUTE, 2);
    const tokens = await Promise.all(
      ['a', 'b', 'c'].map(u => sign({ sub: `user:default/${u}` })),
    );
    for (const t of tokens) await cached.authenticate(t);
    expect(cached.size).toBe(2);
    await cached.authenticate(tokens[2]);
    await cached.authenticate(tokens[0]);
    expect(verified).toEqual([...tokens, tokens[0]]);
  });

  it('passes everything else to the wrapped service', async () => {
    const { cached } = await setUp(MINUTE);
    const own = await cached.getOwnServiceCredentials();
    expect(cached.isPrincipal(own, 'service')).toBe(true);
    expect(cached.isPrincipal(await cached.getNoneCredentials(), 'none')).toBe(
      true,
    );
    await expect(
      cached.getPluginRequestToken({
        onBehalfOf: own,
        targetPluginId: 'catalog',
      }),
    ).resolves.toEqual({ token: expect.any(String) });
  });

  it('reads paved.auth.userTokenCacheSeconds: default 60, 0 to 300', () => {
    const ttl = (data: object) => userTokenCacheTtlMs(new ConfigReader(data));
    expect(ttl({})).toBe(60_000);
    expect(ttl({ paved: { auth: { userTokenCacheSeconds: 0 } } })).toBe(0);
    expect(ttl({ paved: { auth: { userTokenCacheSeconds: 300 } } })).toBe(
      300_000,
    );
    for (const seconds of [-1, 301]) {
      expect(() =>
        ttl({ paved: { auth: { userTokenCacheSeconds: seconds } } }),
      ).toThrow(/paved.auth.userTokenCacheSeconds must be .* 0 \(off\) to 300/);
    }
  });
});
