import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RoadmapChange, RoadmapItem } from '@paved/plugin-roadmap-common';
import {
  fakeRoadmapApi,
  makeItem,
  renderRoadmap,
} from '../../__testUtils__/fixtures';
import { Router } from '../RoadmapPage';

const history: RoadmapChange[] = [
  {
    version: 1,
    action: 'created',
    by: 'user:default/pat.pm',
    at: '2026-01-05T10:00:00Z',
    changes: {},
  },
  {
    version: 2,
    action: 'updated',
    by: 'user:default/pat.pm',
    at: '2026-02-01T10:00:00Z',
    changes: {
      status: { from: 'exploring', to: 'building' },
      targetQuarter: { from: null, to: '2027-Q1' },
    },
  },
  {
    version: 3,
    action: 'moved',
    by: 'user:default/sam.pm',
    at: '2026-03-01T10:00:00Z',
    changes: { horizon: { from: 'later', to: 'next' } },
  },
];

async function renderItemPage(item: RoadmapItem, pm = false) {
  const api = fakeRoadmapApi([item], {
    getHistory: jest.fn().mockResolvedValue(history),
  });
  await renderRoadmap(<Router />, { api, pm, path: `/items/${item.id}` });
  await screen.findByRole('heading', { name: item.title, level: 1 });
  return api;
}

