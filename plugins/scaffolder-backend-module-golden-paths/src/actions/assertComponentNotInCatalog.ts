import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { takenNameProblem } from '@paved/plugin-golden-paths-common';

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
    throw new ConflictError(
      takenNameProblem(name, {
        ref,
        owner: existing.spec?.owner as string | undefined,
      }),
    );
  }
}
