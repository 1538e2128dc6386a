import {
  BackstageCredentials,
  PermissionsService,
  PermissionsServiceRequestOptions,
} from '@backstage/backend-plugin-api';
import {
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  DefinitivePolicyDecision,
  QueryPermissionRequest,
  QueryPermissionResponse,
} from '@backstage/plugin-permission-common';
import { ExpiringCache } from './ExpiringCache';

/** How long a decision is reused unless configured: Backstage's own user-info cache time. */
export const DEFAULT_DECISION_TTL_MS = 5_000;

/** At most this many decisions are kept; the oldest go first. */
export const MAX_CACHED_DECISIONS = 20_000;

/** Options of {@link CachedPermissionsService}. */
export interface CachedPermissionsServiceOptions {
  /** How long a decision is reused, in milliseconds; 0 turns the cache off. */
  ttlMs?: number;
  /** The clock (tests). */
  now?: () => number;
  /** At most this many decisions kept. */
  maxEntries?: number;
}

/**
 * A permissions service that reuses a user's decision on a permission for a few
 * seconds instead of asking the permission backend again.
 *
 * Every `authorize` of Backstage's permission client is an HTTP request to the
 * permission backend (a plugin token signed on the user's behalf, verified
 * there, the user's info looked up, the policy run): the main cost of Paved's
 * cheap reads. Only the plain questions are reused: "may this user do X",
 * without a resource. Decisions about a resource (which depend on that
 * resource's state), conditional decisions, service callers and failures are
 * never kept. A change of someone's permissions (a new group in their token, a
 * new policy) therefore reaches a route within `ttlMs`: the same delay that
 * Backstage's user-info cache already has (5 s) for the ownership the policy
 * decides on.
 */
export class CachedPermissionsService implements PermissionsService {
  readonly #delegate: PermissionsService;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #entries: ExpiringCache<DefinitivePolicyDecision>;

  constructor(
    delegate: PermissionsService,
    options: CachedPermissionsServiceOptions = {},
  ) {
    this.#delegate = delegate;
    this.#ttlMs = options.ttlMs ?? DEFAULT_DECISION_TTL_MS;
    this.#now = options.now ?? Date.now;
    this.#entries = new ExpiringCache(
      options.maxEntries ?? MAX_CACHED_DECISIONS,
    );
  }

  /** Decisions kept now, expired ones included until they are swept (tests). */
  get size(): number {
    return this.#entries.size;
  }

  authorizeConditional(
    requests: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<QueryPermissionResponse[]> {
    return this.#delegate.authorizeConditional(requests, options);
  }

  async authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<AuthorizePermissionResponse[]> {
    const caller = userOf(options);
    if (this.#ttlMs <= 0 || caller === undefined) {
      return this.#delegate.authorize(requests, options);
    }
    const now = this.#now();
    const answers: Promise<DefinitivePolicyDecision>[] = new Array(
      requests.length,
    );
    const asked: number[] = [];
    const keys: string[] = [];
    requests.forEach((request, index) => {
      if (request.resourceRef !== undefined) {
        asked.push(index);
        keys.push('');
        return;
      }
      const key = `${caller}\u0000${request.permission.name}`;
      const kept = this.#entries.get(key, now);
      if (kept) {
        answers[index] = kept;
      } else {
        asked.push(index);
        keys.push(key);
      }
    });
    if (asked.length > 0) {
      const fresh = this.#delegate.authorize(
        asked.map(index => requests[index]),
        options,
      );
      asked.forEach((index, position) => {
        const decision = fresh.then(decisions => decisions[position]);
        answers[index] = decision;
        const key = keys[position];
        if (key) this.#entries.set(key, decision, now + this.#ttlMs, now);
      });
    }
    return Promise.all(answers);
  }
}

// The user a request is made for, with the service acting for them if any;
// undefined when the caller is not a user (those decisions are not kept).
function userOf(
  options?: PermissionsServiceRequestOptions,
): string | undefined {
  if (!options || !('credentials' in options)) return undefined;
  const credentials: BackstageCredentials = options.credentials;
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    actor?: { subject?: string };
  };
  if (principal.type !== 'user' || !principal.userEntityRef) return undefined;
  return principal.actor?.subject
    ? `${principal.userEntityRef}\u0000${principal.actor.subject}`
    : principal.userEntityRef;
}
