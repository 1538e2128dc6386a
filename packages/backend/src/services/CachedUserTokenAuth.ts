import { createHash } from 'node:crypto';
import {
  AuthService,
  BackstageCredentials,
  BackstageNonePrincipal,
  BackstagePrincipalTypes,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import { ExpiringCache } from './ExpiringCache';

/** How long a verified user token is trusted again without verifying it, unless configured. */
export const DEFAULT_TOKEN_CACHE_TTL_MS = 60_000;

/** At most this many verified tokens are kept per plugin; the oldest go first. */
export const MAX_CACHED_TOKENS = 20_000;

/** Options of {@link CachedUserTokenAuth}. */
export interface CachedUserTokenAuthOptions {
  /** How long a verification is reused, in milliseconds; 0 turns the cache off. */
  ttlMs?: number;
  /** The clock (tests). */
  now?: () => number;
  /** At most this many tokens kept. */
  maxEntries?: number;
}

/**
 * Backstage's auth service with the verification of a signed-in user's token
 * reused for a short time.
 *
 * Every request a user makes carries their Backstage token, and the default
 * auth service checks its ES256 signature each time: the largest single cost
 * of Paved's cheap requests after the database. This keeps the credentials a
 * token verified to, keyed by the token's SHA-256 (the token itself is not
 * kept), for `ttlMs` and never past the token's own expiry. Only plain user
 * tokens are kept: service and plugin tokens, tokens on behalf of a user (their
 * plugin token may expire before the user's), limited (cookie) access and
 * failures are verified every time. Backstage user tokens cannot be revoked
 * before they expire, so the cache changes nothing a token may do; a signing key
 * withdrawn from the auth backend stops being accepted within `ttlMs`.
 */
export class CachedUserTokenAuth implements AuthService {
  readonly #delegate: AuthService;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #tokens: ExpiringCache<BackstageCredentials>;

  constructor(delegate: AuthService, options: CachedUserTokenAuthOptions = {}) {
    this.#delegate = delegate;
    this.#ttlMs = options.ttlMs ?? DEFAULT_TOKEN_CACHE_TTL_MS;
    this.#now = options.now ?? Date.now;
    this.#tokens = new ExpiringCache(options.maxEntries ?? MAX_CACHED_TOKENS);
  }

  /** Verified tokens kept now (tests). */
  get size(): number {
    return this.#tokens.size;
  }

  async authenticate(
    token: string,
    options?: { allowLimitedAccess?: boolean },
  ): Promise<BackstageCredentials> {
    if (this.#ttlMs <= 0 || options?.allowLimitedAccess) {
      return this.#delegate.authenticate(token, options);
    }
    const key = createHash('sha256').update(token).digest('base64');
    const now = this.#now();
    const kept = this.#tokens.get(key, now);
    if (kept) return kept;
    const credentials = await this.#delegate.authenticate(token, options);
    const principal = credentials.principal as Partial<BackstageUserPrincipal>;
    if (principal.type === 'user' && principal.actor === undefined) {
      const expiresAt = Math.min(
        now + this.#ttlMs,
        credentials.expiresAt?.getTime() ?? Infinity,
      );
      this.#tokens.set(key, Promise.resolve(credentials), expiresAt, now);
    }
    return credentials;
  }

  getNoneCredentials(): Promise<BackstageCredentials<BackstageNonePrincipal>> {
    return this.#delegate.getNoneCredentials();
  }

  getOwnServiceCredentials(): Promise<
    BackstageCredentials<BackstageServicePrincipal>
  > {
    return this.#delegate.getOwnServiceCredentials();
  }

  isPrincipal<TType extends keyof BackstagePrincipalTypes>(
    credentials: BackstageCredentials,
    type: TType,
  ): credentials is BackstageCredentials<BackstagePrincipalTypes[TType]> {
    return this.#delegate.isPrincipal(credentials, type);
  }

  getPluginRequestToken(options: {
    onBehalfOf: BackstageCredentials;
    targetPluginId: string;
  }): Promise<{ token: string }> {
    return this.#delegate.getPluginRequestToken(options);
  }

  getLimitedUserToken(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<{ token: string; expiresAt: Date }> {
    return this.#delegate.getLimitedUserToken(credentials);
  }

  listPublicServiceKeys(): Promise<{ keys: JsonObject[] }> {
    return this.#delegate.listPublicServiceKeys();
  }
}

type JsonObject = Awaited<
  ReturnType<AuthService['listPublicServiceKeys']>
>['keys'][number];
