import { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertValidComponentName } from '../componentName';
import { commitEverything, GitIdentity } from './git';

/** Where repositories go when `goldenPaths.repositories.directory` is not set. */
export const DEFAULT_REPOSITORIES_DIRECTORY = '.data/repositories';

/**
 * The folder of local git repositories that golden-path runs publish to: one
 * repository per component, named after it.
 */
export class LocalRepositories {
  /**
   * Reads `goldenPaths.repositories.directory`, resolved against `cwd` (the
   * backend's working directory) when relative.
   */
  static fromConfig(
    config: Config,
    options: { cwd?: string } = {},
  ): LocalRepositories {
    const configured =
      config.getOptionalString('goldenPaths.repositories.directory') ??
      DEFAULT_REPOSITORIES_DIRECTORY;
    return new LocalRepositories(
      path.resolve(options.cwd ?? process.cwd(), configured),
    );
  }

  /** @param directory - absolute path of the folder holding the repositories */
  constructor(readonly directory: string) {}

  /** The folder a component's repository lives in; refuses invalid names. */
  pathFor(name: string): string {
    assertValidComponentName(name);
    return path.join(this.directory, name);
  }

  /** Whether anything (folder, file, link) already occupies the name's folder. */
  async exists(name: string): Promise<boolean> {
    try {
      await fs.lstat(this.pathFor(name));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return false;
      }
      throw error;
    }
  }

  /** Throws a `ConflictError` when the name's folder is already taken. */
  async assertAvailable(name: string): Promise<void> {
    if (await this.exists(name)) {
      throw new ConflictError(
        `A repository named "${name}" already exists at ${this.pathFor(
          name,
        )}; choose another name.`,
      );
    }
  }

  /**
   * Creates the repository `name` holding a copy of `sourceDir` in a single
   * commit, and returns its path. All or nothing: the repository is built in a
   * hidden sibling folder and renamed into place only once it is complete, so a
   * failure leaves no folder behind. Refuses a name whose folder exists.
   */
  async create(options: {
    name: string;
    sourceDir: string;
    defaultBranch: string;
    author: GitIdentity;
    message: string;
    /** Written to `.git/description`, where git tools look for one. */
    description?: string;
  }): Promise<string> {
    const { name, sourceDir, defaultBranch, author, message, description } =
      options;
    const repoPath = this.pathFor(name);
    await this.assertAvailable(name);
    const sourceStat = await fs.stat(sourceDir).catch(() => undefined);
    if (!sourceStat?.isDirectory()) {
      throw new InputError(`There is no folder to publish at ${sourceDir}.`);
    }

    await fs.mkdir(this.directory, { recursive: true });
    // A sibling, so that the final rename stays on one file system and is
    // atomic; hidden, and never a valid component name, so never mistaken for one.
    const partial = path.join(this.directory, `.${name}-${randomUUID()}`);
    await fs.mkdir(partial);
    try {
      await fs.cp(sourceDir, partial, {
        recursive: true,
        verbatimSymlinks: true,
        // Another repository's history inside the workspace is not ours to publish.
        filter: source => path.basename(source) !== '.git',
      });
      await commitEverything({
        dir: partial,
        branch: defaultBranch,
        identity: author,
        message,
      });
      if (description) {
        await fs.writeFile(
          path.join(partial, '.git', 'description'),
          `${description}\n`,
        );
      }
      if (await this.exists(name)) {
        throw new ConflictError(
          `A repository named "${name}" was created at ${repoPath} while this one was being built.`,
        );
      }
      await fs.rename(partial, repoPath);
    } catch (error) {
      await fs.rm(partial, { recursive: true, force: true });
      throw error;
    }
    return repoPath;
  }

  /** Deletes the repository `name`, if there is one. */
  async remove(name: string): Promise<void> {
    await fs.rm(this.pathFor(name), { recursive: true, force: true });
  }
}
