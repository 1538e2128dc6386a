import path from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import request from 'supertest';
import catalogPlugin from '@backstage/plugin-catalog-backend';

const repoRoot = path.resolve(__dirname, '../../..');
const databases = pavedTestDatabases();
// Components in examples/golden-path-history.yaml (scripts/generate-demo-history.js).
const HISTORY = 109;

/**
 * The portal's catalog, on every supported database, ingesting the demo
 * organisation exactly as app-config.yaml configures it.
 */
describe.each(databases.eachSupportedId())(
  'demo organisation in the catalog on %p',
  databaseId => {
    let server: Parameters<typeof request>[0];

    beforeAll(async () => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                processingInterval: { seconds: 1 },
                rules: [
                  {
                    allow: [
                      'Component',
                      'System',
                      'API',
                      'Resource',
                      'Location',
                      'Domain',
                    ],
                  },
                ],
                locations: [
                  {
                    type: 'file',
                    target: path.join(repoRoot, 'examples/org.yaml'),
                    rules: [{ allow: ['User', 'Group'] }],
                  },
                  {
                    type: 'file',
                    target: path.join(repoRoot, 'examples/components.yaml'),
                  },
                  {
                    type: 'file',
                    target: path.join(repoRoot, 'catalog-info.yaml'),
                  },
                  {
                    type: 'file',
                    target: path.join(
                      repoRoot,
                      'examples/golden-path-history.yaml',
                    ),
                  },
                ],
              },
            },
          }),
        ],
      });
      server = backend.server;
    }, 60_000);

    async function entities() {
      const res = await request(server)
        .get('/api/catalog/entities/by-query')
        .query({ limit: 500 })
        .set('authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      return res.body.items as any[];
    }

    // Ingestion runs in the background; wait until every entity and its relations are in.
    async function ingested() {
      for (let attempt = 0; attempt < 120; attempt++) {
        const all = (await entities()).filter(e => e.kind !== 'Location');
        const relationsDone = all.every(
          e => e.kind !== 'User' || (e.relations ?? []).length > 0,
        );
        if (all.length >= 73 + HISTORY && relationsDone) return all;
        await new Promise(resolve => setTimeout(resolve, 500));
      }
      throw new Error('the demo organisation was not ingested within 60 s');
    }

    it('has six teams under engineering, forty people, and their software', async () => {
      const all = await ingested();
      const groups = all.filter(e => e.kind === 'Group');
      const teams = groups.filter(g => g.spec.type === 'team');
      expect(teams.map(t => t.metadata.name).sort()).toEqual([
        'checkout',
        'customer-apps',
        'data-insights',
        'fleet-ops',
        'platform-team',
        'routing',
      ]);
      expect(all.filter(e => e.kind === 'User')).toHaveLength(40);
      const components = all.filter(e => e.kind === 'Component');
      expect(components).toHaveLength(16 + HISTORY);
      // Every component says when it was created, so adoption history is exact.
      for (const c of components) {
        const createdAt = c.metadata.annotations?.['paved.dev/created-at'];
        expect({
          name: c.metadata.name,
          valid: !isNaN(Date.parse(createdAt)),
        }).toEqual({
          name: c.metadata.name,
          valid: true,
        });
      }
    }, 90_000);

    it('puts every person in a team and gives every component an existing owner', async () => {
      const all = await ingested();
      const refs = new Set(
        all.map(
          e =>
            `${e.kind.toLocaleLowerCase('en-US')}:default/${e.metadata.name}`,
        ),
      );
      for (const person of all.filter(e => e.kind === 'User')) {
        const teams = person.relations
          .filter((r: any) => r.type === 'memberOf')
          .map((r: any) => r.targetRef);
        expect(teams).toHaveLength(1);
        expect(refs.has(teams[0])).toBe(true);
      }
      for (const component of all.filter(e => e.kind === 'Component')) {
        const owners = component.relations
          .filter((r: any) => r.type === 'ownedBy')
          .map((r: any) => r.targetRef);
        expect(owners).toHaveLength(1);
        expect(refs.has(owners[0])).toBe(true);
      }
      const priya = all.find(e => e.metadata.name === 'priya.raman');
      expect(priya.relations).toContainEqual(
        expect.objectContaining({
          type: 'memberOf',
          targetRef: 'group:default/platform-team',
        }),
      );
    }, 90_000);
  },
);
