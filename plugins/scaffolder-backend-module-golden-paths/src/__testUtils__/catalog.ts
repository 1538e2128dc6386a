import { Entity } from '@backstage/catalog-model';

/**
 * What the catalog answers when it has registered a location: outside dry runs
 * the entities are empty, as the real catalog leaves them.
 */
export function locationAdded(target: string, entities: Entity[] = []) {
  return {
    location: {
      id: 'location-1',
      type: 'file',
      target,
      entityRef: 'location:default/generated-golden-path',
    },
    entities,
  };
}
