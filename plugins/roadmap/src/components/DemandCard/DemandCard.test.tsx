import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { type RoadmapApi, roadmapApiRef } from '../../api/RoadmapApi';
import { fakeRoadmapApi, makeItem } from '../../__testUtils__/fixtures';
import { ItemDemand } from '@paved/plugin-roadmap-common';
import { DemandCard } from './DemandCard';

// Q2 had fewer comments than NPS's k: no number, but not dropped either.
const demand: ItemDemand = {
  themes: ['ci speed'],
  minGroupSize: 5,
  campaigns: [
    {
      campaignId: 'q2',
      title: 'Platform NPS Q2 2026',
      opensAt: '2026-04-08T00:00:00Z',
      suppressed: true,
      comments: null,
    },
    {
      campaignId: 'q3',
      title: 'Platform NPS Q3 2026',
      opensAt: '2026-07-08T00:00:00Z',
      suppressed: false,
      comments: 7,
    },
  ],
  studies: [],
};

const renderCard = (api: RoadmapApi, canManage = false) =>
  renderInTestApp(
    <TestApiProvider apis={[[roadmapApiRef, api]]}>
      <DemandCard itemId="i1" canManage={canManage} />
    </TestApiProvider>,
  );

// The texts of a table row's cells.
const cellTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map(c => c.textContent);

describe('DemandCard', () => {
  it('shows the linked themes and the comments per campaign', async () => {
    const api = fakeRoadmapApi([makeItem()], {
      getDemand: jest.fn().mockResolvedValue(demand),
    });
    await renderCard(api);
    const table = await screen.findByRole('table', {
      name: 'Demand per campaign',
    });
    const q3 = within(table).getByRole('row', { name: /Platform NPS Q3 2026/ });
    expect(cellTexts(q3)).toEqual(['Platform NPS Q3 2026', '7']);
    // Under k: the words, never a number.
    const q2 = within(table).getByRole('row', { name: /Platform NPS Q2 2026/ });
    expect(cellTexts(q2)).toEqual([
      'Platform NPS Q2 2026',
      'fewer than 5 comments',
    ]);
    expect(
      screen.getByText(
        'Counts under 5 are not shown, to keep survey answers confidential.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('ci speed')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(api.getDemand).toHaveBeenCalledWith('i1');
  });

  it('lets a platform PM link another theme', async () => {
    const api = fakeRoadmapApi([makeItem()], {
      getDemand: jest.fn().mockResolvedValue(demand),
      setThemes: jest.fn().mockResolvedValue(demand),
    });
    await renderCard(api, true);
    const input = await screen.findByRole('combobox', {
      name: 'Survey themes',
    });
    await userEvent.type(input, 'flaky tests{Enter}');
    expect(api.setThemes).toHaveBeenCalledWith('i1', [
      'ci speed',
      'flaky tests',
    ]);
  });

  it('shows no confidentiality note when every count is shown', async () => {
    const api = fakeRoadmapApi([makeItem()], {
      getDemand: jest.fn().mockResolvedValue({
        ...demand,
        campaigns: demand.campaigns.slice(1),
      }),
    });
    await renderCard(api);
    const table = await screen.findByRole('table', {
      name: 'Demand per campaign',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.queryByText(/not shown/)).not.toBeInTheDocument();
    expect(screen.queryByText(/fewer than/)).not.toBeInTheDocument();
  });

  it('says when nothing is linked yet', async () => {
    const api = fakeRoadmapApi([makeItem()]);
    await renderCard(api);
    expect(
      await screen.findByText('Not linked to survey themes yet.'),
    ).toBeInTheDocument();
  });
});
