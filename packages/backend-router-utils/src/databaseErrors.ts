import { ServiceUnavailableError } from '@backstage/errors';
import { ErrorRequestHandler } from 'express';

/** How long a client should wait before retrying while the database is away, in seconds. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Node socket errors and Postgres SQLSTATEs that mean "the database is not there
// right now", not "the request is wrong": connection exceptions (class 08),
// operator intervention (57P01-57P03) and too many connections (53300).
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'SQLITE_BUSY',
]);

const UNAVAILABLE_MESSAGES = [
  /Timeout acquiring a connection/i, // the knex pool is exhausted
  /Connection terminated/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

/** True when an error means the database is unreachable or saturated, so a retry may succeed. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: any = error;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    if (typeof current.code === 'string' && UNAVAILABLE_CODES.has(current.code))
      return true;
    if (current.name === 'KnexTimeoutError') return true;
    const message = typeof current.message === 'string' ? current.message : '';
    if (UNAVAILABLE_MESSAGES.some(pattern => pattern.test(message)))
      return true;
    // AggregateError (e.g. IPv4 and IPv6 both refused) and wrapped causes.
    if (
      Array.isArray(current.errors) &&
      current.errors.some(isDatabaseUnavailable)
    )
      return true;
    current = current.cause;
  }
  return false;
}

// Server errors another backend plugin answered with: Backstage's own plugins
// (permission, auth, catalog) answer 500 when their database is away, and a
// production backend hides the cause behind "An internal error occurred".
const UPSTREAM_UNAVAILABLE_STATUSES = new Set([500, 502, 503, 504]);

/**
 * True when a call to another backend plugin (e.g. the permission check) failed
 * with a server error: the request cannot be decided now, and a retry may succeed.
 * A 4xx from that plugin is an answer, not an outage.
 */
export function isUpstreamUnavailable(error: unknown): boolean {
  const e = error as
    | { name?: unknown; statusCode?: unknown; response?: { status?: unknown } }
    | null
    | undefined;
  if (!e || typeof e !== 'object' || e.name !== 'ResponseError') return false;
  const status =
    typeof e.statusCode === 'number' ? e.statusCode : e.response?.status;
  return (
    typeof status === 'number' && UPSTREAM_UNAVAILABLE_STATUSES.has(status)
  );
}

/**
 * Express error middleware for the end of a router: a database outage, an
 * exhausted connection pool, or a server error from a plugin the request
 * depends on (the permission backend during that outage) becomes a 503 with a
 * Retry-After header and a message that says to retry, instead of a 500. A
 * ServiceUnavailableError thrown by the route itself gets the Retry-After too.
 */
export function databaseUnavailableAs503(): ErrorRequestHandler {
  return (error, _req, res, next) => {
    const database = isDatabaseUnavailable(error);
    if (!database && !isUpstreamUnavailable(error)) {
      // A 503 a service raised itself (a plugin it reads from is away) also
      // tells the client when to retry.
      if (error?.name === 'ServiceUnavailableError' && !res.headersSent) {
        res.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      }
      next(error);
      return;
    }
    if (!res.headersSent) {
      res.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    }
    next(
      new ServiceUnavailableError(
        database
          ? `The database is not reachable right now; retry in ${DATABASE_RETRY_AFTER_SECONDS} seconds.`
          : `A service this request depends on is not available right now; retry in ${DATABASE_RETRY_AFTER_SECONDS} seconds.`,
      ),
    );
  };
}
