import { screen, within } from '@testing-library/react';
import {
  fakeGoldenPathsApi,
  makePath,
  renderGoldenPaths,
} from '../../__testUtils__/fixtures';
import { PathsTab } from './PathsTab';

describe('PathsTab', () => {
  it('shows one card per golden path', async () => {
    const api = fakeGoldenPathsApi([
      makePath({ name: 'ts', title: 'TypeScript service' }),
      makePath({ name: 'py', title: 'Python worker' }),
    ]);
    await renderGoldenPaths(<PathsTab />, { api });
    const list = await screen.findByRole('list', { name: 'Golden paths' });
    expect(
      within(list)
        .getAllByRole('article')
        .map(a => a.getAttribute('aria-labelledby')),
    ).toEqual(['golden-path-default-ts', 'golden-path-default-py']);
    expect(
      screen.getByRole('article', { name: 'Python worker' }),
    ).toBeInTheDocument();
  });

  it('explains how to make a golden path when there is none', async () => {
    await renderGoldenPaths(<PathsTab />, { api: fakeGoldenPathsApi([]) });
    expect(
      await screen.findByText('No approved golden paths yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('paved.dev/golden-path: "true"'),
    ).toBeInTheDocument();
  });

  it('shows the error when the paths cannot be loaded', async () => {
    const api = fakeGoldenPathsApi([], {
      listPaths: jest.fn().mockRejectedValue(new Error('Catalog is down')),
    });
    await renderGoldenPaths(<PathsTab />, { api });
    expect(
      (await screen.findAllByText(/Catalog is down/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('article')).toBeNull();
  });
});
