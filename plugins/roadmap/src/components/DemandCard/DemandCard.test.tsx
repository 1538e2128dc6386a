import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { roadmapApiRef } from '../../api/RoadmapApi';
import { fakeRoadmapApi, makeItem } from '../../__testUtils__/fixtures';
import { DemandCard } from './DemandCard';

const demand = {
  themes: ['ci speed'],
  campaigns: [
    {
      campaignId: 'q2',
      title: 'Platform NPS Q2 2026',
      opensAt: '2026-04-08T00:00:00Z',
      comments: 4,
    },
    {
      campaignId: 'q3',
      title: 'Platform NPS Q3 2026',
      opensAt: '2026-07-08T00:00:00Z',
      comments: 7,
    },
  ],
};

describe('DemandCard', () => {
  it('shows the linked themes and the comments per campaign', async () => {
    const api = fakeRoadmapApi([makeItem()], {
      getDemand: jest.fn().mockResolvedValue(demand),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[roadmapApiRef, api]]}>
        <DemandCard itemId="i1" canManage={false} />
      </TestApiProvider>,
    );
    const table = await screen.findByRole('table', {
      name: 'Demand per campaign',
    });
    const q3 = within(table).getByRole('row', { name: /Platform NPS Q3 2026/ });
    expect(q3).toHaveTextContent('7');
    expect(screen.getByText('ci speed')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(api.getDemand).toHaveBeenCalledWith('i1');
  });

  it('lets a platform PM link another theme', async () => {
    const api = fakeRoadmapApi([makeItem()], {
      getDemand: jest.fn().mockResolvedValue(demand),
      setThemes: jest.fn().mockResolvedValue(demand),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[roadmapApiRef, api]]}>
        <DemandCard itemId="i1" canManage />
      </TestApiProvider>,
    );
    const input = await screen.findByRole('combobox', {
      name: 'Survey themes',
    });
    await userEvent.type(input, 'flaky tests{Enter}');
    expect(api.setThemes).toHaveBeenCalledWith('i1', [
      'ci speed',
      'flaky tests',
    ]);
  });

  it('says when nothing is linked yet', async () => {
    const api = fakeRoadmapApi([makeItem()]);
    await renderInTestApp(
      <TestApiProvider apis={[[roadmapApiRef, api]]}>
        <DemandCard itemId="i1" canManage={false} />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Not linked to survey themes yet.'),
    ).toBeInTheDocument();
  });
});
