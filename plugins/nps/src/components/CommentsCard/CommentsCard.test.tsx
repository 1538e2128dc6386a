import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { CampaignComments } from '@paved/plugin-nps-common';
import { NpsApi, npsApiRef } from '../../api/NpsApi';
import { CommentsCard } from './CommentsCard';

const ID = '00000000-0000-4000-8000-000000000001';

function fakeApi(comments: CampaignComments) {
  return {
    getComments: jest.fn().mockResolvedValue(comments),
    getThemes: jest.fn().mockImplementation(async (campaignId?: string) =>
      campaignId
        ? [{ theme: 'ci speed', comments: 2 }]
        : [
            { theme: 'ci speed', comments: 5 },
            { theme: 'observability', comments: 1 },
          ],
    ),
    setThemes: jest.fn().mockResolvedValue(undefined),
    exportCsv: jest.fn().mockResolvedValue('"comment"\r\n'),
  } as unknown as jest.Mocked<NpsApi>;
}

const render = (api: NpsApi) =>
  renderInTestApp(
    <TestApiProvider apis={[[npsApiRef, api]]}>
      <CommentsCard campaignId={ID} />
    </TestApiProvider>,
  );

describe('CommentsCard', () => {
  it('says why there are no comments below the minimum', async () => {
    await render(
      fakeApi({
        campaignId: ID,
        minCommentGroupSize: 10,
        shown: false,
        answers: null,
        comments: [],
      }),
    );
    expect(
      await screen.findByText(
        /Comments are published in batches, like the results: they appear once the comments of 10 answers can be shown together \(20 from one team while the survey is open\)/,
      ),
    ).toBeInTheDocument();
  });

  it('renders comments as plain text with band, team and theme counts', async () => {
    const api = fakeApi({
      campaignId: ID,
      minCommentGroupSize: 10,
      shown: true,
      answers: 31,
      comments: [
        {
          id: 'r1',
          comment:
            '<img src=x onerror=alert(1)><script>alert(2)</script> CI is slow',
          band: 'detractor',
          team: 'group:default/checkout',
          themes: ['ci speed'],
        },
        {
          id: 'r2',
          comment: 'Love it',
          band: 'promoter',
          team: null,
          themes: [],
        },
      ],
    });
    const { container } = await render(api);
    expect(
      await screen.findByText(
        /<img src=x onerror=alert\(1\)><script>alert\(2\)<\/script> CI is slow/,
      ),
    ).toBeInTheDocument();
    expect(container.querySelector('script, img[src="x"]')).toBeNull();
    expect(screen.getByText('Detractor (0–6)')).toBeInTheDocument();
    expect(screen.getByText('checkout')).toBeInTheDocument();
    expect(
      screen.getByText('Team not shown (small group)'),
    ).toBeInTheDocument();
    expect(screen.getByText('ci speed: 2')).toBeInTheDocument();
    expect(
      screen.getByText('2 comments from 31 published answers.'),
    ).toBeInTheDocument();
  });

  it('tags a comment with a new theme', async () => {
    const api = fakeApi({
      campaignId: ID,
      minCommentGroupSize: 10,
      shown: true,
      answers: 31,
      comments: [
        {
          id: 'r2',
          comment: 'Love it',
          band: 'promoter',
          team: null,
          themes: [],
        },
      ],
    });
    await render(api);
    const input = await screen.findByRole('combobox', { name: 'Themes' });
    await userEvent.type(input, 'golden paths{Enter}');
    expect(api.setThemes).toHaveBeenCalledWith('r2', ['golden paths']);
  });
});
