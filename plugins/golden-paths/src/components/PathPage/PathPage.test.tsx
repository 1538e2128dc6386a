import { screen, within } from '@testing-library/react';
import { GoldenPathDetail } from '@paved/plugin-golden-paths-common';
import {
  fakeGoldenPathsApi,
  makeDetail,
  makeService,
  notFoundError,
  renderGoldenPaths,
} from '../../__testUtils__/fixtures';
import { Router } from '../GoldenPathsPage';

async function renderPathPage(detail: GoldenPathDetail) {
  const api = fakeGoldenPathsApi([], {
    getPath: jest.fn().mockResolvedValue(detail),
  });
  await renderGoldenPaths(<Router />, {
    api,
    path: `/${detail.namespace}/${detail.name}`,
  });
  await screen.findByRole('heading', { name: detail.title, level: 1 });
  return api;
}

describe('PathPage', () => {
  it('shows the path, its guide and its services, older versions marked', async () => {
    const api = await renderPathPage(
      makeDetail({
        namespace: 'payments',
        name: 'java-service',
        title: 'Java service',
        version: '2.0.0',
        services: [
          makeService({
            entityRef: 'component:payments/ledger',
            title: 'Ledger',
            owner: 'group:payments/ledger-team',
            templateVersion: '2.0.0',
          }),
          makeService({
            entityRef: 'component:default/refunds',
            title: 'Refunds',
            owner: null,
            templateVersion: '1.4.2',
            outdated: true,
            firstSeenAt: '2026-03-09T12:00:00Z',
          }),
        ],
      }),
    );
    expect(api.getPath).toHaveBeenCalledWith('payments', 'java-service');

    const about = screen.getByRole('region', { name: 'About this path' });
    expect(about).toHaveTextContent(
      'A Node.js service with CI, deployment and dashboards',
    );
    expect(about).toHaveTextContent('Version2.0.0');
    expect(about).toHaveTextContent('Runs94% of 48 runs succeeded');
    expect(
      within(about).getByRole('link', { name: 'Use this path' }),
    ).toHaveAttribute('href', '/create/templates/payments/java-service');

    const guide = await screen.findByTestId('golden-path-guide');
    expect(
      within(guide).getByRole('heading', { name: 'Getting started' }),
    ).toBeInTheDocument();

    const services = screen.getByRole('region', {
      name: 'Services created from this path',
    });
    expect(services).toHaveTextContent('Current version 2.0.0');
    const table = within(services).getByRole('table', {
      name: 'Services created from Java service',
    });
    const [, ledger, refunds] = within(table).getAllByRole('row');
    expect(
      within(ledger).getByRole('link', { name: 'Ledger' }),
    ).toHaveAttribute('href', '/catalog/payments/component/ledger');
    expect(
      within(ledger).getByRole('link', { name: 'payments/ledger-team' }),
    ).toHaveAttribute('href', '/catalog/payments/group/ledger-team');
    expect(within(ledger).queryByText('Older version')).toBeNull();
    expect(refunds).toHaveTextContent('No owner');
    expect(refunds).toHaveTextContent('1.4.2Older version');
    expect(refunds).toHaveTextContent('9 Mar 2026');
  });

  it('renders hostile guide Markdown inert', async () => {
    await renderPathPage(
      makeDetail({
        guide: [
          '**Bold words**',
          '',
          '<script>window.hacked = true</script>',
          '',
          '<img src=x onerror="window.hacked = true">',
          '',
          '[click](javascript:alert(1)) and [docs](https://example.com/docs)',
          '',
          '![pixel](javascript:alert(1))',
        ].join('\n'),
      }),
    );
    const guide = await screen.findByTestId('golden-path-guide');
    expect((await within(guide).findByText('Bold words')).tagName).toBe(
      'STRONG',
    );
    expect(within(guide).getByRole('link', { name: /^docs/ })).toHaveAttribute(
      'href',
      'https://example.com/docs',
    );
    expect(document.querySelector('script')).toBeNull();
    expect(guide.querySelector('img[onerror]')).toBeNull();
    expect(document.querySelector('[onerror]')).toBeNull();
    const unsafe = [...document.querySelectorAll('a, img')].filter(el =>
      /^\s*javascript:/i.test(
        el.getAttribute('href') ?? el.getAttribute('src') ?? '',
      ),
    );
    expect(unsafe).toEqual([]);
    expect((window as { hacked?: boolean }).hacked).toBeUndefined();
  });

  it('says when a path has no guide or services yet', async () => {
    await renderPathPage(makeDetail({ guide: '  ', services: [] }));
    expect(screen.getByRole('region', { name: 'Guide' })).toHaveTextContent(
      "This path has no guide yet. Its owners can add one in the template's paved.dev/golden-path-guide annotation.",
    );
    expect(
      screen.getByText('No services have been created from this path yet.'),
    ).toBeInTheDocument();
  });

  it('says clearly when the path is not an approved golden path', async () => {
    const api = fakeGoldenPathsApi([], {
      getPath: jest.fn().mockRejectedValue(notFoundError()),
    });
    await renderGoldenPaths(<Router />, { api, path: '/default/old-thing' });
    expect(
      await screen.findByText(
        /"default\/old-thing" is not an approved golden path/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'This golden path does not exist' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'See all golden paths' }),
    ).toHaveAttribute('href', '/golden-paths');
    expect(screen.queryByText(/Request failed/)).toBeNull();
  });

  it('shows other errors as they are', async () => {
    const api = fakeGoldenPathsApi([], {
      getPath: jest.fn().mockRejectedValue(new Error('Backend unavailable')),
    });
    await renderGoldenPaths(<Router />, { api, path: '/default/x' });
    expect(
      (await screen.findAllByText(/Backend unavailable/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText(/not an approved golden path/)).toBeNull();
  });
});
