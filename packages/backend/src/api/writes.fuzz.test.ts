import fc from 'fast-check';
import { Knex } from 'knex';
import request from 'supertest';
import {
  DocumentedRoute,
  documentedAccess,
} from '../__testUtils__/accessPolicy';
import {
  Identity,
  authorization,
  startPavedBackend,
} from '../__testUtils__/pavedTestBackend';

// Every row of every table of every Paved plugin's database.
async function rowCounts(databases: Map<string, Knex>) {
  const counts: Record<string, number> = {};
  for (const [plugin, knex] of databases) {
    const tables: Array<{ name: string }> = await knex('sqlite_master')
      .where({ type: 'table' })
      .whereNot('name', 'like', 'knex_migrations%')
      .whereNot('name', 'like', 'sqlite_%')
      .select('name');
    for (const { name } of tables) {
      const [{ n }] = await knex(name).count({ n: '*' });
      counts[`${plugin}.${name}`] = Number(n);
    }
  }
  return counts;
}

// The most privileged caller the route accepts: it reaches the validation.
function caller(route: DocumentedRoute): Identity {
  if (route.allowed.pm) return 'pm';
  if (route.allowed.service) return 'service';
  return 'developer';
}

const writes = documentedAccess().filter(route =>
  ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method),
);

const paramArb = fc.oneof(
  fc.uuid(),
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.constantFrom('0', '-1', '..', '%00', 'null', "'; drop table x; --"),
);
const bodyArb = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(
      'title',
      'score',
      'comment',
      'status',
      'horizon',
      'version',
      'themes',
      'opensAt',
      'closesAt',
      'audience',
      'source',
      'externalId',
      'service',
      'events',
      'slot',
      'text',
      'goal',
      fc.string(),
    ) as fc.Arbitrary<string>,
    fc.jsonValue({ maxDepth: 2 }),
  ),
);

describe('every write route, fuzzed with generated JSON', () => {
  let server: Parameters<typeof request>[0];
  let databases: Map<string, Knex>;

  beforeAll(async () => {
    const started = await startPavedBackend();
    server = started.server;
    databases = started.databases;
  }, 60_000);

  it.each(writes.map(route => [`${route.method} ${route.path}`, route]))(
    '%s: a 4xx naming the problem and nothing stored, or a success; never 5xx',
    async (_, route) => {
      const identity = caller(route as DocumentedRoute);
      const { method, path } = route as DocumentedRoute;
      await fc.assert(
        fc.asyncProperty(
          fc.array(paramArb, { minLength: 3, maxLength: 3 }),
          bodyArb,
          async (params, body) => {
            let i = 0;
            const url = path.replace(/:\w+/g, () =>
              encodeURIComponent(params[i++]),
            );
            const before = await rowCounts(databases);
            const call = (request(server) as any)[method.toLowerCase()](url);
            call.set('authorization', authorization(identity));
            if (method !== 'DELETE') {
              call
                .set('content-type', 'application/json')
                .send(JSON.stringify(body));
            }
            const res = await call;
            expect(res.status).toBeLessThan(500);
            // A refusal says why and stores nothing; a success may store.
            const refused = res.status >= 400;
            const message: unknown = res.body?.error?.message;
            expect(
              !refused || (typeof message === 'string' && message.length > 5),
            ).toBe(true);
            const after = await rowCounts(databases);
            expect(refused ? after : before).toEqual(before);
          },
        ),
        { numRuns: 25 },
      );
    },
    60_000,
  );
});
