import { makeValidator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  assertValidComponentName,
  COMPONENT_NAME_MAX_LENGTH,
  COMPONENT_NAME_MIN_LENGTH,
} from '../componentName';
import { LocalRepositories } from '../repositories/LocalRepositories';
import { assertComponentNotInCatalog } from './assertComponentNotInCatalog';

/** The id of the action that refuses an unusable or taken component name. */
export const CHECK_NAME_ACTION_ID = 'paved:component:check-name';

/**
 * `paved:component:check-name`: fails the run, before anything is written, when
 * the name is not a valid component name, is already a Component in the catalog,
 * or already has a repository folder.
 */
export function createCheckNameAction(options: {
  catalog: CatalogService;
  repositories: LocalRepositories;
}) {
  const { catalog, repositories } = options;
  return createTemplateAction({
    id: CHECK_NAME_ACTION_ID,
    description:
      'Refuses a component name that is invalid, already in the catalog, or already has a repository. Writes nothing.',
    supportsDryRun: true,
    examples: [
      {
        description: 'Check the name the user entered',
        example: [
          'steps:',
          '  - id: check-name',
          '    action: paved:component:check-name',
          '    input:',
          '      name: ${{ parameters.name }}',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        name: z =>
          z
            .string()
            .describe(
              `The component name: lowercase letters, digits and single hyphens, ${COMPONENT_NAME_MIN_LENGTH}-${COMPONENT_NAME_MAX_LENGTH} characters`,
            ),
        namespace: z =>
          z
            .string()
            .optional()
            .describe('The catalog namespace (default "default")'),
      },
    },
    async handler(ctx) {
      const { name } = ctx.input;
      const namespace = ctx.input.namespace ?? 'default';
      assertValidComponentName(name);
      if (!makeValidator().isValidNamespace(namespace)) {
        throw new InputError(
          `The namespace ${JSON.stringify(
            namespace,
          )} is not a valid catalog namespace.`,
        );
      }
      await assertComponentNotInCatalog({
        catalog,
        credentials: await ctx.getInitiatorCredentials(),
        name,
        namespace,
      });
      await repositories.assertAvailable(name);
      ctx.logger.info(`The name "${name}" is free.`);
    },
  });
}
