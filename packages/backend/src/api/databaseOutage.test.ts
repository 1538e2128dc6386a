import { Knex, KnexTimeoutError } from 'knex';
import request from 'supertest';
import {
  DocumentedRoute,
  documentedAccess,
} from '../__testUtils__/accessPolicy';
import {
  IDENTITIES,
  authorization,
  concretePath,
  startPavedBackend,
} from '../__testUtils__/pavedTestBackend';

// The plugin a route belongs to: /api/<plugin id>/….
const pluginOf = (route: DocumentedRoute) => route.path.split('/')[2];

/**
 * Every route of every Paved router while no database connection can be had
 * (knex's "Timeout acquiring a connection", what a full pool or an unreachable
 * Postgres gives): the routes are taken from docs/api-access.md, which the
 * access test checks against the routers themselves, so a new route is covered.
 */
describe('every route while the database cannot be reached', () => {
  let server: Parameters<typeof request>[0];
  let databases: Map<string, Knex>;
  let stop: () => Promise<void>;
  const restore: Array<() => void> = [];

  beforeAll(async () => {
    const started = await startPavedBackend();
    server = started.server;
    databases = started.databases;
    stop = () => started.backend.stop();
  }, 60_000);

  afterAll(() => stop());

  beforeEach(() => {
    for (const knex of databases.values()) {
      const client = knex.client as {
        acquireConnection: () => Promise<unknown>;
      };
      const original = client.acquireConnection;
      client.acquireConnection = () =>
        Promise.reject(
          new KnexTimeoutError(
            'Knex: Timeout acquiring a connection. The pool is probably full.',
          ),
        );
      restore.push(() => {
        client.acquireConnection = original;
      });
    }
  });

  afterEach(() => {
    for (const undo of restore.splice(0)) undo();
  });

  it('answers 503 with Retry-After, never another server error', async () => {
    const problems: string[] = [];
    const unavailable = new Set<string>();
    for (const route of documentedAccess()) {
      for (const identity of IDENTITIES.filter(i => route.allowed[i])) {
        const call = (request(server) as any)[route.method.toLowerCase()](
          concretePath(route.path),
        );
        call.set('authorization', authorization(identity));
        if (['POST', 'PUT', 'PATCH'].includes(route.method)) call.send({});
        const res = await call;
        const where = `${route.method} ${route.path} as ${identity}`;
        if (res.status === 503) {
          unavailable.add(pluginOf(route));
          if (res.headers['retry-after'] !== '5') {
            problems.push(`${where}: 503 without Retry-After: 5`);
          }
          if (!/retry/i.test(res.body?.error?.message ?? '')) {
            problems.push(
              `${where}: 503 says ${JSON.stringify(res.body?.error?.message)}`,
            );
          }
        } else if (res.status >= 500) {
          problems.push(
            `${where}: ${res.status} ${JSON.stringify(
              res.body?.error?.message,
            )}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    // Every plugin's routes did reach the database (and were refused).
    expect([...unavailable].sort()).toEqual(
      [...new Set(documentedAccess().map(pluginOf))].sort(),
    );
  }, 120_000);

  it('serves again once connections can be had', async () => {
    for (const undo of restore.splice(0)) undo();
    const res = await request(server)
      .get('/api/platform-metrics/dora')
      .set('authorization', authorization('pm')!);
    expect(res.status).toBe(200);
  });
});
