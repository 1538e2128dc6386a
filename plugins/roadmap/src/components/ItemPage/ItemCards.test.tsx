import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { RoadmapItemCardProps } from '@paved/plugin-roadmap-react';
import { makeItem } from '../../__testUtils__/fixtures';
import { ItemCards, ItemCardsContext } from './ItemCards';

function PreviewCard({ item }: RoadmapItemCardProps) {
  return <p>{`Preview of ${item.title} (${item.status})`}</p>;
}

function Broken(): JSX.Element {
  throw new Error('card failed');
}

describe('ItemCards', () => {
  it('renders the cards other plugins attached, and survives one that fails', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => {});
    await renderInTestApp(
      <ItemCardsContext.Provider value={[Broken, PreviewCard]}>
        <ItemCards
          item={makeItem({ title: 'Preview environments', status: 'alpha' })}
        />
      </ItemCardsContext.Provider>,
    );
    expect(
      await screen.findByText('Preview of Preview environments (alpha)'),
    ).toBeInTheDocument();
  });

  it('renders nothing when no card is attached', async () => {
    const { container } = await renderInTestApp(
      <ItemCards item={makeItem()} />,
    );
    expect(container.textContent).toBe('');
  });
});
