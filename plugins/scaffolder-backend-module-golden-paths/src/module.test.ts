import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderModuleGoldenPaths from './index';

describe('scaffolder with the golden-paths module', () => {
  const root = createMockDirectory();

  it('lists the golden-path actions', async () => {
    const { server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleGoldenPaths,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            goldenPaths: { repositories: { directory: root.path } },
          },
        }),
      ],
    });

    const response = await fetch(
      `http://localhost:${server.port()}/api/scaffolder/v2/actions`,
      { headers: { authorization: mockCredentials.user.header() } },
    );
    expect(response.status).toBe(200);
    const actions: Array<{ id: string; schema: any }> = await response.json();
    const byId = new Map(actions.map(action => [action.id, action]));

    expect(
      Object.keys(
        byId.get('paved:component:check-name')?.schema.input.properties,
      ),
    ).toEqual(['name', 'namespace']);
    const publish = byId.get('paved:publish:local');
    expect(publish?.schema.input.required).toEqual(['name']);
    expect(Object.keys(publish?.schema.output.properties)).toEqual([
      'repoPath',
      'remoteUrl',
      'catalogInfoPath',
      'entityRef',
    ]);
    // The built-in actions the golden paths also use are still there.
    expect(byId.has('fetch:template')).toBe(true);
  });
});
