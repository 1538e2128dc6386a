import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  ANNOTATION_LOCATION,
  Entity,
  UserEntity,
  parseEntityRef,
} from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import path from 'node:path';
import scaffolderModuleGoldenPaths from '../index';
import { GOLDEN_PATHS, GOLDEN_PATHS_DIR, readEntity } from './goldenPaths';

/**
 * The real scaffolder with this module, publishing into `repositoriesDir`; only
 * the catalog is a stand-in, holding the golden paths' templates and Priya.
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

/** A golden path's template as the catalog holds it (with its location). */
export function templateEntity(name: string): Entity {
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

/** Starts the scaffolder; `api` calls its /v2 routes as Priya. */
export async function startScaffolder(repositoriesDir: string) {
  const catalog = catalogServiceMock({
    entities: [priya, ...GOLDEN_PATHS.map(templateEntity)],
  });
  // The module never registers locations; it announces new repositories.
  const addLocation = jest.spyOn(catalog, 'addLocation');
  // The catalog's local-repositories provider, as the action sees it: a
  // component is listed once its repository has been announced.
  const announced = new Set<string>();
  const events = {
    publish: jest.fn(
      async (params: { eventPayload: unknown }): Promise<void> => {
        announced.add((params.eventPayload as { entityRef: string }).entityRef);
      },
    ),
    subscribe: jest.fn(async () => {}),
  };
  const lookUp = catalog.getEntityByRef.bind(catalog);
  jest
    .spyOn(catalog, 'getEntityByRef')
    .mockImplementation(async (ref, options) => {
      if (typeof ref === 'string' && announced.has(ref)) {
        const { name, namespace } = parseEntityRef(ref);
        return {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name, namespace },
        };
      }
      return lookUp(ref, options!);
    });
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
          goldenPaths: { repositories: { directory: repositoriesDir } },
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

/** Waits until a task has finished; returns it. */
export async function waitForTask(
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
