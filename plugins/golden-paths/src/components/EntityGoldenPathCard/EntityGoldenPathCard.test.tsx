import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { goldenPathsApiRef } from '../../api/GoldenPathsApi';
import { rootRouteRef } from '../../routes';
import { fakeGoldenPathsApi, makePath } from '../../__testUtils__/fixtures';
import { EntityGoldenPathCard } from './EntityGoldenPathCard';

const component = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'detour-ui', namespace: 'default', annotations },
  spec: { type: 'website', owner: 'routing', lifecycle: 'production' },
});

async function renderCard(entity: Entity) {
  const api = fakeGoldenPathsApi([
    makePath({
      name: 'react-web-app',
      title: 'React web app',
      version: '1.4.0',
    }),
  ]);
  await renderInTestApp(
    <TestApiProvider apis={[[goldenPathsApiRef, api]]}>
      <EntityProvider entity={entity}>
        <EntityGoldenPathCard />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/golden-paths': rootRouteRef } },
  );
  return api;
}

describe('EntityGoldenPathCard', () => {
  it('names the path and version a component came from, and that a newer version exists', async () => {
    const api = await renderCard(
      component({
        'backstage.io/source-template': 'template:default/react-web-app',
        'paved.dev/golden-path-version': '1.0.0',
      }),
    );
    expect(
      await screen.findByText(/A newer version of the path exists: 1\.4\.0/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Created from the golden path/)).toHaveTextContent(
      'Created from the golden path React web app, version 1.0.0.',
    );
    expect(screen.getByRole('link', { name: 'React web app' })).toHaveAttribute(
      'href',
      '/golden-paths/default/react-web-app',
    );
    expect(api.getPath).toHaveBeenCalledWith('default', 'react-web-app');
  });

  it('says when a component is up to date', async () => {
    await renderCard(
      component({
        'backstage.io/source-template': 'react-web-app',
        'paved.dev/golden-path-version': '1.4.0',
      }),
    );
    expect(
      await screen.findByText(
        "Up to date: 1.4.0 is the path's current version.",
      ),
    ).toBeInTheDocument();
  });

  it('says when the template is not an approved golden path', async () => {
    await renderCard(
      component({ 'backstage.io/source-template': 'template:default/legacy' }),
    );
    expect(
      await screen.findByText(
        'Created from the template legacy, which is not an approved golden path.',
      ),
    ).toBeInTheDocument();
  });
});
