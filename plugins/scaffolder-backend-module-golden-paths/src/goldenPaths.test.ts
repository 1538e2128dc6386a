import { createMockDirectory } from '@backstage/backend-test-utils';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { GOLDEN_PATHS, readEntity } from './__testUtils__/goldenPaths';
import { REPOSITORY_PUBLISHED_TOPIC } from './index';
import {
  startScaffolder as startScaffolderIn,
  templateEntity,
  waitForTask,
} from './__testUtils__/scaffolder';

/**
 * Runs each golden path end to end through the real scaffolder: its parameter
 * validation, fetch:template rendering the skeleton, and this module's actions.
 * Only the catalog is a stand-in, holding the templates and the people.
 */

describe('the golden paths, run through the scaffolder', () => {
  const repositories = createMockDirectory();
  const startScaffolder = () => startScaffolderIn(repositories.path);

  beforeEach(() => repositories.clear());

  it.each(GOLDEN_PATHS)(
    'creates a %s repository and tells the catalog',
    async name => {
      const { api, addLocation, publish } = await startScaffolder();
      const created = await api('/tasks', {
        method: 'POST',
        body: JSON.stringify({
          templateRef: `template:default/${name}`,
          values: {
            name: 'lumen-thing',
            description: 'Tracks "things": quotes, colons and all',
            owner: 'group:default/platform-team',
          },
        }),
      });
      expect(created.status).toBe(201);

      const task = await waitForTask(api, created.body.id);
      const events = await api(`/tasks/${created.body.id}/events`);
      const failures = events.body
        .filter((event: any) => event.body?.error)
        .map((event: any) => event.body.error.message);
      expect(failures).toEqual([]);
      expect(task.status).toBe('completed');

      const repoPath = path.join(repositories.path, 'lumen-thing');
      const catalogInfoPath = path.join(repoPath, 'catalog-info.yaml');
      expect(fs.readdirSync(repositories.path)).toEqual(['lumen-thing']);
      expect(
        execFileSync('git', ['log', '--format=%an <%ae>|%s'], {
          cwd: repoPath,
          encoding: 'utf8',
        }).trim(),
      ).toMatch(/^Priya Raman <priya@lumen.example>\|Create lumen-thing from /);
      expect(addLocation).not.toHaveBeenCalled();
      expect(publish).toHaveBeenCalledWith({
        topic: REPOSITORY_PUBLISHED_TOPIC,
        eventPayload: {
          name: 'lumen-thing',
          entityRef: 'component:default/lumen-thing',
        },
      });

      // The rendered catalog-info is what the catalog will read.
      const component = readEntity(catalogInfoPath);
      const template = templateEntity(name);
      expect(component.metadata).toMatchObject({
        name: 'lumen-thing',
        description: 'Tracks "things": quotes, colons and all',
        annotations: {
          'backstage.io/source-template': `template:default/${name}`,
          'paved.dev/golden-path-version':
            template.metadata.annotations?.['paved.dev/golden-path-version'],
        },
      });
      expect(component.spec).toMatchObject({
        owner: 'group:default/platform-team',
        lifecycle: 'experimental',
      });
      const pkg = JSON.parse(
        fs.readFileSync(path.join(repoPath, 'package.json'), 'utf8'),
      );
      expect(pkg.name).toBe('lumen-thing');

      const output = await api(`/tasks/${created.body.id}`);
      expect(output.body.status).toBe('completed');
    },
    30_000,
  );

  it('refuses bad input before running anything', async () => {
    const { api, publish } = await startScaffolder();
    const values = {
      name: 'lumen-thing',
      description: 'Fine',
      owner: 'group:default/platform-team',
    };
    for (const bad of [
      { ...values, owner: 'user:default/priya.raman' },
      { ...values, description: 'x'.repeat(201) },
      { name: values.name, owner: values.owner },
    ]) {
      const response = await api('/tasks', {
        method: 'POST',
        body: JSON.stringify({
          templateRef: 'template:default/typescript-service',
          values: bad,
        }),
      });
      expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
    }
    expect(fs.readdirSync(repositories.path)).toEqual([]);
    expect(publish).not.toHaveBeenCalledWith(
      expect.objectContaining({ topic: REPOSITORY_PUBLISHED_TOPIC }),
    );
  });

  it('stops a run at its first step when the name breaks the rule, saying the rule in words', async () => {
    const { api, publish } = await startScaffolder();
    for (const name of ['../../etc', 'Foo', 'ab']) {
      const created = await api('/tasks', {
        method: 'POST',
        body: JSON.stringify({
          templateRef: 'template:default/typescript-service',
          values: {
            name,
            description: 'Fine',
            owner: 'group:default/platform-team',
          },
        }),
      });
      expect(created.status).toBe(201);
      const task = await waitForTask(api, created.body.id);
      expect(task.status).toBe('failed');
      const events = await api(`/tasks/${created.body.id}/events`);
      const failedStep = events.body.find(
        (event: any) => event.body?.status === 'failed' && event.body?.stepId,
      );
      expect(failedStep.body.stepId).toBe('check-name');
      expect(JSON.stringify(events.body)).toMatch(
        /lowercase letters and digits|too short/,
      );
    }
    expect(fs.readdirSync(repositories.path)).toEqual([]);
    expect(publish).not.toHaveBeenCalledWith(
      expect.objectContaining({ topic: REPOSITORY_PUBLISHED_TOPIC }),
    );
  }, 30_000);
});
