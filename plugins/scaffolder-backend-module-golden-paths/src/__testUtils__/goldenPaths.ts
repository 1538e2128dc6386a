import { Entity } from '@backstage/catalog-model';
import { parseEntityYaml } from '@backstage/plugin-catalog-node';
import fs from 'node:fs';
import path from 'node:path';

/** The repository's golden paths (examples/golden-paths). */
export const GOLDEN_PATHS_DIR = path.resolve(
  __dirname,
  '../../../../examples/golden-paths',
);

/** The golden paths there are, by folder (= template name). */
export const GOLDEN_PATHS = [
  'typescript-service',
  'react-web-app',
  'shared-library',
] as const;

/**
 * The entities in a YAML file, parsed the way the catalog parses them; throws
 * on a document that is not valid YAML or not an object.
 */
export function readEntities(file: string): Entity[] {
  const entities: Entity[] = [];
  const results = parseEntityYaml(fs.readFileSync(file), {
    type: 'file',
    target: file,
  });
  for (const result of results) {
    if (result.type === 'error') {
      throw result.error;
    }
    if (result.type === 'entity') {
      entities.push(result.entity);
    }
  }
  return entities;
}

/** The single entity a YAML file holds. */
export function readEntity(file: string): Entity {
  const entities = readEntities(file);
  if (entities.length !== 1) {
    throw new Error(`${file} holds ${entities.length} entities, not 1`);
  }
  return entities[0];
}

/** Every file under `dir`, as paths relative to it. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}
