import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import {
  Campaign,
  CampaignResults,
  NPS_FOLLOW_UP,
  NPS_QUESTION,
  NpsSummary,
  npsWarning,
  summarizeNps,
  Trend,
  TrendPoint,
} from '@paved/plugin-nps-common';
import { NpsApi, npsApiRef } from '../../api/NpsApi';
import { NpsPage, Router } from './NpsPage';

// Negative numbers are written with U+2212, never a hyphen.
const minus = (n: number) => String(n).replace('-', '\u2212');

function makeCampaign(
  n: number,
  quarter: string,
  overrides: Partial<Campaign> = {},
): Campaign {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    title: `Platform NPS ${quarter}`,
    question: NPS_QUESTION,
    followUp: NPS_FOLLOW_UP,
    opensAt: '2025-10-06T09:00:00Z',
    closesAt: '2025-10-27T09:00:00Z',
    audience: { type: 'all' },
    origin: 'schedule',
    status: 'closed',
    answers: 16,
    ...overrides,
  };
}

function summary(promoters: number, passives: number, detractors: number) {
  return summarizeNps({ promoters, passives, detractors }) as NpsSummary;
}

const q3 = makeCampaign(1, '2025 Q3');
const q4 = makeCampaign(2, '2025 Q4');
const q1 = makeCampaign(3, '2026 Q1', { status: 'open', answers: 2 });
const q2 = makeCampaign(4, '2026 Q2', { status: 'upcoming', answers: 0 });

// (6 - 4) / 16 = +12.5, shown as +13; the interval is wide and reaches +20.
const uncertain = summary(6, 6, 4);
// (2 - 10) / 15 = −53.3: clearly below the line.
const clearlyLow = summary(2, 3, 10);
const healthy = summary(10, 4, 2);

function point(campaign: Campaign, s: NpsSummary | null): TrendPoint {
  return { campaign, summary: s, change: null, goal: null };
}

/** The latest summarised campaign is Q4; Q1 is open without a summary yet. */
function makeTrend(latest: NpsSummary, overrides: Partial<Trend> = {}): Trend {
  return {
    points: [
      point(q3, healthy),
      point(q4, latest),
      point(q1, null),
      point(q2, null),
    ],
    warningThreshold: 20,
    minGroupSize: 5,
    warning: npsWarning(latest, 20),
    baselineCampaignId: null,
    ...overrides,
  };
}

function makeResults(campaign: Campaign): CampaignResults {
  return {
    campaign,
    summary: null,
    distribution: null,
    participation: { respondents: null, eligible: 40, rate: null },
    minGroupSize: 5,
    teams: [],
    batching: { campaignOpen: campaign.status === 'open', k: 5 },
  };
}

function fakeNpsApi(overrides: Partial<NpsApi> = {}): jest.Mocked<NpsApi> {
  return {
    getPrompt: jest.fn().mockResolvedValue({ campaign: null }),
    answer: jest.fn().mockResolvedValue(undefined),
    remindLater: jest.fn().mockResolvedValue({ until: '2026-01-08T09:00:00Z' }),
    notThisQuarter: jest.fn().mockResolvedValue(undefined),
    listCampaigns: jest.fn().mockResolvedValue([q3, q4, q1, q2]),
    getResults: jest
      .fn()
      .mockImplementation(async (id: string) =>
        makeResults([q3, q4, q1, q2].find(c => c.id === id)!),
      ),
    getTrend: jest.fn().mockResolvedValue(makeTrend(healthy)),
    ...overrides,
  } as jest.Mocked<NpsApi>;
}

// A developer without the platform PM permissions: no comments, no campaign admin.
const developerPermissions: PermissionApi = {
  authorize: jest.fn().mockResolvedValue({ result: 'DENY' }),
};

async function renderPage(api: NpsApi, path?: string, page = <NpsPage />) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [npsApiRef, api],
        [permissionApiRef, developerPermissions],
      ]}
    >
      {page}
    </TestApiProvider>,
    { routeEntries: path ? [path] : undefined },
  );
}

function warningBanner() {
  return screen
    .queryAllByRole('alert')
    .find(a => a.textContent?.includes('warning line'));
}

/** Waits until the trend table is shown, i.e. the trend has loaded. */
async function trendLoaded() {
  await screen.findByRole('table', { name: 'NPS by campaign' });
}

