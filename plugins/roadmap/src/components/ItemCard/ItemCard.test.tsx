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
    await userEvent.click(button);
    expect(api.vote).toHaveBeenCalledWith(item.id, false);
  });

  it('offers PMs to reorder and move between horizons', async () => {
    const item = makeItem({ title: 'Faster builds', horizon: 'next' });
    const { onMove } = renderCard(item, { pm: true, position: 1, count: 3 });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Move up' }),
    );
    expect(onMove).toHaveBeenLastCalledWith(item, {
      horizon: 'next',
      position: 0,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Move down' }));
    expect(onMove).toHaveBeenLastCalledWith(item, {
      horizon: 'next',
      position: 2,
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Move to Later' }),
    );
    expect(onMove).toHaveBeenLastCalledWith(item, {
      horizon: 'later',
      position: 0,
    });
    expect(screen.getByRole('button', { name: 'Move to Now' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Move to Next' })).toBeNull();
  });

  it('disables moving the top card up and the bottom card down', async () => {
    renderCard(makeItem(), { pm: true, position: 0, count: 1 });
    expect(
      await screen.findByRole('button', { name: 'Move up' }),
    ).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move down' })).toBeDisabled();
  });

  it('shows developers no move buttons', async () => {
    renderCard(makeItem({ title: 'Faster builds' }), { pm: false });
    await screen.findByRole('article', { name: 'Faster builds' });
    expect(screen.queryByRole('button', { name: /Move/ })).toBeNull();
  });
});
