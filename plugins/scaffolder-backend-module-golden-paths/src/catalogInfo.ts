import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { parseEntityYaml } from '@backstage/plugin-catalog-node';
import fs from 'node:fs/promises';
import path from 'node:path';

/** The file a golden path's skeleton describes its component in. */
export const CATALOG_INFO_FILE = 'catalog-info.yaml';

/**
 * The Component that `<dir>/catalog-info.yaml` declares: the one named `name`
 * if there is one, else the first. Read before publishing, so that a skeleton
 * without a valid Component is refused before anything is written.
 */
export async function readCatalogInfoComponent(
  dir: string,
  name: string,
): Promise<Entity> {
  const file = path.join(dir, CATALOG_INFO_FILE);
  let content: string;
  try {
    content = await fs.readFile(file, 'utf8');
  } catch {
    throw new InputError(
      `There is no ${CATALOG_INFO_FILE} to register at ${file}.`,
    );
  }

  const components: Entity[] = [];
  for (const result of parseEntityYaml(content, {
    type: 'file',
    target: file,
  })) {
    if (result.type === 'error') {
      throw new InputError(
        `${CATALOG_INFO_FILE} is not valid: ${result.error.message}`,
      );
    }
    if (
      result.type === 'entity' &&
      result.entity.kind?.toLocaleLowerCase('en-US') === 'component' &&
      typeof result.entity.metadata?.name === 'string'
    ) {
      components.push(result.entity);
    }
  }
  const component =
    components.find(entity => entity.metadata?.name === name) ?? components[0];
  if (!component) {
    throw new InputError(
      `${CATALOG_INFO_FILE} declares no Component with a name.`,
    );
  }
  return component;
}

/** The Component's entity ref, e.g. `component:default/orders-api`. */
export function componentRef(component: Entity): string {
  return stringifyEntityRef({
    kind: 'component',
    namespace: component.metadata.namespace,
    name: component.metadata.name,
  });
}