describe('NpsPage', () => {
  it('shows no warning while the platform NPS is above the warning line', async () => {
    await renderPage(fakeNpsApi());
    await trendLoaded();

    expect(warningBanner()).toBeUndefined();
  });

  it('shows the warning only when the trend says it is below the line', async () => {
    // The latest NPS is low, but the backend has not flagged it.
    await renderPage(
      fakeNpsApi({
        getTrend: jest
          .fn()
          .mockResolvedValue(makeTrend(clearlyLow, { warning: null })),
      }),
    );
    await trendLoaded();

    expect(warningBanner()).toBeUndefined();
  });

  it('warns when the platform NPS is clearly below the warning line', async () => {
    expect(clearlyLow.interval.high).toBeLessThan(20);
    await renderPage(
      fakeNpsApi({
        getTrend: jest.fn().mockResolvedValue(makeTrend(clearlyLow)),
      }),
    );
    await trendLoaded();

    const banner = warningBanner();
    expect(banner).toBeDefined();
    expect(banner).toHaveTextContent(
      `Platform NPS is −53 (95% interval ${minus(
        clearlyLow.interval.low,
      )} to ${minus(clearlyLow.interval.high)}), below the +20 warning line.`,
    );
    expect(banner).not.toHaveTextContent('within the margin of error');
  });

  it('says "within the margin of error" when the interval reaches the line', async () => {
    expect(uncertain.interval.high).toBeGreaterThan(20);
    await renderPage(
      fakeNpsApi({
        getTrend: jest.fn().mockResolvedValue(makeTrend(uncertain)),
      }),
    );
    await trendLoaded();

    const banner = warningBanner();
    expect(banner).toHaveTextContent(
      `Platform NPS is +13 (95% interval ${minus(
        uncertain.interval.low,
      )} to ${minus(
        uncertain.interval.high,
      )}), below the +20 warning line, though within the margin of error.`,
    );
  });

  it('says "within the margin of error" when the interval ends exactly on the line', async () => {
    const threshold = clearlyLow.interval.high;
    await renderPage(
      fakeNpsApi({
        getTrend: jest.fn().mockResolvedValue(
          makeTrend(clearlyLow, {
            warningThreshold: threshold,
            warning: { ...npsWarning(clearlyLow, threshold)!, certain: false },
          }),
        ),
      }),
    );
    await trendLoaded();

    expect(warningBanner()).toHaveTextContent('within the margin of error');
  });

  it('shows a progress bar while the trend is loading', async () => {
    const api = fakeNpsApi({
      getTrend: jest.fn().mockReturnValue(new Promise<Trend>(() => {})),
    });
    await renderPage(api);

    // The answer card and the (empty) results settle at once; the trend does not.
    await waitFor(() =>
      expect(
        screen.getAllByRole('progressbar', { name: 'Loading' }),
      ).toHaveLength(1),
    );
    expect(
      screen.getByText(/There is no survey for you to answer right now/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'NPS by campaign' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('NPS trend')).not.toBeInTheDocument();
    expect(warningBanner()).toBeUndefined();
  });

  it('shows the error when the trend cannot be loaded', async () => {
    const api = fakeNpsApi({
      getTrend: jest
        .fn()
        .mockRejectedValue(new Error('The NPS service is unavailable')),
    });
    await renderPage(api);

    // ResponseErrorPanel titles the panel with the error's message.
    expect(
      await screen.findByText('Error: The NPS service is unavailable'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.queryByRole('progressbar', { name: 'Loading' }),
      ).not.toBeInTheDocument(),
    );
    expect(
      screen.queryByRole('table', { name: 'NPS by campaign' }),
    ).not.toBeInTheDocument();
    expect(warningBanner()).toBeUndefined();
    expect(api.getResults).not.toHaveBeenCalled();
    // An error is not "no campaign yet".
    expect(
      screen.queryByText('No campaign has opened yet.'),
    ).not.toBeInTheDocument();
  });

  it('shows the results of the latest campaign that has opened', async () => {
    const api = fakeNpsApi();
    await renderPage(api);

    expect(await screen.findByText(`Results: ${q1.title}`)).toBeInTheDocument();
    expect(api.getResults).toHaveBeenCalledWith(q1.id);
    expect(api.getResults).not.toHaveBeenCalledWith(q2.id);
  });

  it('offers the form for the campaign the user can still answer', async () => {
    const user = userEvent.setup();
    const api = fakeNpsApi({
      getPrompt: jest.fn().mockResolvedValue({ campaign: q1 }),
    });
    await renderPage(api);

    const group = await screen.findByRole('radiogroup', { name: NPS_QUESTION });
    expect(api.getPrompt).toHaveBeenCalledWith({ includePutOff: true });
    await user.click(screen.getByRole('radio', { name: '9' }));
    await user.click(screen.getByRole('button', { name: 'Send answer' }));

    expect(await screen.findByRole('status')).toHaveTextContent(
      /Thank you! Your answer is stored confidentially. It is counted in a batch with other answers, at the latest when the survey closes/,
    );
    expect(group).not.toBeInTheDocument();
    expect(api.answer).toHaveBeenCalledWith(q1.id, {
      score: 9,
      comment: undefined,
    });
    // The results and the trend are reloaded to count the new answer.
    await waitFor(() => expect(api.getTrend).toHaveBeenCalledTimes(2));
  });

  it('shows the campaign the address names, and says so when it names none', async () => {
    const api = fakeNpsApi();
    await renderPage(api, `/?campaign=${q4.id}`);
    expect(await screen.findByText(`Results: ${q4.title}`)).toBeInTheDocument();
    expect(api.getResults).toHaveBeenCalledWith(q4.id);
    expect(api.getResults).not.toHaveBeenCalledWith(q1.id);
  });

  it('says there is no such campaign for an unknown one in the address, with a way back', async () => {
    const api = fakeNpsApi();
    await renderPage(api, '/?campaign=00000000-0000-4000-8000-000000000000');
    expect(
      await screen.findByRole('heading', {
        name: 'There is no such survey campaign',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Show the latest campaign' }),
    ).toHaveAttribute('href', '/nps');
    expect(api.getResults).not.toHaveBeenCalled();
  });

  it('answers any other address below /nps with a friendly not-found', async () => {
    await renderPage(fakeNpsApi(), '/answers', <Router />);
    expect(
      await screen.findByRole('heading', { name: 'This page does not exist' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Go to Platform NPS' }),
    ).toHaveAttribute('href', '/nps');
  });

  it('moves focus to the thank-you after sending', async () => {
    const user = userEvent.setup();
    const api = fakeNpsApi({
      getPrompt: jest.fn().mockResolvedValue({ campaign: q1 }),
    });
    await renderPage(api);
    await screen.findByRole('radiogroup', { name: NPS_QUESTION });
    await user.click(screen.getByRole('radio', { name: '9' }));
    await user.click(screen.getByRole('button', { name: 'Send answer' }));
    const thanks = await screen.findByRole('status');
    await waitFor(() => expect(thanks).toHaveFocus());
  });
});
