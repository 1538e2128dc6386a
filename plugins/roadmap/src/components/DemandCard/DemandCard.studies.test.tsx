import { screen, within } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { roadmapApiRef } from '../../api/RoadmapApi';
import { fakeRoadmapApi, makeItem } from '../../__testUtils__/fixtures';
import { DemandCard } from './DemandCard';

describe('DemandCard with user research', () => {
  it('shows interview participants per study beside the survey comments', async () => {
    const api = fakeRoadmapApi([makeItem()], {
      getDemand: jest.fn().mockResolvedValue({
        themes: ['ci speed'],
        campaigns: [
          {
            campaignId: 'q3',
            title: 'Platform NPS Q3 2026',
            opensAt: '2026-07-08T00:00:00Z',
            comments: 7,
          },
        ],
        studies: [
          {
            studyId: 's1',
            title: 'Getting a change to production',
            quarter: '2026-Q3',
            participants: 4,
          },
        ],
      }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[roadmapApiRef, api]]}>
        <DemandCard itemId="i1" canManage={false} />
      </TestApiProvider>,
    );
    const studies = await screen.findByRole('table', {
      name: 'Interview participants per study',
    });
    expect(
      within(studies).getByRole('row', {
        name: /Getting a change to production \(Q3 2026\) 4/,
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Demand per campaign' }),
    ).toBeInTheDocument();
  });

  it('shows no interview table without research demand', async () => {
    const api = fakeRoadmapApi([makeItem()], {
      getDemand: jest
        .fn()
        .mockResolvedValue({ themes: [], campaigns: [], studies: [] }),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[roadmapApiRef, api]]}>
        <DemandCard itemId="i1" canManage={false} />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Not linked to survey themes yet.'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'Interview participants per study' }),
    ).not.toBeInTheDocument();
  });
});
