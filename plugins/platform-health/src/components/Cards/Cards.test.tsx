import { screen, waitFor } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { fakeApis, item, renderHealth } from '../../__testUtils__/fixtures';
import {
  AdoptionCard,
  DeliveryCard,
  NpsTrendCard,
  RoadmapCard,
} from './HomeCards';
import { TeamHealthCard } from './TeamHealthCard';

const never = () => new Promise<never>(() => {});

describe('home cards', () => {
  it('NPS: the latest campaign against the goal line; loading first', async () => {
    const loading = fakeApis({ nps: { getTrend: jest.fn(never) } });
    const { unmount } = await renderHealth(<NpsTrendCard />, { apis: loading });
    expect(await screen.findByLabelText('Loading')).toBeInTheDocument();
    unmount();
    await renderHealth(<NpsTrendCard />);
    await waitFor(() =>
      expect(screen.getByTestId('value-nps')).toHaveTextContent('+30'),
    );
    expect(screen.getByText('Too early to tell')).toBeInTheDocument();
  });

  it('NPS: says so when no campaign has results', async () => {
    const apis = fakeApis({
      nps: {
        getTrend: jest.fn().mockResolvedValue({
          points: [],
          warningThreshold: 20,
          minGroupSize: 5,
          warning: null,
          baselineCampaignId: null,
        }),
      },
    });
    await renderHealth(<NpsTrendCard />, { apis });
    expect(
      await screen.findByText('No campaign has results to show yet'),
    ).toBeInTheDocument();
  });

  it('adoption: empty before any new component', async () => {
    const apis = fakeApis({
      goldenPaths: {
        getAdoption: jest.fn().mockResolvedValue({ goal: 0.8, quarters: [] }),
      },
    });
    await renderHealth(<AdoptionCard />, { apis });
    expect(
      await screen.findByText('No new components yet'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('value-adoption')).toHaveTextContent('—');
  });

  it('adoption: the error of its owner', async () => {
    const apis = fakeApis({
      goldenPaths: {
        getAdoption: jest
          .fn()
          .mockRejectedValue(new Error('golden paths down')),
      },
    });
    await renderHealth(<AdoptionCard />, { apis });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'golden paths down',
    );
  });

  it('delivery: the DORA metrics with bands; an error says so', async () => {
    await renderHealth(<DeliveryCard />);
    await waitFor(() =>
      expect(screen.getByTestId('value-changeFailureRate')).toHaveTextContent(
        '10% (High)',
      ),
    );
    const failing = fakeApis({
      metrics: { getDora: jest.fn().mockRejectedValue(new Error('no DORA')) },
    });
    await renderHealth(<DeliveryCard />, { apis: failing });
    expect((await screen.findAllByText(/no DORA/)).length).toBeGreaterThan(0);
  });

  it('roadmap: counts and breaking changes ahead; empty roadmap', async () => {
    const apis = fakeApis({
      roadmap: {
        listItems: jest.fn().mockResolvedValue([
          item({
            id: 'a',
            title: 'Preview environments',
            breakingChange: {
              notice: 'n',
              effectiveDate: '2099-01-01',
            },
          }),
        ]),
      },
    });
    const { unmount } = await renderHealth(<RoadmapCard />, { apis });
    expect(await screen.findByText(/1 now, 0 next/)).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Preview environments' }),
    ).toHaveAttribute('href', '/roadmap/items/a');
    unmount();
    const empty = fakeApis({
      roadmap: { listItems: jest.fn().mockResolvedValue([]) },
    });
    await renderHealth(<RoadmapCard />, { apis: empty });
    expect(
      await screen.findByText('No breaking change announced.'),
    ).toBeInTheDocument();
  });
});

describe('team card on a group page', () => {
  const group = (name: string) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  });

  it('shows the team’s numbers where large enough', async () => {
    const apis = fakeApis();
    await renderHealth(
      <EntityProvider entity={group('checkout')}>
        <TeamHealthCard />
      </EntityProvider>,
      { apis },
    );
    await waitFor(() =>
      expect(screen.getByTestId('value-adoption')).toHaveTextContent('100%'),
    );
    expect(screen.getByTestId('value-nps')).toHaveTextContent('+40');
    expect(apis.metrics.getDora).toHaveBeenCalledWith({
      team: 'group:default/checkout',
      windowDays: 90,
    });
  });

  it('keeps a small team’s NPS hidden, and says why', async () => {
    await renderHealth(
      <EntityProvider entity={group('data')}>
        <TeamHealthCard />
      </EntityProvider>,
    );
    await waitFor(() =>
      expect(screen.getByTestId('value-nps')).toHaveTextContent('Hidden'),
    );
    expect(
      screen.getByText('Hidden: fewer than 5 answers'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('value-adoption')).toHaveTextContent('—');
  });
});
