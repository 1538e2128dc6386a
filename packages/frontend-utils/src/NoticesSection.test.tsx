import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { NoticesSection } from './NoticesSection';

type N = { id: string; read: boolean; createdAt: string; text: string };
const notice = (id: string, read: boolean): N => ({
  id,
  read,
  createdAt: '2026-11-30T10:00:00Z',
  text: `notice ${id}`,
});

function renderSection(opts: {
  load: () => Promise<N[]>;
  markAllRead?: () => Promise<unknown>;
}) {
  return renderInTestApp(
    <NoticesSection<N>
      title="Your notices"
      listLabel="Notices"
      empty="Nothing yet."
      deps={[]}
      load={opts.load}
      markAllRead={opts.markAllRead ?? (async () => undefined)}
      primary={n => n.text}
      secondary={n => n.createdAt.slice(0, 10)}
    />,
  );
}

describe('NoticesSection', () => {
  it('shows a spinner while loading, then the empty text', async () => {
    let resolve: (v: N[]) => void = () => {};
    await renderSection({ load: () => new Promise(r => (resolve = r)) });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
    resolve([]);
    expect(await screen.findByText('Nothing yet.')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Mark all read' }),
    ).toBeDisabled();
  });

  it('says why the notices could not load', async () => {
    const response = new Response(
      JSON.stringify({ error: { name: 'Error', message: 'database down' } }),
      { status: 503, headers: { 'Content-Type': 'application/json' } },
    );
    const error = await ResponseError.fromResponse(response);
    await renderSection({ load: () => Promise.reject(error) });
    expect(
      (await screen.findAllByText(/database down/)).length,
    ).toBeGreaterThan(0);
  });

  it('marks unread notices and counts them; marking all read reloads the list', async () => {
    let read = false;
    const load = jest.fn(async () => [notice('a', read), notice('b', true)]);
    await renderSection({
      load,
      markAllRead: async () => {
        read = true;
      },
    });
    const list = await screen.findByRole('list', { name: 'Notices' });
    expect(list).toHaveTextContent('notice a');
    expect(screen.getByText('1 unread')).toBeInTheDocument();
    expect(screen.getAllByText('New')).toHaveLength(1);
    await userEvent.click(
      screen.getByRole('button', { name: 'Mark all read' }),
    );
    await waitFor(() => expect(screen.queryByText('New')).toBeNull());
    expect(screen.queryByText('1 unread')).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('says so when marking read fails, and keeps the notices unread', async () => {
    await renderSection({
      load: async () => [notice('a', false)],
      markAllRead: () => Promise.reject(new Error('network down')),
    });
    await screen.findByText('1 unread');
    await userEvent.click(
      screen.getByRole('button', { name: 'Mark all read' }),
    );
    expect(
      await screen.findByText(
        'Could not mark the notices read: network down. Try again.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('New')).toBeInTheDocument();
  });
});
