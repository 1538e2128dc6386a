/**
 * What every Paved backend router does the same way.
 *
 * @packageDocumentation
 */
import {
  AuditorService,
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';
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
 * The signed-in user's credentials, after checking they hold `permission`:
 * 401 without a user, 403 without the permission.
 */
export async function requireUserPermission(
  services: { httpAuth: HttpAuthService; permissions: PermissionsService },
  req: Request,
  permission: BasicPermission,
): Promise<BackstageCredentials<BackstageUserPrincipal>> {
  const credentials = await services.httpAuth.credentials(req, {
    allow: ['user'],
  });
  const [decision] = await services.permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`You need the ${permission.name} permission`);
  }
  return credentials;
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
