import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Throws a `ConflictError` when the catalog already has the Component
 * `namespace/name`, looked up as the person running the template.
 */
export async function assertComponentNotInCatalog(options: {
  catalog: CatalogService;
  credentials: BackstageCredentials;
  name: string;
  namespace: string;
}): Promise<void> {
  const { catalog, credentials, name, namespace } = options;
  const ref = stringifyEntityRef({ kind: 'component', namespace, name });
  const existing = await catalog.getEntityByRef(ref, { credentials });
  if (existing) {
    const owner = existing.spec?.owner
      ? `, owned by ${existing.spec.owner}`
      : '';
    throw new ConflictError(
      `The catalog already has a component named "${name}" (${ref}${owner}); choose another name.`,
    );
  }
}
