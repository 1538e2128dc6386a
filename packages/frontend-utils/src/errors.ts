/** Field path ("title", "links.0.url") → the first reason given for it. */
export type FieldErrors = Record<string, string>;

/** A validation problem as zod reports it: where, and why. */
export interface FieldIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/** A field path as one string, e.g. ["links", 0, "url"] → "links.0.url". */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}

/**
 * The browser-side check: the problems a `-common` zod schema found, per field
 * (the first one each). Problems without a path are under "".
 */
export function fieldErrorsFromIssues(
  issues: ReadonlyArray<FieldIssue>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = fieldPath(issue.path);
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** The reason the server gave for refusing a request, without the HTTP status line. */
export function serverMessage(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as {
    message?: string;
    cause?: { message?: string };
    body?: { error?: { message?: string } };
  };
  return e.body?.error?.message ?? e.cause?.message ?? e.message ?? 'Error';
}

/** The HTTP status of an error thrown by a Paved API client, if it has one. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as {
    statusCode?: number;
    response?: { status?: number };
  };
  return e.statusCode ?? e.response?.status;
}

/** True for a 404 from a backend (the client's ResponseError, or a NotFoundError). */
export function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  return (
    statusOf(error) === 404 ||
    (error as { name?: string }).name === 'NotFoundError'
  );
}

// Paved's routers answer bad input with "Invalid <what>: a.b: reason; c: reason"
// (@paved/backend-router-utils parseRequest).
const INVALID = /^Invalid [^:]+: (.*)$/s;
const FIELD = /^([A-Za-z_$][\w$]*(?:\.[\w$]+)*): (.+)$/s;

/**
 * The server's reasons for refusing a request, per field, when it named the
 * fields (a 400 from a Paved router); anything else is `message`.
 */
export function serverFieldErrors(error: unknown): {
  fields: FieldErrors;
  message?: string;
} {
  const text = serverMessage(error);
  const invalid = statusOf(error) === 400 ? INVALID.exec(text) : null;
  if (!invalid) return { fields: {}, message: text };
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const part of invalid[1].split('; ')) {
    const field = FIELD.exec(part);
    if (field && !(field[1] in fields)) fields[field[1]] = field[2];
    else rest.push(part);
  }
  return rest.length > 0 ? { fields, message: rest.join('; ') } : { fields };
}
