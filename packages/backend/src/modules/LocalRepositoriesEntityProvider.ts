import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
  parseEntityYaml,
} from '@backstage/plugin-catalog-node';
import { CATALOG_INFO_FILE } from '@paved/plugin-scaffolder-backend-module-golden-paths';
import { constants } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

/** What a service's repository may declare; a Location could point anywhere. */
export const LOCAL_REPOSITORY_KINDS = [
  'component',
  'api',
  'resource',
  'system',
];

/** The largest catalog-info.yaml the provider reads. */
const MAX_FILE_BYTES = 256 * 1024;

/**
 * Feeds the catalog the `catalog-info.yaml` at the top of each repository in the
 * golden paths' repositories directory, and nothing else: each file's real
 * path (symlinks resolved) must lie inside the directory, and only the kinds
 * a service declares are accepted. The catalog never reads these files
 * itself, so no `file` location is ever registered for them.
 */
export class LocalRepositoriesEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  /** @param directory - absolute path of the repositories directory */
  constructor(
    private readonly directory: string,
    private readonly logger: LoggerService,
  ) {}

  getProviderName(): string {
    return 'paved-local-repositories';
  }

  /** Called by the catalog when it starts: reads the directory once. */
  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.refresh().catch(error =>
      this.logger.warn(`Could not read the local repositories: ${error}`),
    );
  }

  /**
   * Rescans the directory and replaces everything this provider emitted; does
   * nothing before the catalog has connected it.
   */
  async refresh(): Promise<void> {
    if (!this.connection) return;
    const entities = await this.readAll();
    await this.connection.applyMutation({ type: 'full', entities });
  }

  /** The entities of every repository that passes the checks. */
  async readAll(): Promise<DeferredEntity[]> {
    let root: string;
    let names: string[];
    try {
      root = await fs.realpath(this.directory);
      names = (await fs.readdir(root)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entities: DeferredEntity[] = [];
    for (const name of names) {
      // Hidden entries are repositories still being built (see LocalRepositories).
      if (name.startsWith('.')) continue;
      const file = await this.safeFile(root, name);
      if (!file) continue;
      for (const entity of await this.readEntities(file)) {
        entities.push({
          entity,
          locationKey: `${this.getProviderName()}:${name}`,
        });
      }
    }
    return entities;
  }

  // The real path of <root>/<name>/catalog-info.yaml when it is a regular file
  // inside root; undefined (and a warning when it is not absent) otherwise.
  private async safeFile(root: string, name: string) {
    const candidate = path.join(root, name, CATALOG_INFO_FILE);
    let real: string;
    try {
      real = await fs.realpath(candidate);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        this.logger.warn(`Skipped ${candidate}: ${error}`);
      }
      return undefined;
    }
    // Only a catalog-info.yaml at the top of a repository in root, wherever
    // the links lead: never a file outside root, nor another file inside it.
    if (
      path.dirname(path.dirname(real)) !== root ||
      path.basename(real) !== CATALOG_INFO_FILE
    ) {
      this.logger.warn(
        `Refused ${candidate}: it resolves to ${real}, which is not a ${CATALOG_INFO_FILE} of a repository in ${root}`,
      );
      return undefined;
    }
    return real;
  }

  private async readEntities(file: string): Promise<Entity[]> {
    let content: string;
    try {
      // O_NOFOLLOW: a link swapped in after the check is not followed either.
      const handle = await fs.open(
        file,
        constants.O_RDONLY | constants.O_NOFOLLOW,
      );
      try {
        const stat = await handle.stat();
        if (!stat.isFile() || stat.size > MAX_FILE_BYTES) {
          this.logger.warn(
            `Refused ${file}: not a regular file of at most ${MAX_FILE_BYTES} bytes`,
          );
          return [];
        }
        content = await handle.readFile('utf8');
      } finally {
        await handle.close();
      }
    } catch (error) {
      this.logger.warn(`Could not read ${file}: ${error}`);
      return [];
    }

    const location = `file:${file}`;
    const entities: Entity[] = [];
    for (const result of parseEntityYaml(content, {
      type: 'file',
      target: file,
    })) {
      if (result.type === 'error') {
        this.logger.warn(
          `Skipped an entity in ${file}: ${result.error.message}`,
        );
        continue;
      }
      if (result.type !== 'entity') continue;
      const { entity } = result;
      const kind = String(entity.kind ?? '').toLocaleLowerCase('en-US');
      if (!LOCAL_REPOSITORY_KINDS.includes(kind)) {
        this.logger.warn(
          `Refused a ${
            entity.kind
          } in ${file}: a repository may declare only ${LOCAL_REPOSITORY_KINDS.join(
            ', ',
          )}`,
        );
        continue;
      }
      entities.push({
        ...entity,
        metadata: {
          ...entity.metadata,
          annotations: {
            ...entity.metadata?.annotations,
            [ANNOTATION_LOCATION]: location,
            [ANNOTATION_ORIGIN_LOCATION]: location,
          },
        },
      });
    }
    return entities;
  }
}
