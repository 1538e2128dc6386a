import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { settledPeople } from './people';

const user = (name: string, team?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: {},
  relations: team
    ? [{ type: 'memberOf', targetRef: `group:default/${team}` }]
    : [],
});

describe('settledPeople', () => {
  it('waits until the catalog gives the same people, each with a team, twice in a row', async () => {
    const entities: Entity[] = [user('b.one', 'checkout')];
    // The catalog as it fills up: whatever it holds at each call.
    const catalog = {
      getEntities: async () => ({ items: [...entities] }),
    } as unknown as CatalogService;
    const people = settledPeople(catalog, mockServices.auth());
    expect(await people()).toBeUndefined(); // first sight
    entities.push(user('a.two')); // still processing: no team yet
    expect(await people()).toBeUndefined();
    entities[1] = user('a.two', 'routing');
    expect(await people()).toBeUndefined(); // changed since the last call
    expect(await people()).toEqual([
      { userRef: 'user:default/a.two', teamRef: 'group:default/routing' },
      { userRef: 'user:default/b.one', teamRef: 'group:default/checkout' },
    ]);
  });
});
