import request from 'supertest';
import { documentedAccess } from '../__testUtils__/accessPolicy';
import {
  IDENTITIES,
  Route,
  authorization,
  concretePath,
  routesOf,
  startPavedBackend,
} from '../__testUtils__/pavedTestBackend';

const key = (route: Route) => `${route.method} ${route.path}`;
// Backstage's own routes (auth cookies, keys, permission integration).
const isFramework = (route: Route) =>
  /\/\.backstage\/|\/\.well-known\/|^\/\.backstage/.test(route.path);

describe('the API access policy (docs/api-access.md)', () => {
  let server: Parameters<typeof request>[0];
  let routes: Route[];

  beforeAll(async () => {
    const started = await startPavedBackend();
    server = started.server;
    routes = routesOf(started.server).filter(route => !isFramework(route));
  }, 60_000);

  it('documents every route the routers serve, and only those', () => {
    const documented = documentedAccess().map(key).sort();
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map(key).sort()).toEqual(documented);
  });

  it('answers every route as documented for each caller, and never 5xx', async () => {
    const problems: string[] = [];
    for (const route of documentedAccess()) {
      for (const identity of IDENTITIES) {
        const call = (request(server) as any)[route.method.toLowerCase()](
          concretePath(route.path),
        );
        const header = authorization(identity);
        if (header) call.set('authorization', header);
        if (['POST', 'PUT', 'PATCH'].includes(route.method)) call.send({});
        const { status } = await call;
        const refused = status === 401 || status === 403;
        if (status >= 500) {
          problems.push(`${key(route)} as ${identity}: ${status}`);
        } else if (route.allowed[identity] === refused) {
          problems.push(
            `${key(route)} as ${identity}: ${status}, documented ${
              route.allowed[identity] ? 'allowed' : 'refused'
            }`,
          );
        }
        if (identity === 'anonymous' && status !== 401) {
          problems.push(
            `${key(route)} without credentials: ${status}, not 401`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
