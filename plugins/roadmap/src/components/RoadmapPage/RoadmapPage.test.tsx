import { screen, waitFor, within } from '@testing-library/react';
import { userEvent as events } from '@testing-library/user-event';
import { RoadmapNotification } from '@paved/plugin-roadmap-common';
import {
  fakeRoadmapApi,
  makeItem,
  renderRoadmap,
} from '../../__testUtils__/fixtures';
import { isoDay } from '../format';
import { RoadmapPage } from './RoadmapPage';

// Keystrokes without a timer between them: these tests type a lot.
const userEvent = events.setup({ delay: null });

const inDays = (days: number) => {
  const now = new Date();
  return isoDay(
    new Date(now.getFullYear(), now.getMonth(), now.getDate() + days),
  );
};

const items = [
  makeItem({
    title: 'Preview environments',
    summary: 'One per pull request',
    horizon: 'now',
    votes: 4,
  }),
  makeItem({
    title: 'Faster builds',
    summary: 'Remote caching',
    problem: 'CI takes 40 MINUTES',
    horizon: 'next',
    breakingChange: { notice: 'Old cache goes', effectiveDate: inDays(40) },
  }),
  makeItem({
    title: 'Tracing',
    status: 'generally-available',
    horizon: 'now',
    shippedAt: '2026-01-10T10:00:00Z',
    breakingChange: { notice: 'Past change', effectiveDate: inDays(-2) },
  }),
  makeItem({
    title: 'Log search',
    status: 'generally-available',
    horizon: 'now',
    shippedAt: '2026-03-02T10:00:00Z',
    breakingChange: { notice: 'New log format', effectiveDate: inDays(3) },
  }),
  makeItem({
    title: 'Mainframe support',
    status: 'declined',
    declineReason: 'Nobody runs a mainframe here',
    horizon: 'later',
  }),
];

const notices: RoadmapNotification[] = [
  {
    id: 2,
    itemId: items[0].id,
    itemTitle: 'Preview environments',
    message: 'status Exploring → Building',
    createdAt: '2026-03-01T10:00:00Z',
    read: false,
  },
  {
    id: 1,
    itemId: items[1].id,
    itemTitle: 'Faster builds',
    message: 'moved Later → Next',
    createdAt: '2026-02-01T10:00:00Z',
    read: true,
  },
];

async function renderPage(api = fakeRoadmapApi(items)) {
  api.listNotifications.mockResolvedValue(notices);
  await renderRoadmap(<RoadmapPage />, { api });
  return api;
}

async function openTab(name: string) {
  await userEvent.click(await screen.findByRole('tab', { name }));
}

