import {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
  PermissionsServiceRequestOptions,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  AuthorizeResult,
  DefinitivePolicyDecision,
  Permission,
  PolicyDecision,
  QueryPermissionRequest,
  QueryPermissionResponse,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { PermissionPolicy } from '@backstage/plugin-permission-node';

/** Options of {@link PolicyPermissionsService}. */
export interface PolicyPermissionsServiceOptions {
  /** The policy the permission backend runs (Paved's, from the same config). */
  policy: PermissionPolicy;
  /** Where a user's ownership refs come from: the same service the permission backend asks. */
  userInfo: UserInfoService;
}

/**
 * A permissions service that decides a user's questions in this process, with
 * the policy the permission backend runs, instead of an HTTP request to the
 * permission backend: "may this user do X" (a basic permission without a
 * resource, `authorize`) and "which resources of this type may this user
 * act on" (`authorizeConditional`, answered with the policy's decision as is,
 * conditions included).
 *
 * It does what the permission backend's `/authorize` does for such a question
 * (the user's info from the user-info service, then `policy.handle`), so the
 * answer is the same, without the request: a plugin token signed on the
 * user's behalf, verified again, JSON both ways. Everything else goes to the
 * delegate (Backstage's permission client) unchanged: questions about one
 * resource (its conditions are applied by the plugin that owns it), service
 * callers (whose external-access restrictions the client applies),
 * unauthenticated callers, and every question while `permission.enabled` is
 * off (the client allows them all; the factory does not install this then).
 * A decision the permission backend would refuse (a conditional decision on a
 * basic permission, or one for another resource type) goes to the delegate
 * too, which fails as it always has.
 *
 * Nothing is kept between requests: a change of someone's groups reaches the
 * routes as soon as their token or Backstage's user-info cache (5 s) has it,
 * as with the permission backend.
 */
export class PolicyPermissionsService implements PermissionsService {
  readonly #delegate: PermissionsService;
  readonly #policy: PermissionPolicy;
  readonly #userInfo: UserInfoService;

  constructor(
    delegate: PermissionsService,
    options: PolicyPermissionsServiceOptions,
  ) {
    this.#delegate = delegate;
    this.#policy = options.policy;
    this.#userInfo = options.userInfo;
  }

  async authorizeConditional(
    requests: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<QueryPermissionResponse[]> {
    const credentials = userCredentials(options);
    if (!credentials || requests.length === 0) {
      return this.#delegate.authorizeConditional(requests, options);
    }
    const decisions = await this.#decide(requests, credentials);
    if (!decisions.every((d, i) => isAnswerable(d, requests[i].permission))) {
      return this.#delegate.authorizeConditional(requests, options);
    }
    return decisions;
  }

  async authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<AuthorizePermissionResponse[]> {
    const credentials = userCredentials(options);
    if (!credentials || requests.length === 0 || !requests.every(isPlain)) {
      return this.#delegate.authorize(requests, options);
    }
    const decisions = await this.#decide(requests, credentials);
    if (!decisions.every(isDefinitive)) {
      return this.#delegate.authorize(requests, options);
    }
    return decisions.map(decision => ({ result: decision.result }));
  }

  // What the permission backend's policy says, for the user's own info.
  async #decide(
    requests: Array<{ permission: Permission }>,
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<PolicyDecision[]> {
    const info = await this.#userInfo.getUserInfo(credentials);
    return Promise.all(
      requests.map(request =>
        this.#policy.handle(
          { permission: request.permission },
          { credentials, info },
        ),
      ),
    );
  }
}

// A basic permission asked without a resource: the only questions decided here.
function isPlain(request: AuthorizePermissionRequest): boolean {
  return (
    request.permission.type === 'basic' && request.resourceRef === undefined
  );
}

// A decision the permission backend returns as it is to a question without a
// resource: a definitive one, or conditions for the permission's own resource
// type (it refuses other conditional decisions).
function isAnswerable(decision: PolicyDecision, permission: Permission) {
  if (isDefinitive(decision)) return true;
  return (
    isResourcePermission(permission) &&
    decision.resourceType === permission.resourceType
  );
}

function isDefinitive(
  decision: PolicyDecision,
): decision is DefinitivePolicyDecision {
  return (
    decision.result === AuthorizeResult.ALLOW ||
    decision.result === AuthorizeResult.DENY
  );
}

// The user a request is made for (with the service acting for them, if any);
// undefined for every other caller, whose questions the delegate answers.
function userCredentials(
  options?: PermissionsServiceRequestOptions,
): BackstageCredentials<BackstageUserPrincipal> | undefined {
  if (!options || !('credentials' in options)) return undefined;
  const credentials = options.credentials;
  return (credentials.principal as { type?: string }).type === 'user'
    ? (credentials as BackstageCredentials<BackstageUserPrincipal>)
    : undefined;
}
