import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import request from 'supertest';
import { researchPlugin } from './plugin';

const user = (name: string, team: string, start?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: {
    name,
    namespace: 'default',
    annotations: start ? { 'paved.dev/joined-at': start } : undefined,
  },
  spec: { profile: { displayName: name }, memberOf: [team] },
  relations: [{ type: 'memberOf', targetRef: `group:default/${team}` }],
});

// The whole plugin, wired as the portal wires it, on an in-memory database.
describe('research plugin', () => {
  it('starts, serves its API, and recruits from the catalog without the platform team', async () => {
    const backend = await startTestBackend({
      features: [
        researchPlugin,
        catalogServiceMock.factory({
          entities: [
            user('priya.raman', 'platform-team', '2020-02-03'),
            user('jonas.weber', 'checkout', '2021-04-12'),
            user('amara.nwosu', 'checkout', '2026-09-14'),
            user('mateo.garcia', 'fleet-ops'),
          ],
        }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            research: { schedule: { enabled: false } },
          },
        }),
      ],
    });
    const server = backend.server;
    const pm = mockCredentials.user.header('user:default/priya.raman');

    const created = await request(server)
      .post('/api/research/studies')
      .set('authorization', pm)
      .send({ title: 'Setting up a new service', quarter: '2026-Q4' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ goal: 8, status: 'under-way' });

    const proposal = await request(server)
      .get(`/api/research/studies/${created.body.id}/recruiting`)
      .set('authorization', pm);
    expect(proposal.status).toBe(200);
    const tenure = Object.fromEntries(
      proposal.body.candidates.map((c: any) => [c.userRef, c.tenure]),
    );
    expect(tenure).toEqual({
      'user:default/jonas.weber': 'long-standing',
      'user:default/amara.nwosu': expect.stringMatching(
        /new-joiner|long-standing/,
      ),
      'user:default/mateo.garcia': 'unknown',
    });

    const volunteer = await request(server)
      .put('/api/research/volunteer')
      .set(
        'authorization',
        mockCredentials.user.header('user:default/jonas.weber'),
      )
      .send({});
    expect(volunteer.body).toEqual({ volunteering: true });

    const demand = await request(server)
      .get(
        '/api/research/item-demand?item=11111111-1111-4111-8111-111111111111',
      )
      .set('authorization', mockCredentials.service.header());
    expect(demand.body).toEqual({ items: [] });
    await backend.stop();
  });
});
