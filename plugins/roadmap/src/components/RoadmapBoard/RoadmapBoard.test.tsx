import { createEvent, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RoadmapItem } from '@paved/plugin-roadmap-common';
import {
  fakeRoadmapApi,
  makeItem,
  renderRoadmap,
} from '../../__testUtils__/fixtures';
import { RoadmapBoard, horizonQuarters } from './RoadmapBoard';

const column = (name: string) => screen.getByRole('region', { name });
const titles = (name: string) =>
  within(column(name))
    .queryAllByRole('article')
    .map(a => within(a).getByRole('heading').textContent);

// The quarter the month `offset` months from now falls in, e.g. "Q3 2026".
function quarterIn(offset: number) {
  const now = new Date();
  const d = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1),
  );
  return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
}

const items = [
  makeItem({
    title: 'Now A',
    horizon: 'now',
    rank: 1,
    votes: 9,
    category: 'security',
  }),
  makeItem({
    title: 'Now B',
    horizon: 'now',
    rank: 0,
    votes: 1,
    owner: 'group:default/sre',
  }),
  makeItem({ title: 'Next A', horizon: 'next', rank: 0, status: 'exploring' }),
  makeItem({
    title: 'Later A',
    horizon: 'later',
    rank: 0,
    category: 'security',
  }),
  makeItem({
    title: 'Shipped A',
    horizon: 'now',
    rank: 2,
    status: 'generally-available',
    shippedAt: '2026-01-10T10:00:00Z',
  }),
  makeItem({
    title: 'Declined',
    horizon: 'later',
    rank: 1,
    status: 'declined',
    declineReason: 'No',
  }),
];

async function renderBoard(
  all: RoadmapItem[] = items,
  pm = false,
  path?: string,
) {
  const api = fakeRoadmapApi(all);
  const onChanged = jest.fn();
  await renderRoadmap(
    <RoadmapBoard items={all} canManage={pm} onChanged={onChanged} />,
    { api, pm, path },
  );
  return { api, onChanged };
}

// A drag from one element and a drop on another, as the browser fires them.
function dragAndDrop(from: HTMLElement, to: HTMLElement) {
  const data = new Map<string, string>();
  const dataTransfer = {
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    effectAllowed: 'all',
    dropEffect: 'none',
  };
  for (const [target, type] of [
    [from, 'dragStart'],
    [to, 'dragOver'],
    [to, 'drop'],
  ] as const) {
    const event = createEvent[type](target);
    Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
    fireEvent(target, event);
  }
}

async function choose(label: string, option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('horizonQuarters', () => {
  it('gives Now the current quarter, Next the one after and Later the rest', () => {
    expect(horizonQuarters(new Date('2027-01-15T12:00:00Z'))).toEqual({
      now: ['2027-Q1'],
      next: ['2027-Q2'],
      later: ['2027-Q3'],
    });
  });
});

describe('RoadmapBoard', () => {
  it('groups items into Now, Next and Later in rank order, with their quarters, without declined or shipped items', async () => {
    await renderBoard();
    expect(titles('Now')).toEqual(['Now B', 'Now A']);
    // Shipped items leave the board for the Shipped view, which it points to.
    expect(screen.queryByText('Shipped A')).toBeNull();
    expect(
      screen.getByText(/Shipped items leave the board: 1 is in/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Shipped' })).toHaveAttribute(
      'href',
      expect.stringContaining('view=shipped'),
    );
    expect(titles('Next')).toEqual(['Next A']);
    expect(titles('Later')).toEqual(['Later A']);
    expect(screen.queryByText('Declined')).toBeNull();
    expect(column('Now')).toHaveTextContent(quarterIn(0));
    expect(column('Next')).toHaveTextContent(quarterIn(3));
    expect(column('Later')).toHaveTextContent(quarterIn(6));
  });

  it('sorts by votes when asked', async () => {
    await renderBoard();
    await userEvent.click(
      screen.getByRole('checkbox', { name: 'Sort by votes' }),
    );
    expect(titles('Now')).toEqual(['Now A', 'Now B']);
  });

  it('filters by category, status and owner', async () => {
    await renderBoard();
    await choose('Category', 'Security');
    expect(titles('Now')).toEqual(['Now A']);
    expect(titles('Next')).toEqual([]);
    expect(titles('Later')).toEqual(['Later A']);

    await choose('Category', 'All');
    await choose('Status', 'Exploring');
    expect(titles('Now')).toEqual([]);
    expect(titles('Next')).toEqual(['Next A']);

    await choose('Status', 'All');
    await choose('Owner', 'sre');
    expect(titles('Now')).toEqual(['Now B']);
    expect(titles('Later')).toEqual([]);
    // A shipped status is not a board filter.
    await userEvent.click(screen.getByRole('combobox', { name: 'Status' }));
    expect(
      screen.queryByRole('option', { name: 'Generally available' }),
    ).toBeNull();
  }, 30_000);

  it('reads its filters and sort from the address', async () => {
    await renderBoard(items, false, '/?category=security&sort=votes');
    expect(
      screen.getByRole('combobox', { name: 'Category' }),
    ).toHaveTextContent('Security');
    expect(
      screen.getByRole('checkbox', { name: 'Sort by votes' }),
    ).toBeChecked();
    expect(titles('Now')).toEqual(['Now A']);
    expect(titles('Next')).toEqual([]);
  });

  it('lets PMs move a card with its version and position, then reloads', async () => {
    const { api, onChanged } = await renderBoard(items, true);
    const card = screen.getByRole('article', { name: 'Now A' });
    await userEvent.click(
      within(card).getByRole('button', { name: 'Move “Now A”…' }),
    );
    await userEvent.click(
      screen.getByRole('menuitem', { name: 'Move “Now A” up' }),
    );
    expect(api.moveItem).toHaveBeenCalledWith(items[0].id, {
      version: items[0].version,
      horizon: 'now',
      position: 0,
    });
    expect(onChanged).toHaveBeenCalled();
  });

  it('tells the PM when someone else moved the card first', async () => {
    const { api } = await renderBoard(items, true);
    api.moveItem.mockRejectedValueOnce(
      Object.assign(new Error('Conflict'), { statusCode: 409 }),
    );
    const card = screen.getByRole('article', { name: 'Next A' });
    await userEvent.click(
      within(card).getByRole('button', { name: 'Move “Next A”…' }),
    );
    await userEvent.click(
      screen.getByRole('menuitem', { name: 'Move “Next A” to Now' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone else changed "Next A"',
    );
  });

  it('lets PMs drag a card onto another (its place) or onto a column (its end)', async () => {
    const { api } = await renderBoard(items, true);
    // Later A onto Now B, the top of Now: it goes first in Now.
    dragAndDrop(
      screen.getByRole('article', { name: 'Later A' }),
      screen.getByRole('article', { name: 'Now B' }),
    );
    expect(api.moveItem).toHaveBeenLastCalledWith(items[3].id, {
      version: items[3].version,
      horizon: 'now',
      position: 0,
    });
    // Now B onto the Next column: it goes last in Next.
    dragAndDrop(screen.getByRole('article', { name: 'Now B' }), column('Next'));
    expect(api.moveItem).toHaveBeenLastCalledWith(items[1].id, {
      version: items[1].version,
      horizon: 'next',
      position: 1,
    });
  });

  it('shows developers no move buttons', async () => {
    await renderBoard(items, false);
    expect(screen.queryByRole('button', { name: /Move/ })).toBeNull();
  });
});