// A developer; the PM's view is in RoadmapPage.pm.test.tsx (usePermission caches per file).
describe('RoadmapPage', () => {
  it('shows the board with the disclaimer and records the visit once the items are loaded', async () => {
    const api = await renderPage();
    expect(
      screen.getByRole('heading', { name: 'Platform roadmap' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent(
      'This roadmap shows our current direction, not commitments',
    );
    expect(
      await screen.findByRole('article', { name: 'Preview environments' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Mainframe support')).toBeNull();
    await waitFor(() => expect(api.recordVisit).toHaveBeenCalledTimes(1));
    expect(api.listItems.mock.invocationCallOrder[0]).toBeLessThan(
      api.recordVisit.mock.invocationCallOrder[0],
    );
    await userEvent.click(
      within(
        screen.getByRole('article', { name: 'Preview environments' }),
      ).getByRole('button', { name: 'This matters to me' }),
    );
    await waitFor(() => expect(api.listItems).toHaveBeenCalledTimes(2));
    expect(api.recordVisit).toHaveBeenCalledTimes(1);
  });

  it('gives developers no PM tools', async () => {
    await renderPage();
    await screen.findByRole('article', { name: 'Preview environments' });
    expect(screen.queryByRole('button', { name: 'New item' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Move/ })).toBeNull();
  });

  it('switches views with the keyboard', async () => {
    await renderPage();
    const board = await screen.findByRole('tab', { name: 'Board' });
    expect(board).toHaveAttribute('aria-selected', 'true');
    board.focus();
    await userEvent.keyboard('{ArrowRight}');
    const list = screen.getByRole('tab', { name: 'List' });
    expect(list).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(list).toHaveAttribute('aria-selected', 'true');
    expect(
      screen.getByRole('table', { name: 'Roadmap items' }),
    ).toBeInTheDocument();
  });

  it('lists and searches items that are not declined', async () => {
    await renderPage();
    await openTab('List');
    const table = screen.getByRole('table', { name: 'Roadmap items' });
    const rows = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map(r => within(r).getAllByRole('cell')[0].textContent);
    // Now first, then Next, then Later.
    expect(rows()).toEqual([
      'Preview environments',
      'Tracing',
      'Log search',
      'Faster builds',
    ]);
    const search = screen.getByRole('searchbox', { name: 'Search' });
    await userEvent.type(search, 'minutes');
    expect(rows()).toEqual(['Faster builds']);
    await userEvent.clear(search);
    await userEvent.type(search, 'PULL REQUEST');
    expect(rows()).toEqual(['Preview environments']);
    await userEvent.clear(search);
    await userEvent.type(search, 'mainframe');
    expect(screen.getByText('No items match your search')).toBeInTheDocument();
  });

  it('shows what shipped, newest first, with the date', async () => {
    await renderPage();
    await openTab('Shipped');
    const list = screen.getByRole('list', { name: 'Shipped' });
    const entries = within(list).getAllByRole('listitem');
    expect(entries.map(e => within(e).getByRole('link').textContent)).toEqual([
      'Log search',
      'Tracing',
    ]);
    expect(entries[0]).toHaveTextContent('Shipped 2 Mar 2026');
  });

  it('shows what we are not doing, and why', async () => {
    await renderPage();
    await openTab('Not doing, and why');
    const list = screen.getByRole('list', { name: 'Not doing' });
    expect(list).toHaveTextContent('Mainframe support');
    expect(list).toHaveTextContent('Nobody runs a mainframe here');
    expect(list).not.toHaveTextContent('Preview environments');
  });

  it('shows breaking changes from today on, soonest first', async () => {
    await renderPage();
    await openTab('Breaking changes ahead');
    const list = screen.getByRole('list', { name: 'Breaking changes ahead' });
    const entries = within(list).getAllByRole('listitem');
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent('Log search');
    expect(entries[0]).toHaveTextContent('New log format');
    expect(entries[1]).toHaveTextContent('Faster builds');
    expect(list).not.toHaveTextContent('Past change');
  });

  it('shows the inbox with unread notices and marks them read', async () => {
    const api = await renderPage();
    const inbox = await screen.findByRole('list', { name: 'Roadmap notices' });
    const [unread, read] = within(inbox).getAllByRole('listitem');
    expect(unread).toHaveTextContent('New');
    expect(unread).toHaveTextContent('status Exploring → Building');
    expect(read).not.toHaveTextContent('New');
    expect(screen.getByText('1 unread')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Mark all read' }),
    );
    expect(api.markNotificationsRead).toHaveBeenCalled();
    await waitFor(() => expect(api.listNotifications).toHaveBeenCalledTimes(2));
  });

  it('downloads the quarterly review', async () => {
    const createObjectURL = jest.fn().mockReturnValue('blob:review');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const api = await renderPage();
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Export quarterly review (Markdown)',
      }),
    );
    expect(api.getReviewMarkdown).toHaveBeenCalled();
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(createObjectURL).toHaveBeenCalled();
    click.mockRestore();
  });

  it('says so when there are no items yet', async () => {
    await renderPage(fakeRoadmapApi([]));
    expect(await screen.findByText('No items yet')).toBeInTheDocument();
  });

  it('shows an error when the roadmap cannot be loaded', async () => {
    await renderPage(
      fakeRoadmapApi([], {
        listItems: jest.fn().mockRejectedValue(new Error('Roadmap is down')),
      }),
    );
    expect(
      (await screen.findAllByText(/Roadmap is down/)).length,
    ).toBeGreaterThan(0);
  });
});
