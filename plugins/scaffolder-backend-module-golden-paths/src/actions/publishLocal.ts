import {
  BackstageCredentials,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { UserEntity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CATALOG_INFO_FILE,
  componentRef,
  readCatalogInfoComponent,
} from '../catalogInfo';
import { assertValidComponentName } from '../componentName';
import { GitIdentity } from '../repositories/git';
import { LocalRepositories } from '../repositories/LocalRepositories';
import { assertComponentNotInCatalog } from './assertComponentNotInCatalog';

/**
 * The events-service topic a new local repository is announced on; the
 * catalog's local-repositories provider refreshes when it hears it.
 */
export const REPOSITORY_PUBLISHED_TOPIC =
  'paved.golden-paths.repository-published';

/** What is published on {@link REPOSITORY_PUBLISHED_TOPIC}. */
export interface RepositoryPublishedEvent {
  /** The repository's folder name in the repositories directory. */
  name: string;
  /** The Component its catalog-info.yaml declares. */
  entityRef: string;
}

/** How long `paved:publish:local` waits for the catalog to list the new component. */
export const DEFAULT_CATALOG_WAIT = { timeoutMs: 30_000, intervalMs: 500 };

// True once the catalog serves the entity (to the person who ran the
// template), false when it still does not after the timeout.
async function waitUntilListed(
  catalog: CatalogService,
  entityRef: string,
  credentials: BackstageCredentials,
  wait: { timeoutMs: number; intervalMs: number },
): Promise<boolean> {
  const deadline = Date.now() + wait.timeoutMs;
  for (;;) {
    const entity = await catalog
      .getEntityByRef(entityRef, { credentials })
      .catch(() => undefined);
    if (entity) return true;
    if (Date.now() + wait.intervalMs > deadline) return false;
    await new Promise(resolve => setTimeout(resolve, wait.intervalMs));
  }
}

/** The id of the action that publishes the workspace as a local repository. */
export const PUBLISH_LOCAL_ACTION_ID = 'paved:publish:local';

/** Who the initial commit is attributed to when the user has no email. */
export const SCAFFOLDER_IDENTITY: GitIdentity = {
  name: 'Paved Scaffolder',
  email: 'scaffolder@paved.local',
};

/**
 * The person who ran the template, as a commit author: their profile's display
 * name (or entity name) and email; the scaffolder itself when there is no email.
 */
export function commitAuthorFor(user?: { entity?: UserEntity }): GitIdentity {
  const entity = user?.entity;
  const email = entity?.spec?.profile?.email?.trim();
  if (!entity || !email) {
    return SCAFFOLDER_IDENTITY;
  }
  const name =
    entity.spec.profile?.displayName?.trim() ||
    entity.metadata.title?.trim() ||
    entity.metadata.name;
  return { name, email };
}

/**
 * `paved:publish:local`: publishes the workspace (or a folder in it) as a new git
 * repository in the repositories folder, all or nothing, and tells the catalog
 * through the events service. The catalog reads the repository's
 * catalog-info.yaml through its local-repositories entity provider, never
 * through a `file` location registered by a user.
 */
export function createPublishLocalAction(options: {
  catalog: CatalogService;
  repositories: LocalRepositories;
  events: EventsService;
  /**
   * How long the action waits for the catalog to list the new component, so
   * that the run's "Open in catalog" link finds it (default 30 s; it is not an
   * error when it takes longer: the component appears at the next scan).
   */
  catalogWait?: { timeoutMs: number; intervalMs: number };
}) {
  const { catalog, repositories, events } = options;
  const catalogWait = options.catalogWait ?? DEFAULT_CATALOG_WAIT;
  return createTemplateAction({
    id: PUBLISH_LOCAL_ACTION_ID,
    description:
      'Publishes the workspace as a new local git repository named after the component, all or nothing; the catalog picks up its catalog-info.yaml within seconds.',
    examples: [
      {
        description: 'Publish the rendered skeleton',
        example: [
          'steps:',
          '  - id: publish',
          '    action: paved:publish:local',
          '    input:',
          '      name: ${{ parameters.name }}',
          '      description: ${{ parameters.description }}',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        name: z =>
          z
            .string()
            .describe('The component name; also the repository folder name'),
        description: z =>
          z
            .string()
            .optional()
            .describe("The repository's description (.git/description)"),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'The folder inside the workspace to publish (default: the whole workspace)',
            ),
        defaultBranch: z =>
          z
            .string()
            .optional()
            .describe('The branch of the initial commit (default "main")'),
      },
      output: {
        repoPath: z =>
          z.string().describe('Absolute path of the new repository'),
        remoteUrl: z =>
          z.string().describe('file:// URL to clone the repository from'),
        catalogInfoPath: z =>
          z
            .string()
            .describe(
              "Absolute path of the new repository's catalog-info.yaml",
            ),
        entityRef: z =>
          z
            .string()
            .describe(
              'The Component the repository declares, e.g. component:default/x',
            ),
      },
    },
    async handler(ctx) {
      const { name, description } = ctx.input;
      const defaultBranch = ctx.input.defaultBranch ?? 'main';
      assertValidComponentName(name);
      // Throws NotAllowedError for a path that leaves the workspace.
      const sourceDir = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.sourcePath ?? '.',
      );
      const credentials = await ctx.getInitiatorCredentials();

      const component = await readCatalogInfoComponent(sourceDir, name);
      await repositories.assertAvailable(name);
      await assertComponentNotInCatalog({
        catalog,
        credentials,
        name: component.metadata.name,
        namespace: component.metadata.namespace ?? 'default',
      });

      const template =
        ctx.templateInfo?.entity?.metadata.title ?? ctx.templateInfo?.entityRef;
      const repoPath = await repositories.create({
        name,
        sourceDir,
        defaultBranch,
        description,
        author: commitAuthorFor(ctx.user),
        message: template
          ? `Create ${name} from the ${template} golden path`
          : `Create ${name}`,
      });
      ctx.logger.info(`Created the repository ${repoPath}`);

      const catalogInfoPath = path.join(repoPath, CATALOG_INFO_FILE);
      const entityRef = componentRef(component);
      // The catalog's provider also rescans periodically, so a lost event only
      // delays the new service; the repository itself is complete.
      const event: RepositoryPublishedEvent = { name, entityRef };
      await events
        .publish({ topic: REPOSITORY_PUBLISHED_TOPIC, eventPayload: event })
        .then(
          () => ctx.logger.info(`Told the catalog about ${entityRef}`),
          error =>
            ctx.logger.warn(
              `Could not tell the catalog about ${entityRef} (${error}); it appears at the next periodic scan`,
            ),
        );

      const listed = await waitUntilListed(
        catalog,
        entityRef,
        credentials,
        catalogWait,
      );
      if (listed) {
        ctx.logger.info(`The catalog lists ${entityRef}`);
      } else {
        ctx.logger.warn(
          `The catalog does not list ${entityRef} yet (waited ${
            catalogWait.timeoutMs / 1000
          } s); it appears at its next scan`,
        );
      }

      ctx.output('repoPath', repoPath);
      ctx.output('remoteUrl', pathToFileURL(repoPath).href);
      ctx.output('catalogInfoPath', catalogInfoPath);
      ctx.output('entityRef', entityRef);
    },
  });
}
