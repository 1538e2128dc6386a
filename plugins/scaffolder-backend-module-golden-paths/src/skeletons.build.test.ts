import { createMockDirectory } from '@backstage/backend-test-utils';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { GOLDEN_PATHS } from './__testUtils__/goldenPaths';
import { startScaffolder, waitForTask } from './__testUtils__/scaffolder';

/**
 * A path is only golden if what it scaffolds works: each golden path is run
 * through the real scaffolder, then the new repository's own `npm install`,
 * `npm run build` and `npm test` run in it, with packages from the npm registry.
 * Slow (minutes), so the suite runs it as its own step (`./paved test`, CI);
 * set PAVED_BUILD_SKELETONS=1 to run it by hand.
 */
const run = promisify(execFile);
const enabled = Boolean(process.env.PAVED_BUILD_SKELETONS);

async function npm(cwd: string, args: string[]) {
  try {
    await run('npm', args, {
      cwd,
      env: {
        ...process.env,
        npm_config_audit: 'false',
        npm_config_fund: 'false',
      },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 15 * 60_000,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `npm ${args.join(' ')} failed in ${path.basename(cwd)}:\n${
        e.stderr || e.stdout || e.message
      }`.slice(0, 8000),
    );
  }
}

(enabled ? describe : describe.skip)(
  'what each golden path scaffolds installs, builds and passes its own tests',
  () => {
    const repositories = createMockDirectory();

    it.each(GOLDEN_PATHS)(
      '%s',
      async name => {
        const { api } = await startScaffolder(repositories.path);
        const repo = `built-${name}`;
        const created = await api('/tasks', {
          method: 'POST',
          body: JSON.stringify({
            templateRef: `template:default/${name}`,
            values: {
              name: repo,
              description: 'Built and tested by the Paved test suite.',
              owner: 'group:default/platform-team',
            },
          }),
        });
        expect(created.status).toBe(201);
        const task = await waitForTask(api, created.body.id);
        expect(task.status).toBe('completed');

        const dir = path.join(repositories.path, repo);
        await npm(dir, ['install', '--no-audit', '--no-fund']);
        await npm(dir, ['run', 'build']);
        await npm(dir, ['test']);
      },
      30 * 60_000,
    );
  },
);
