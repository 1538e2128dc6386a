import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeGoldenPathsApi,
  makePath,
  makeTrend,
  quarter,
  renderGoldenPaths,
} from '../../__testUtils__/fixtures';
import { Router } from './Router';

function api() {
  return fakeGoldenPathsApi([makePath({ title: 'TypeScript service' })], {
    getAdoption: jest
      .fn()
      .mockResolvedValue(makeTrend([quarter('2026-Q4', 13, 8)])),
  });
}

describe('GoldenPathsPage', () => {
  it('explains golden paths and shows the paths first', async () => {
    const goldenPathsApi = api();
    await renderGoldenPaths(<Router />, { api: goldenPathsApi });
    expect(
      screen.getByRole('heading', { name: 'Golden paths', level: 1 }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Approved templates that set up a service the way the platform supports it/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Paths' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('article', { name: 'TypeScript service' }),
    ).toBeInTheDocument();
    expect(goldenPathsApi.getAdoption).not.toHaveBeenCalled();
  });

  it('switches to Adoption with the keyboard', async () => {
    await renderGoldenPaths(<Router />, { api: api() });
    const paths = screen.getByRole('tab', { name: 'Paths' });
    paths.focus();
    await userEvent.keyboard('{ArrowRight}');
    const adoption = screen.getByRole('tab', { name: 'Adoption' });
    expect(adoption).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(adoption).toHaveAttribute('aria-selected', 'true');
    expect(
      await screen.findByText('62% of 13 new components (95% interval 36–82%)'),
    ).toBeInTheDocument();
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Adoption');
  });

  it('opens the Adoption tab from a link', async () => {
    await renderGoldenPaths(<Router />, { api: api(), path: '/?tab=adoption' });
    expect(screen.getByRole('tab', { name: 'Adoption' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('region', { name: 'Adoption by team' }),
    ).toBeInTheDocument();
  });
});
