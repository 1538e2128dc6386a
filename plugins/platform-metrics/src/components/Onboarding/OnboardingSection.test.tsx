import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OnboardingReport } from '@paved/plugin-platform-metrics-common';
import { fakeApi, renderMetrics } from '../../__testUtils__/fixtures';
import { OnboardingSection } from './OnboardingSection';

jest.setTimeout(60_000);

const cohort = (
  key: string,
  joined: number,
  deployed: number | null,
  medianDays: number | null,
) => ({
  cohort: key,
  joined,
  deployed,
  notYetDeployed: deployed === null ? null : joined - deployed,
  medianDays,
});

// Every month below k: nothing to chart.
const monthly: OnboardingReport = {
  period: 'month',
  minCohortSize: 5,
  cohorts: [cohort('2026-10', 2, null, null), cohort('2026-11', 3, null, null)],
};
// The same people pooled by quarter: one quarter has a median.
const quarterly: OnboardingReport = {
  period: 'quarter',
  minCohortSize: 5,
  cohorts: [cohort('2026-Q3', 0, 0, null), cohort('2026-Q4', 8, 6, 4.5)],
};

describe('OnboardingSection', () => {
  it('says why there is no chart when no month can show a median, and pools by quarter on request', async () => {
    const getOnboarding = jest.fn(async (request?: unknown) =>
      typeof request === 'object' ? quarterly : monthly,
    );
    await renderMetrics(<OnboardingSection />, {
      api: fakeApi({ getOnboarding }),
    });
    expect(
      await screen.findByText(
        /No month has the 5 first deployments a median needs/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
    expect(getOnboarding).toHaveBeenLastCalledWith(12);

    await userEvent.click(screen.getByRole('button', { name: 'By quarter' }));
    await waitFor(() =>
      expect(getOnboarding).toHaveBeenLastCalledWith({ quarters: 4 }),
    );
    expect(
      await screen.findByRole('img', {
        name: /median days to first deployment/,
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'By quarter' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(
      screen.getByText(
        '8 developers joined; 2 have not deployed to production yet.',
      ),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Show as table' }),
    );
    expect(await screen.findByText('Q4 2026')).toBeInTheDocument();
    // A quarter nobody joined in has no row.
    expect(screen.queryByText('Q3 2026')).toBeNull();
  });
});
