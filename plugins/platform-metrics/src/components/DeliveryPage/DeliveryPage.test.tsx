import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  DAY_MS,
  ReleaseImpactReport,
  metricImpact,
} from '@paved/plugin-platform-metrics-common';
import {
  fakeApi,
  makeReport,
  renderMetrics,
} from '../../__testUtils__/fixtures';
import { DeliveryPage } from './DeliveryPage';

const release = {
  id: 'roadmap:1',
  kind: 'roadmap' as const,
  title: 'Service template v2',
  releasedAt: '2026-09-04T00:00:00Z',
  description: null,
};

const impact: ReleaseImpactReport = {
  release,
  days: 30,
  complete: true,
  goldenPathServices: 2,
  otherServices: 2,
  metrics: [
    metricImpact(
      'leadTime',
      ['g1', 'g2', 'o1', 'o2'].map((s, i) => ({
        service: s,
        goldenPath: s.startsWith('g'),
        before: {
          deployments: 9,
          changeFailures: 0,
          rework: 0,
          pipelineFailures: 0,
          leadTimeMs: 4 * DAY_MS,
          leadTimeCommits: 9,
          recoveryMs: null,
          recovered: 0,
        },
        after: {
          deployments: 9,
          changeFailures: 0,
          rework: 0,
          pipelineFailures: 0,
          leadTimeMs: (s.startsWith('g') ? 2 : 4) * DAY_MS + i,
          leadTimeCommits: 9,
          recoveryMs: null,
          recovered: 0,
        },
      })),
      { before: 30, after: 30 },
      'r',
    ),
  ],
};

// Rendering a whole page is slow on a busy 2-core machine.
jest.setTimeout(60_000);

describe('DeliveryPage', () => {
  it('shows the five metrics, release impact, onboarding and unmapped services', async () => {
    const api = fakeApi({
      getDora: jest.fn().mockResolvedValue(
        makeReport({
          deployments: 200,
          changeFailures: 10,
          leadTimeMs: 3 * DAY_MS,
          leadTimeCommits: 400,
          recoveryMs: 3_600_000,
          recovered: 10,
          pipelineFailures: 7,
        }),
      ),
      getFilters: jest.fn().mockResolvedValue({
        teams: ['group:default/checkout'],
        services: [
          {
            ref: 'component:default/checkout-api',
            owner: 'group:default/checkout',
          },
        ],
      }),
      listReleases: jest.fn().mockResolvedValue([release]),
      getReleaseImpact: jest.fn().mockResolvedValue(impact),
      getOnboarding: jest.fn().mockResolvedValue({
        minCohortSize: 3,
        cohorts: [
          {
            cohort: '2026-10',
            joined: 3,
            deployed: 2,
            notYetDeployed: 1,
            medianDays: 6.5,
          },
        ],
      }),
      listUnmappedServices: jest.fn().mockResolvedValue([
        {
          service: 'component:default/payments-gw',
          deployments: 3,
          incidents: 0,
          lastEventAt: '2026-11-28T10:00:00Z',
        },
      ]),
    });
    await renderMetrics(<DeliveryPage />, { api });
    for (const name of [
      'Deployment frequency',
      'Change lead time',
      'Change failure rate',
      'Failed deployment recovery time',
      'Deployment rework rate',
    ]) {
      expect(await screen.findByRole('article', { name })).toBeInTheDocument();
    }
    expect(
      screen.getByText(
        /7 pipeline failures in the window never reached production/,
      ),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', {
      name: 'Impact of Service template v2',
    });
    expect(within(table).getByText('Improved')).toBeInTheDocument();
    expect(
      await screen.findByText(
        '3 developers joined; 1 has not deployed to production yet.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('component:default/payments-gw'),
    ).toBeInTheDocument();
    // Developers do not see the marker form.
    expect(screen.queryByRole('button', { name: 'Add marker' })).toBeNull();
  });

  it('filters by team and window through labelled controls, keeping them in the address', async () => {
    const api = fakeApi({
      getFilters: jest.fn().mockResolvedValue({
        teams: ['group:default/checkout'],
        services: [
          {
            ref: 'component:default/checkout-api',
            owner: 'group:default/checkout',
          },
        ],
      }),
    });
    await renderMetrics(<DeliveryPage />, { api });
    await screen.findByRole(
      'option',
      { name: 'checkout' },
      { timeout: 20_000 },
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Team' }),
      'group:default/checkout',
    );
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Window' }),
      '30',
    );
    await waitFor(() =>
      expect(api.getDora).toHaveBeenLastCalledWith({
        team: 'group:default/checkout',
        service: undefined,
        windowDays: 30,
      }),
    );
    expect(
      await screen.findByRole('heading', {
        name: 'checkout: the last 30 days',
      }),
    ).toBeInTheDocument();
  });

  it('says so when there are no deployments, no releases and nobody joined', async () => {
    await renderMetrics(<DeliveryPage />, { api: fakeApi() });
    expect(
      await screen.findByText(/No production deployments in these 90 days/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/No platform releases yet/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Nobody joined in the last 12 months.'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Every service that sends events is in the catalog.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the error when the backend fails', async () => {
    const api = fakeApi({
      getDora: jest.fn().mockRejectedValue(new Error('backend down')),
    });
    await renderMetrics(<DeliveryPage />, { api });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });
});
