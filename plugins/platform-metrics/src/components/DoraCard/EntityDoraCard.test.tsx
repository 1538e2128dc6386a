import { screen } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { DAY_MS } from '@paved/plugin-platform-metrics-common';
import {
  fakeApi,
  makeReport,
  renderMetrics,
} from '../../__testUtils__/fixtures';
import { EntityDoraCard } from './EntityDoraCard';

const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'Checkout-API', namespace: 'default' },
  spec: { owner: 'checkout' },
};
const group = {
  ...component,
  kind: 'Group',
  metadata: { name: 'checkout', namespace: 'default' },
};

// Rendering a whole page is slow on a busy 2-core machine.
jest.setTimeout(60_000);

describe('EntityDoraCard', () => {
  it('reads a component’s own DORA figures and links to the Delivery page', async () => {
    const api = fakeApi({
      getDora: jest.fn().mockResolvedValue(
        makeReport({
          deployments: 12,
          leadTimeMs: 2 * DAY_MS,
          leadTimeCommits: 20,
        }),
      ),
    });
    await renderMetrics(
      <EntityProvider entity={component}>
        <EntityDoraCard />
      </EntityProvider>,
      { api },
    );
    expect(
      await screen.findByText('12 production deployments'),
    ).toBeInTheDocument();
    expect(api.getDora).toHaveBeenCalledWith({
      service: 'component:default/checkout-api',
      windowDays: 90,
    });
    expect(screen.getByText('2.0 days')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Trends and release impact' }),
    ).toHaveAttribute(
      'href',
      '/delivery?service=component%3Adefault%2Fcheckout-api',
    );
  });

  it('reads a group’s services, and says when there is nothing yet', async () => {
    const api = fakeApi();
    await renderMetrics(
      <EntityProvider entity={group}>
        <EntityDoraCard />
      </EntityProvider>,
      { api },
    );
    expect(
      await screen.findByText(
        'No production deployments recorded for its services in the last 90 days.',
      ),
    ).toBeInTheDocument();
    expect(api.getDora).toHaveBeenCalledWith({
      team: 'group:default/checkout',
      windowDays: 90,
    });
  });

  it('one deployment: too little data, in words', async () => {
    const api = fakeApi({
      getDora: jest.fn().mockResolvedValue(makeReport({ deployments: 1 })),
    });
    await renderMetrics(
      <EntityProvider entity={component}>
        <EntityDoraCard />
      </EntityProvider>,
      { api },
    );
    expect(
      await screen.findByText('1 production deployment'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(/Too little data: 1 production deployment in 90 days/)
        .length,
    ).toBeGreaterThan(0);
  });
});
