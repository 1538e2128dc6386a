import { screen, within } from '@testing-library/react';
import { fakeApis, renderHealth } from '../../__testUtils__/fixtures';
import { RoadmapSection } from './RoadmapSection';

describe('RoadmapSection: top themes', () => {
  it('reads the top themes with their items in one request and links each item', async () => {
    const apis = fakeApis({
      roadmap: {
        getTopThemes: jest.fn().mockResolvedValue({
          minGroupSize: 5,
          themes: [
            {
              theme: 'slow ci',
              comments: 12,
              campaignId: 'c4',
              campaign: 'Platform NPS Q4 2026',
              items: [
                { id: 'a', title: 'Preview environments' },
                { id: 'b', title: 'Faster CI' },
              ],
            },
            {
              theme: 'docs',
              comments: 5,
              campaignId: 'c3',
              campaign: 'Platform NPS Q3 2026',
              items: [{ id: 'c', title: 'Docs search' }],
            },
          ],
        }),
      },
    });
    await renderHealth(<RoadmapSection />, { apis });
    const list = await screen.findByTestId('top-themes');
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first).toHaveTextContent(
      'slow ci: 12 comments (Platform NPS Q4 2026), answered by Preview environments, Faster CI',
    );
    expect(
      within(first).getByRole('link', { name: 'Faster CI' }),
    ).toHaveAttribute('href', '/roadmap/items/b');
    expect(second).toHaveTextContent(
      'docs: 5 comments (Platform NPS Q3 2026), answered by Docs search',
    );
    // One request for the themes, none per item or per theme.
    expect(apis.roadmap.getTopThemes).toHaveBeenCalledTimes(1);
    expect(apis.roadmap.getTopThemes).toHaveBeenCalledWith(5);
    expect((apis.roadmap as any).getDemand).toBeUndefined();
  });

  it('says why there is no theme, naming the smallest count shown', async () => {
    await renderHealth(<RoadmapSection />, { apis: fakeApis() });
    expect(
      await screen.findByText(
        'No survey theme linked to the roadmap has 5 or more comments in its latest campaign.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the error when the themes cannot be read', async () => {
    await renderHealth(<RoadmapSection />, {
      apis: fakeApis({
        roadmap: {
          getTopThemes: jest
            .fn()
            .mockRejectedValue(new Error('The survey themes cannot be read')),
        },
      }),
    });
    expect(
      await screen.findByText('Error: The survey themes cannot be read'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('top-themes')).toBeNull();
    // The rest of the roadmap still shows.
    expect(await screen.findByTestId('roadmap-now')).toHaveTextContent('1');
  });
});
