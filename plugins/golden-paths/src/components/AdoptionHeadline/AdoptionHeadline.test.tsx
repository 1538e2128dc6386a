import { screen } from '@testing-library/react';
import {
  fakeGoldenPathsApi,
  makeTrend,
  quarter,
  renderGoldenPaths,
} from '../../__testUtils__/fixtures';
import { AdoptionHeadline } from './AdoptionHeadline';

async function renderHeadline(...quarters: ReturnType<typeof quarter>[]) {
  await renderGoldenPaths(<AdoptionHeadline trend={makeTrend(quarters)} />, {
    api: fakeGoldenPathsApi(),
  });
}

describe('AdoptionHeadline', () => {
  it("states this quarter's rate with n and interval, and an interval that still reaches the goal", async () => {
    await renderHeadline(quarter('2026-Q3', 10, 2), quarter('2026-Q4', 13, 8));
    expect(
      await screen.findByText('62% of 13 new components (95% interval 36–82%)'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '8 of the 13 new components registered in Q4 2026 so far came from an approved golden path.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Below the 80% goal so far, but the interval still reaches it',
    );
  });

  it('says plainly when the quarter is below the goal', async () => {
    await renderHeadline(quarter('2026-Q4', 10, 2));
    expect(
      await screen.findByText('20% of 10 new components (95% interval 6–51%)'),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Below the 80% goal$/,
    );
  });

  it('says when the quarter meets the goal', async () => {
    await renderHeadline(quarter('2026-Q4', 15, 12));
    expect(
      await screen.findByText('80% of 15 new components (95% interval 55–93%)'),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Meets the 80% goal');
  });

  it('falls back to the last quarter with new components', async () => {
    await renderHeadline(
      quarter('2026-Q2', 10, 7),
      quarter('2026-Q3', 0, 0),
      quarter('2026-Q4', 0, 0),
    );
    expect(
      await screen.findByText('No new components in Q4 2026 yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Last quarter with new components, Q2 2026: 70% of 10 new components (95% interval 40–89%).',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