// usePermission caches decisions per test file, so the PM's tests are in ItemPage.pm.test.tsx.
describe('ItemPage', () => {
  it('shows the item with its details, disclaimer and links', async () => {
    const item = makeItem({
      title: 'Preview environments',
      summary: 'One per pull request',
      problem: 'Testing is slow',
      status: 'beta',
      horizon: 'next',
      targetQuarter: '2027-Q2',
      owner: 'group:default/sre',
      category: 'golden-paths',
      links: [
        { title: 'ADR', url: 'https://example.com/adr' },
        // eslint-disable-next-line no-script-url -- what the page must not link
        { title: 'Sneaky', url: 'javascript:alert(1)' },
      ],
      breakingChange: { notice: 'Old envs go', effectiveDate: '2030-02-01' },
    });
    await renderItemPage(item);
    expect(
      screen.getByText(/current direction, not commitments/),
    ).toBeInTheDocument();
    for (const text of [
      'One per pull request',
      'Testing is slow',
      'Beta',
      'Horizon: Next',
      'Q2 2027',
      'Owner: sre',
      'Golden paths',
    ]) {
      expect(screen.getAllByText(text).length).toBeGreaterThan(0);
    }
    expect(screen.getByText(/Old envs go/)).toBeInTheDocument();
    const adr = screen.getByRole('link', { name: 'ADR' });
    expect(adr).toHaveAttribute('href', 'https://example.com/adr');
    expect(adr).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByText('Sneaky')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sneaky' })).toBeNull();
  });

  it('renders the markdown description without raw HTML or javascript: links', async () => {
    const item = makeItem({
      title: 'Unsafe',
      description: [
        '**Bold words**',
        '',
        '<script>alert(1)</script>',
        '',
        '<img src=x onerror=alert(1)>',
        '',
        '[click](javascript:alert(1)) and [docs](https://example.com/docs)',
      ].join('\n'),
    });
    await renderItemPage(item);
    const description = screen.getByTestId('roadmap-item-description');
    expect(within(description).getByText('Bold words').tagName).toBe('STRONG');
    expect(
      within(description).getByRole('link', { name: /^docs/ }),
    ).toHaveAttribute('href', 'https://example.com/docs');
    expect(document.querySelector('script')).toBeNull();
    expect(description.querySelector('img')).toBeNull();
    expect(document.querySelector('img[onerror]')).toBeNull();
    const hrefs = [...document.querySelectorAll('a')].map(
      a => a.getAttribute('href') ?? '',
    );
    expect(hrefs.some(h => /^\s*javascript:/i.test(h))).toBe(false);
  });

  it('never loads images from other hosts (tracking pixels); own images stay', async () => {
    const item = makeItem({
      title: 'Pictures',
      description: [
        '![pixel](https://tracker.example/pixel.png)',
        '',
        '![protocol relative](//tracker.example/p.gif)',
        '',
        '![by reference][ref]',
        '',
        `![own absolute](${window.location.origin}/static/logo.png)`,
        '',
        '![own relative](/static/diagram.png)',
        '',
        '[ref]: https://tracker.example/ref.png',
      ].join('\n'),
    });
    await renderItemPage(item);
    const description = screen.getByTestId('roadmap-item-description');
    const sources = Object.fromEntries(
      [...description.querySelectorAll('img')].map(img => [
        img.getAttribute('alt'),
        img.getAttribute('src') ?? '',
      ]),
    );
    expect(sources).toEqual({
      pixel: '',
      'protocol relative': '',
      'by reference': '',
      'own absolute': `${window.location.origin}/static/logo.png`,
      'own relative': `${window.location.origin}/static/diagram.png`,
    });
    const everySource = [...document.querySelectorAll('img')].map(
      img => img.getAttribute('src') ?? '',
    );
    expect(everySource.some(src => src.includes('tracker.example'))).toBe(
      false,
    );
  });

  it('shows the full history with who, when and what changed', async () => {
    await renderItemPage(makeItem({ title: 'History' }));
    const list = await screen.findByRole('list', { name: 'History' });
    const entries = within(list).getAllByRole('listitem');
    expect(entries).toHaveLength(3);
    expect(entries[0]).toHaveTextContent('Version 1 · Created by pat.pm');
    expect(entries[1]).toHaveTextContent('Version 2 · Updated by pat.pm');
    expect(entries[1]).toHaveTextContent('status: Exploring → Building');
    expect(entries[1]).toHaveTextContent('target quarter: none → 2027-Q1');
    expect(entries[2]).toHaveTextContent('Version 3 · Moved by sam.pm');
    expect(entries[2]).toHaveTextContent('horizon: Later → Next');
  });

  it('votes and follows with pressed toggles that say their state', async () => {
    const item = makeItem({ title: 'Toggles' });
    const api = await renderItemPage(item);
    const follow = screen.getByRole('button', { name: 'Follow changes' });
    expect(follow).toHaveAttribute('aria-pressed', 'false');
    expect(follow).toHaveAccessibleDescription('You do not follow it.');
    await userEvent.click(follow);
    expect(api.subscribe).toHaveBeenCalledWith(item.id, true);
    const vote = screen.getByRole('button', { name: 'This matters to me' });
    expect(vote).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(vote);
    expect(api.vote).toHaveBeenCalledWith(item.id, true);
  });

  it('shows at once that voting follows, so the next click on Follow does not unfollow by surprise', async () => {
    const item = makeItem({ title: 'Vote then follow' });
    const api = await renderItemPage(item);
    api.vote.mockResolvedValue({
      ...item,
      votes: 1,
      votedByMe: true,
      subscribedByMe: true,
      version: item.version,
    });
    // The reload is slow: the page must not wait for it to show the new state.
    api.getItem.mockImplementation(() => new Promise(() => undefined));
    await userEvent.click(
      screen.getByRole('button', { name: 'This matters to me' }),
    );
    const follow = screen.getByRole('button', { name: 'Follow changes' });
    expect(follow).toHaveAttribute('aria-pressed', 'true');
    expect(follow).toHaveAccessibleDescription(/You follow it/);
  });

  it('shows developers no Edit or Delete', async () => {
    await renderItemPage(makeItem({ title: 'Read only' }), false);
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it('shows an error when the item cannot be loaded', async () => {
    const api = fakeRoadmapApi([], {
      getItem: jest.fn().mockRejectedValue(new Error('Service unavailable')),
    });
    await renderRoadmap(<Router />, { api, path: '/items/unknown' });
    expect(
      (await screen.findAllByText(/Service unavailable/)).length,
    ).toBeGreaterThan(0);
  });

  it.each([404, 400])(
    'shows a friendly not-found with a way back for a %i',
    async status => {
      const api = fakeRoadmapApi([], {
        getItem: jest.fn().mockRejectedValue(
          Object.assign(new Error(`Request failed with ${status}`), {
            name: 'ResponseError',
            statusCode: status,
          }),
        ),
      });
      await renderRoadmap(<Router />, { api, path: '/items/gone' });
      expect(
        await screen.findByRole('heading', {
          name: 'This roadmap item does not exist',
        }),
      ).toBeInTheDocument();
      expect(
        screen.getByRole('link', { name: 'Back to the roadmap' }),
      ).toHaveAttribute('href', '/roadmap');
      expect(screen.queryByText(/Request failed/)).toBeNull();
    },
  );
});
