import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  ANNOTATION_LOCATION,
  Entity,
  UserEntity,
} from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  GOLDEN_PATHS,
  GOLDEN_PATHS_DIR,
  readEntity,
} from './__testUtils__/goldenPaths';
import scaffolderModuleGoldenPaths, {
  REPOSITORY_PUBLISHED_TOPIC,
} from './index';

/**
 * Runs each golden path end to end through the real scaffolder: its parameter
 * validation, fetch:template rendering the skeleton, and this module's actions.
 * Only the catalog is a stand-in, holding the templates and the people.
 */

const priya: UserEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'priya.raman', namespace: 'default' },
  spec: {
    profile: { displayName: 'Priya Raman', email: 'priya@lumen.example' },
    memberOf: ['platform-team'],
  },
};

function templateEntity(name: string): Entity {
  const file = path.join(GOLDEN_PATHS_DIR, name, 'template.yaml');
  const entity = readEntity(file);
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      namespace: 'default',
      // What the catalog adds; the scaffolder resolves ./skeleton against it.
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_LOCATION]: `file:${file}`,
      },
    },
  };
}

describe('the golden paths, run through the scaffolder', () => {
  const repositories = createMockDirectory();

  async function startScaffolder() {
    const catalog = catalogServiceMock({
      entities: [priya, ...GOLDEN_PATHS.map(templateEntity)],
    });
    const addLocation = jest.spyOn(catalog, 'addLocation');
    const events = {
      publish: jest.fn(async () => {}),
      subscribe: jest.fn(async () => {}),
    };
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleGoldenPaths,
        createServiceFactory({
          service: catalogServiceRef,
          deps: {},
          factory: () => catalog,
        }),
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => events,
        }),
        mockServices.rootConfig.factory({
          data: {
            goldenPaths: { repositories: { directory: repositories.path } },
          },
        }),
      ],
    });
    const api = async (route: string, init: RequestInit = {}) => {
      const response = await fetch(
        `http://localhost:${server.port()}/api/scaffolder/v2${route}`,
        {
          ...init,
          headers: {
            'content-type': 'application/json',
            authorization: mockCredentials.user.header(
              'user:default/priya.raman',
            ),
          },
        },
      );
      return { status: response.status, body: await response.json() };
    };
    return { api, addLocation, publish: events.publish };
  }

  async function waitForTask(
    api: Awaited<ReturnType<typeof startScaffolder>>['api'],
    taskId: string,
  ) {
    for (;;) {
      const { body } = await api(`/tasks/${taskId}`);
      if (!['open', 'processing'].includes(body.status)) {
        return body;
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }

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
      { ...values, name: '../../etc' },
      { ...values, name: 'Foo' },
      { ...values, name: 'ab' },
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
    expect(publish).not.toHaveBeenCalled();
  });
});
