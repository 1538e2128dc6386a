import { execFile } from 'node:child_process';
import os from 'node:os';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Who a commit is attributed to. */
export interface GitIdentity {
  name: string;
  email: string;
}

/**
 * The environment git runs in: only what it needs, with the machine's and the
 * user's git configuration switched off, so that a developer's global hooks,
 * signing keys or templates never leak into a repository the portal creates, and
 * a GIT_DIR inherited from the backend's own environment cannot redirect it.
 */
function gitEnvironment(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: process.env.HOME ?? os.tmpdir(),
    LANG: 'C',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_TERMINAL_PROMPT: '0',
  };
}

/** Runs `git` with `args` in `cwd`; the error names the command and git's message. */
export async function runGit(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync('git', args, {
      cwd,
      env: gitEnvironment(),
      timeout: 60_000,
      maxBuffer: 10 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    const reason = stderr || (error as Error).message;
    throw new Error(`git ${args[0]} failed: ${reason}`);
  }
}

/**
 * Makes `dir` a git repository on `branch` whose single commit holds every file
 * in it, authored and committed as `identity`.
 */
export async function commitEverything(options: {
  dir: string;
  branch: string;
  identity: GitIdentity;
  message: string;
}): Promise<void> {
  const { dir, branch, identity, message } = options;
  await runGit(dir, ['init', '--quiet', `--initial-branch=${branch}`]);
  await runGit(dir, ['add', '--all']);
  await runGit(dir, [
    '-c',
    `user.name=${identity.name}`,
    '-c',
    `user.email=${identity.email}`,
    '-c',
    'commit.gpgsign=false',
    'commit',
    '--quiet',
    '--no-verify',
    '--message',
    message,
  ]);
}
