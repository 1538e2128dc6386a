/**
 * What every Paved backend router does the same way.
 *
 * @packageDocumentation
 */
import {
  AuditorService,
  BackstageCredentials,
  BackstagePrincipalTypes,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import express, {
  NextFunction,
  Request,
  RequestHandler,
  Response,
} from 'express';
import { z } from 'zod';

/** Parses with a zod schema; a failure is a 400 that names each failing field. */
export function parseRequest<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what = 'request body',
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map(issue =>
      issue.path.length > 0
        ? `${issue.path.join('.')}: ${issue.message}`
        : issue.message,
    );
    throw new InputError(`Invalid ${what}: ${problems.join('; ')}`);
  }
  return result.data;
}

/**
 * The caller's credentials, after checking that the caller is one of `allow`
 * (401 otherwise) and holds `permission` (403 otherwise). A service caller's
 * decision applies its token's access restrictions.
 */
export async function requirePermission<
  TAllow extends keyof BackstagePrincipalTypes,
>(
  services: { httpAuth: HttpAuthService; permissions: PermissionsService },
  req: Request,
  permission: BasicPermission,
  allow: TAllow[],
): Promise<BackstageCredentials<BackstagePrincipalTypes[TAllow]>> {
  const credentials = await services.httpAuth.credentials(req, { allow });
  const [decision] = await services.permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`You need the ${permission.name} permission`);
  }
  return credentials;
}

/**
 * The signed-in user's credentials, after checking they hold `permission`:
 * 401 without a user, 403 without the permission.
 */
export function requireUserPermission(
  services: { httpAuth: HttpAuthService; permissions: PermissionsService },
  req: Request,
  permission: BasicPermission,
): Promise<BackstageCredentials<BackstageUserPrincipal>> {
  return requirePermission(services, req, permission, ['user']);
}

/** Runs a write or an export as an audit event that records success or failure. */
export async function audited<T>(
  auditor: AuditorService,
  req: Request,
  eventId: string,
  meta: Record<string, string>,
  fn: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({ eventId, request: req, meta });
  try {
    const result = await fn();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
export * from './databaseErrors';
export * from './settings';

// A UTF-16 code unit that is half of a surrogate pair without its other half.
const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// The first string (value or key) in a parsed body that holds a lone surrogate.
function findLoneSurrogate(value: unknown, at: string): string | undefined {
  if (typeof value === 'string') {
    return LONE_SURROGATE.test(value) ? at : undefined;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findLoneSurrogate(item, `${at}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const path = at ? `${at}.${key}` : key;
      if (LONE_SURROGATE.test(key)) return path;
      const found = findLoneSurrogate(item, path);
      if (found) return found;
    }
  }
  return undefined;
}

class InvalidUtf8Error extends Error {}

/**
 * Parses JSON request bodies like `express.json()`, and refuses with a 400
 * what would otherwise be stored with replacement characters: bytes that are
 * not valid UTF-8, and strings with lone surrogates (`"\\ud800"` escapes).
 */
export function jsonBody(options: { limit: string }): RequestHandler {
  const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });
  const parse = express.json({
    limit: options.limit,
    verify: (_req, _res, buffer) => {
      try {
        fatalUtf8.decode(buffer);
      } catch {
        throw new InvalidUtf8Error();
      }
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    parse(req, res, (error?: unknown) => {
      if (error instanceof InvalidUtf8Error) {
        next(
          new InputError(
            'Invalid request body: it is not valid UTF-8 text; send JSON encoded as UTF-8',
          ),
        );
        return;
      }
      if (error) {
        next(error);
        return;
      }
      const where = findLoneSurrogate(req.body, '');
      if (where !== undefined) {
        next(
          new InputError(
            `Invalid request body: ${
              where ? `${where} holds` : 'it holds'
            } a lone surrogate (\\ud800-\\udfff without its pair), which is not valid Unicode text`,
          ),
        );
        return;
      }
      next();
    });
  };
}
