import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApis, renderHealth } from '../../__testUtils__/fixtures';
import { HealthPage, parseView } from './HealthPage';

describe('HealthPage', () => {
  it('shows leading and lagging metrics, the roadmap and OKRs from the owning APIs', async () => {
    const apis = fakeApis();
    await renderHealth(<HealthPage />, { apis });
    expect(
      await screen.findByRole('heading', { name: 'Leading metrics' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByTestId('value-nps')).toHaveTextContent('+30'),
    );
    expect(screen.getByTestId('value-participation')).toHaveTextContent('63%');
    expect(screen.getByTestId('value-adoption')).toHaveTextContent('70%');
    expect(screen.getByTestId('value-onboarding')).toHaveTextContent('12 days');
    await waitFor(() =>
      expect(screen.getByTestId('value-changeFailureRate')).toHaveTextContent(
        '10%',
      ),
    );
    expect(await screen.findByTestId('roadmap-now')).toHaveTextContent('1');
    expect(screen.getByTestId('roadmap-next')).toHaveTextContent('1');
    expect(
      await screen.findByText('No objectives for Q4 2026 yet.'),
    ).toBeInTheDocument();
    // Quarterly by default: a year of DORA history for the sparklines, and
    // the 90 days a quarter earlier for the change.
    expect(apis.metrics.getDora).toHaveBeenCalledWith({
      team: undefined,
      windowDays: 365,
    });
    expect(apis.metrics.getDora).toHaveBeenCalledWith({
      team: undefined,
      windowDays: 90,
      end: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(apis.goldenPaths.getMonthlyAdoption).not.toHaveBeenCalled();
    // The fake answers the same figures for every window: no change, in so
    // many words; tested for the rates (9 of 90 both times: Newcombe's
    // interval is -9.0 to +9.0 points), a change in value for the rest.
    expect(screen.getByTestId('change-changeFailureRate')).toHaveTextContent(
      /^No detectable change since the 90 days to \d{4}-\d{2}-\d{2}: 0 pts, and the 95% interval \u22129 pts to \+9 pts includes zero$/,
    );
    expect(screen.getByTestId('change-leadTime')).toHaveTextContent(
      /^0 h since the 90 days to \d{4}-\d{2}-\d{2} \(a change in value, not tested for significance\)$/,
    );
  });

  it("names each metric in the latest release's impact", async () => {
    const group = { before: null, after: null, change: null, services: 0 };
    const impact = (metric: string, summary: string) => ({
      metric,
      goldenPath: group,
      others: group,
      difference: null,
      interval: null,
      verdict: 'no-detectable-change',
      summary,
    });
    const apis = fakeApis({
      metrics: {
        listReleases: jest.fn().mockResolvedValue([
          {
            id: 'marker:1',
            kind: 'marker',
            title: 'Service template v2',
            releasedAt: '2026-09-04T00:00:00Z',
            description: null,
          },
        ]),
        getReleaseImpact: jest.fn().mockResolvedValue({
          release: {
            id: 'marker:1',
            kind: 'marker',
            title: 'Service template v2',
            releasedAt: '2026-09-04T00:00:00Z',
            description: null,
          },
          days: 30,
          complete: true,
          goldenPathServices: 38,
          otherServices: 51,
          metrics: [
            impact('deploymentFrequency', 'No detectable change.'),
            impact('changeFailureRate', 'Golden-path services improved.'),
          ],
        }),
      },
    });
    await renderHealth(<HealthPage />, { apis });
    const items = await screen.findAllByRole('listitem');
    const texts = items.map(i => i.textContent);
    expect(texts).toContain('Deployment frequency: No detectable change.');
    expect(texts).toContain(
      'Change failure rate: Golden-path services improved.',
    );
  });

  it('switches to the monthly view', async () => {
    const apis = fakeApis();
    await renderHealth(<HealthPage />, { apis });
    await userEvent.click(
      await screen.findByRole('button', { name: /Monthly/ }),
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Monthly/ })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );
    await waitFor(() =>
      expect(apis.metrics.getOnboarding).toHaveBeenCalledWith(3),
    );
    // Adoption in each of the last three months.
    const months = await screen.findByRole('list', {
      name: 'Golden-path adoption by month',
    });
    expect(months).toHaveTextContent('Sep 2026: 75% (3 of 4)');
    expect(months).toHaveTextContent('Oct 2026: no new components');
    expect(apis.goldenPaths.getMonthlyAdoption).toHaveBeenCalledWith({
      from: expect.stringMatching(/^\d{4}-\d{2}$/),
      to: expect.stringMatching(/^\d{4}-\d{2}$/),
    });
  });

  it('reads the view and the team from the address, and keeps small teams hidden', async () => {
    const apis = fakeApis();
    await renderHealth(<HealthPage />, {
      apis,
      path: '/health?view=monthly&team=group:default/data',
    });
    expect(
      await screen.findByRole('button', { name: /Monthly/ }),
    ).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() =>
      expect(screen.getByTestId('value-nps')).toHaveTextContent('Hidden'),
    );
    expect(
      screen.getByText('Hidden: fewer than 5 answers'),
    ).toBeInTheDocument();
    expect(apis.metrics.getDora).toHaveBeenCalledWith({
      team: 'group:default/data',
      windowDays: 90,
    });
    // The monthly view has no quarter-on-quarter DORA change.
    expect(
      (apis.metrics.getDora as jest.Mock).mock.calls.some(([r]) => r.end),
    ).toBe(false);
    await waitFor(() =>
      expect(screen.getByTestId('value-changeFailureRate')).toHaveTextContent(
        '10%',
      ),
    );
    expect(screen.queryByTestId('change-changeFailureRate')).toBeNull();
    // A team's adoption has no monthly breakdown (the monthly API is organisation-wide).
    expect(
      screen.queryByRole('list', { name: 'Golden-path adoption by month' }),
    ).toBeNull();
  });

  it('time to first deployment: the pooled joining quarter in the quarterly view, the month in the monthly view, hidden while too small', async () => {
    const quarterly = {
      period: 'quarter',
      minCohortSize: 5,
      cohorts: [
        {
          cohort: '2026-Q3',
          joined: 9,
          deployed: 7,
          notYetDeployed: 2,
          medianDays: 9,
        },
        {
          cohort: '2026-Q4',
          joined: 8,
          deployed: 5,
          notYetDeployed: 3,
          medianDays: 4.5,
        },
      ],
    };
    const apis = fakeApis({
      metrics: {
        getOnboarding: jest.fn(async (request?: unknown) =>
          typeof request === 'object'
            ? quarterly
            : {
                period: 'month',
                minCohortSize: 5,
                cohorts: [
                  {
                    cohort: '2026-11',
                    joined: 4,
                    deployed: null,
                    notYetDeployed: null,
                    medianDays: null,
                  },
                ],
              },
        ) as any,
      },
    });
    await renderHealth(<HealthPage />, { apis });
    await waitFor(() =>
      expect(screen.getByTestId('value-onboarding')).toHaveTextContent(
        '4.5 days',
      ),
    );
    expect(apis.metrics.getOnboarding).toHaveBeenCalledWith({ quarters: 8 });
    expect(screen.getByText('5 of 8 deployed')).toBeInTheDocument();
    expect(screen.getByText('joined 2026-Q4')).toBeInTheDocument();

    // The monthly view: the last three joining months, too small here.
    await userEvent.click(screen.getByRole('button', { name: /Monthly/ }));
    await waitFor(() =>
      expect(screen.getByTestId('value-onboarding')).toHaveTextContent(
        'Hidden',
      ),
    );
    expect(apis.metrics.getOnboarding).toHaveBeenCalledWith(3);
    expect(
      screen.getByText('Hidden: no cohort has 5 first deployments yet'),
    ).toBeInTheDocument();
  });

  it('time to first deployment is loading until its owner answers, and says when nobody joined', async () => {
    // Every reader of the report (the card, the OKRs) waits for the same answer.
    let answer: (report: unknown) => void = () => {};
    const pending = new Promise(resolve => (answer = resolve));
    const apis = fakeApis({
      metrics: { getOnboarding: jest.fn(() => pending) as any },
    });
    await renderHealth(<HealthPage />, { apis });
    const card = await screen.findByRole('article', {
      name: 'Time to first deployment (median)',
    });
    expect(within(card).getByLabelText('Loading')).toBeInTheDocument();
    answer({
      period: 'quarter',
      minCohortSize: 5,
      cohorts: [
        {
          cohort: '2026-Q4',
          joined: 0,
          deployed: 0,
          notYetDeployed: 0,
          medianDays: null,
        },
      ],
    });
    await waitFor(() =>
      expect(screen.getByTestId('value-onboarding')).toHaveTextContent('—'),
    );
    expect(
      screen.getByText('Nobody joined in this period'),
    ).toBeInTheDocument();
  });

  it('shows an error when the targets cannot be read', async () => {
    const apis = fakeApis({
      health: { getTargets: jest.fn().mockRejectedValue(new Error('boom')) },
    });
    await renderHealth(<HealthPage />, { apis });
    expect(await screen.findByText('Error: boom')).toBeInTheDocument();
    expect(
      screen.queryByRole('heading', { name: 'Leading metrics' }),
    ).toBeNull();
  });

  it('treats anything but "monthly" as the quarterly view', () => {
    expect(parseView('monthly')).toBe('monthly');
    expect(parseView('')).toBe('quarterly');
    expect(parseView('weekly')).toBe('quarterly');
  });
});
