import { screen, within } from '@testing-library/react';
import {
  fakeGoldenPathsApi,
  makeOffPath,
  renderGoldenPaths,
} from '../../__testUtils__/fixtures';
import { OffPathServicesTable } from './OffPathServicesTable';

describe('OffPathServicesTable', () => {
  it('keeps the newest-first order and names templates outside the default namespace', async () => {
    await renderGoldenPaths(
      <OffPathServicesTable
        services={[
          makeOffPath({
            entityRef: 'component:shop/cart',
            title: 'Cart',
            sourceTemplate: 'template:shop/spring-legacy',
            firstSeenAt: '2026-11-20T12:00:00Z',
          }),
          makeOffPath(),
        ]}
      />,
      { api: fakeGoldenPathsApi() },
    );
    const table = screen.getByRole('table', {
      name: 'New services off the golden paths',
    });
    const [, cart, billing] = within(table).getAllByRole('row');
    expect(within(cart).getByRole('link', { name: 'Cart' })).toHaveAttribute(
      'href',
      '/catalog/shop/component/cart',
    );
    expect(cart).toHaveTextContent('20 Nov 2026');
    expect(cart).toHaveTextContent('shop/spring-legacy');
    expect(billing).toHaveTextContent('Legacy billing');
  });

  it('says so when every new service came from a golden path', async () => {
    await renderGoldenPaths(<OffPathServicesTable services={[]} />, {
      api: fakeGoldenPathsApi(),
    });
    expect(
      screen.getByText('No new services off the golden paths.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
