import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeRoadmapApi,
  makeItem,
  renderRoadmap,
} from '../../__testUtils__/fixtures';
import { ItemCard } from './ItemCard';

function renderCard(
  item = makeItem({ title: 'Faster builds', votes: 3 }),
  options: { pm?: boolean; position?: number; count?: number } = {},
) {
  const api = fakeRoadmapApi([item]);
  const voted = { ...item, votes: item.votes + 1, votedByMe: true };
  api.vote.mockResolvedValue(voted);
  const onChanged = jest.fn();
  const onMove = jest.fn();
  const result = renderRoadmap(
    <ItemCard
      item={item}
      position={options.position ?? 1}
      count={options.count ?? 3}
      canManage={options.pm ?? false}
      onChanged={onChanged}
      onMove={onMove}
    />,
    { api },
  );
  return { api, onChanged, onMove, voted, result };
}

describe('ItemCard', () => {
  it('shows the item, links to its page and counts votes', async () => {
    const item = makeItem({
      title: 'Faster builds',
      summary: 'Cache everything',
      status: 'beta',
      category: 'observability',
      targetQuarter: '2027-Q1',
      votes: 3,
    });
    renderCard(item);
    const card = await screen.findByRole('article', { name: 'Faster builds' });
    expect(
      within(card).getByRole('link', { name: 'Faster builds' }),
    ).toHaveAttribute('href', `/roadmap/items/${item.id}`);
    expect(card).toHaveTextContent('Cache everything');
    expect(card).toHaveTextContent('Beta');
    expect(card).toHaveTextContent('Observability');
    expect(card).toHaveTextContent('Q1 2027');
    expect(card).toHaveTextContent('3 votes');
    expect(
      within(card).queryByText('Changed since your last visit'),
    ).toBeNull();
    expect(within(card).queryByText('Breaking change')).toBeNull();
  });

  it('marks changes since the last visit and breaking changes', async () => {
    renderCard(
      makeItem({
        title: 'New runners',
        changedSinceLastVisit: true,
        breakingChange: {
          notice: 'Old runners go',
          effectiveDate: '2030-01-01',
        },
      }),
    );
    const card = await screen.findByRole('article', { name: 'New runners' });
    expect(
      within(card).getByText('Changed since your last visit'),
    ).toBeInTheDocument();
    expect(within(card).getByText('Breaking change')).toBeInTheDocument();
  });

  it('votes with "This matters to me", a pressed toggle', async () => {
    const item = makeItem({ title: 'Faster builds', votes: 3 });
    const { api, onChanged, voted } = renderCard(item);
    const button = await screen.findByRole('button', {
      name: 'This matters to me',
    });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    // It says, before the click, that voting also follows the item.
    expect(button).toHaveAccessibleDescription('Voting also follows the item.');
    await userEvent.click(button);
    expect(api.vote).toHaveBeenCalledWith(item.id, true);
    expect(onChanged).toHaveBeenCalledWith(voted);
  });

  it('takes a vote back when already pressed', async () => {
    const item = makeItem({ title: 'Faster builds', votedByMe: true });
    const { api } = renderCard(item);
    const button = await screen.findByRole('button', {
      name: 'This matters to me',
    });
    expect(button).toHaveAttribute('aria-pressed', 'true');
    expect(button).toHaveAccessibleDescription(
      'You voted, and you follow its changes.',
    );
    await userEvent.click(button);
    expect(api.vote).toHaveBeenCalledWith(item.id, false);
  });

  it('offers PMs one "Move…" menu per card, every entry naming the card', async () => {
    const item = makeItem({ title: 'Faster builds', horizon: 'next' });
    const { onMove } = renderCard(item, { pm: true, position: 1, count: 3 });
    const open = async () =>
      userEvent.click(
        await screen.findByRole('button', { name: 'Move “Faster builds”…' }),
      );
    await open();
    expect(
      screen.getAllByRole('menuitem').map(entry => entry.textContent),
    ).toEqual([
      'Move “Faster builds” up',
      'Move “Faster builds” down',
      'Move “Faster builds” to Now',
      'Move “Faster builds” to Later',
    ]);
    await userEvent.click(
      screen.getByRole('menuitem', { name: 'Move “Faster builds” up' }),
    );
    expect(onMove).toHaveBeenLastCalledWith(item, {
      horizon: 'next',
      position: 0,
    });
    await open();
    await userEvent.click(
      screen.getByRole('menuitem', { name: 'Move “Faster builds” down' }),
    );
    expect(onMove).toHaveBeenLastCalledWith(item, {
      horizon: 'next',
      position: 2,
    });
    await open();
    await userEvent.click(
      screen.getByRole('menuitem', { name: 'Move “Faster builds” to Later' }),
    );
    expect(onMove).toHaveBeenLastCalledWith(item, {
      horizon: 'later',
      position: 0,
    });
  });

  it('offers no "up" for the top card and no "down" for the bottom one; the keyboard opens the menu', async () => {
    renderCard(makeItem({ title: 'Only one', horizon: 'now' }), {
      pm: true,
      position: 0,
      count: 1,
    });
    const button = await screen.findByRole('button', {
      name: 'Move “Only one”…',
    });
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(
      screen.getAllByRole('menuitem').map(entry => entry.textContent),
    ).toEqual(['Move “Only one” to Next', 'Move “Only one” to Later']);
  });

  it('lets PMs drag a card, and no one else', async () => {
    renderCard(makeItem({ title: 'Draggable' }), { pm: true });
    expect(
      await screen.findByRole('article', { name: 'Draggable' }),
    ).toHaveAttribute('draggable', 'true');
  });

  it('shows developers no move buttons', async () => {
    renderCard(makeItem({ title: 'Faster builds' }), { pm: false });
    expect(
      await screen.findByRole('article', { name: 'Faster builds' }),
    ).toHaveAttribute('draggable', 'false');
    expect(screen.queryByRole('button', { name: /Move/ })).toBeNull();
  });
});
