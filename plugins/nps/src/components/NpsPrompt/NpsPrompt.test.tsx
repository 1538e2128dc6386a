import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  Campaign,
  NPS_FOLLOW_UP,
  NPS_QUESTION,
  summarizeNps,
  Trend,
  TrendPoint,
} from '@paved/plugin-nps-common';
import { NpsApi, npsApiRef } from '../../api/NpsApi';
import { NpsPrompt } from './NpsPrompt';

// Campaign ids are UUIDs in the backend; the quarter makes them readable here.
function makeCampaign(
  quarter: string,
  overrides: Partial<Campaign> = {},
): Campaign {
  return {
    id: `00000000-0000-4000-8000-${quarter.replace(' Q', '0000000')}`,
    title: `Platform NPS ${quarter}`,
    question: NPS_QUESTION,
    followUp: NPS_FOLLOW_UP,
    opensAt: '2026-01-05T09:00:00Z',
    closesAt: '2026-01-26T09:00:00Z',
    audience: { type: 'all' },
    origin: 'schedule',
    status: 'closed',
    answers: 20,
    ...overrides,
  };
}

const openCampaign = makeCampaign('2026 Q1', { status: 'open', answers: 3 });

function point(
  campaign: Campaign,
  counts: { promoters: number; passives: number; detractors: number } | null,
): TrendPoint {
  return {
    campaign,
    summary: counts ? summarizeNps(counts)! : null,
    change: null,
    goal: null,
  };
}

// Five summarised campaigns, then the open one without enough answers yet.
const trend: Trend = {
  points: [
    point(makeCampaign('2024 Q4'), {
      promoters: 9,
      passives: 1,
      detractors: 0,
    }), // +90
    point(makeCampaign('2025 Q1'), {
      promoters: 10,
      passives: 5,
      detractors: 5,
    }), // +25
    point(makeCampaign('2025 Q2'), {
      promoters: 5,
      passives: 5,
      detractors: 10,
    }), // −25
    point(makeCampaign('2025 Q3'), {
      promoters: 4,
      passives: 2,
      detractors: 4,
    }), // 0
    point(makeCampaign('2025 Q4'), {
      promoters: 7,
      passives: 5,
      detractors: 3,
    }), // +27
    point(openCampaign, null),
  ],
  warningThreshold: 20,
  minGroupSize: 5,
  warning: null,
  baselineCampaignId: null,
};

function fakeNpsApi(overrides: Partial<NpsApi> = {}): jest.Mocked<NpsApi> {
  return {
    getPrompt: jest.fn().mockResolvedValue({ campaign: openCampaign }),
    answer: jest.fn().mockResolvedValue(undefined),
    remindLater: jest.fn().mockResolvedValue({ until: '2026-01-08T09:00:00Z' }),
    notThisQuarter: jest.fn().mockResolvedValue(undefined),
    listCampaigns: jest.fn().mockResolvedValue([openCampaign]),
    getResults: jest.fn().mockRejectedValue(new Error('not used')),
    getTrend: jest.fn().mockResolvedValue(trend),
    getShippedSince: jest.fn().mockResolvedValue([]),
    ...overrides,
  } as jest.Mocked<NpsApi>;
}

async function renderPrompt(api: NpsApi, routeEntries: string[] = ['/']) {
  return renderInTestApp(
    <TestApiProvider apis={[[npsApiRef, api]]}>
      <NpsPrompt />
    </TestApiProvider>,
    { routeEntries },
  );
}

/** Lets the pending getPrompt promise settle and React re-render. */
async function settle() {
  await act(async () => {
    await new Promise(resolve => setTimeout(resolve, 0));
  });
}

describe('NpsPrompt', () => {
  it('renders nothing when there is no campaign to ask about', async () => {
    const api = fakeNpsApi({
      getPrompt: jest.fn().mockResolvedValue({ campaign: null }),
    });
    const { container } = await renderPrompt(api);

    await waitFor(() => expect(api.getPrompt).toHaveBeenCalledTimes(1));
    await settle();
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument();
    expect(container).toHaveTextContent(/^$/);
  });

  it('renders nothing while loading or when loading the prompt fails', async () => {
    const api = fakeNpsApi({
      getPrompt: jest.fn().mockRejectedValue(new Error('Service unavailable')),
    });
    await renderPrompt(api);

    await waitFor(() => expect(api.getPrompt).toHaveBeenCalledTimes(1));
    await settle();
    expect(screen.queryByRole('complementary')).not.toBeInTheDocument();
    expect(screen.queryByText(/Service unavailable/)).not.toBeInTheDocument();
  });

  it('shows a "Platform survey" panel with the question when there is a campaign', async () => {
    await renderPrompt(fakeNpsApi());

    const panel = await screen.findByRole('complementary', {
      name: 'Platform survey',
    });
    expect(panel.tagName).toBe('ASIDE');
    expect(within(panel).getByText(openCampaign.title)).toBeInTheDocument();
    expect(
      within(panel).getByRole('radiogroup', { name: NPS_QUESTION }),
    ).toBeInTheDocument();
    // A panel, never a modal: it does not block the page.
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('renders nothing on the /nps page, which has its own form', async () => {
    const api = fakeNpsApi();
    await renderPrompt(api, ['/nps']);

    // Give a prompt that would otherwise show time to arrive.
    await settle();
    await settle();
    expect(
      screen.queryByRole('complementary', { name: 'Platform survey' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument();
  });

  it('tells what shipped since the previous campaign opened', async () => {
    const previous = makeCampaign('2025 Q4', {
      opensAt: '2025-10-06T09:00:00Z',
    });
    const api = fakeNpsApi({
      listCampaigns: jest.fn().mockResolvedValue([previous, openCampaign]),
      getShippedSince: jest.fn().mockResolvedValue([
        {
          id: 'a1',
          title: 'Autoscaled CI runners',
          shippedAt: '2025-11-20T00:00:00Z',
        },
        {
          id: 'b2',
          title: 'Service template v2',
          shippedAt: '2025-11-02T00:00:00Z',
        },
      ]),
    });
    await renderPrompt(api);
    expect(
      await screen.findByText(/Since the last survey we shipped/),
    ).toBeInTheDocument();
    expect(api.getShippedSince).toHaveBeenCalledWith('2025-10-06T09:00:00Z');
    expect(
      screen.getByRole('link', { name: 'Autoscaled CI runners' }),
    ).toHaveAttribute('href', '/roadmap/items/a1');
  });

  it('says nothing about shipping before the first campaign', async () => {
    const api = fakeNpsApi();
    await renderPrompt(api);
    await screen.findByRole('complementary', { name: 'Platform survey' });
    await settle();
    expect(api.getShippedSince).not.toHaveBeenCalled();
    expect(screen.queryByText(/we shipped/)).not.toBeInTheDocument();
  });

  it('shows on pages that only look like the NPS page', async () => {
    await renderPrompt(fakeNpsApi(), ['/npsx/guide']);
    expect(
      await screen.findByRole('complementary', { name: 'Platform survey' }),
    ).toBeInTheDocument();
  });

  it('"Remind me later" says for how long, snoozes the campaign, says when it comes back, then hides', async () => {
    const user = userEvent.setup();
    const api = fakeNpsApi({
      getPrompt: jest
        .fn()
        .mockResolvedValue({ campaign: openCampaign, remindLaterDays: 3 }),
    });
    await renderPrompt(api);

    const panel = await screen.findByRole('complementary', {
      name: 'Platform survey',
    });
    await user.click(
      within(panel).getByRole('button', {
        name: 'Remind me later (in 3 days)',
      }),
    );

    // The answer is 2026-01-08T09:00:00Z: the day it comes back, with focus on it.
    const status = await within(panel).findByRole('status');
    expect(status).toHaveTextContent(
      'We will ask you again on Thursday 8 January.',
    );
    expect(status).toHaveFocus();
    await user.click(within(panel).getByRole('button', { name: 'OK' }));
    await waitFor(() =>
      expect(
        screen.queryByRole('complementary', { name: 'Platform survey' }),
      ).not.toBeInTheDocument(),
    );
    expect(api.remindLater).toHaveBeenCalledTimes(1);
    expect(api.remindLater).toHaveBeenCalledWith(openCampaign.id);
    expect(api.notThisQuarter).not.toHaveBeenCalled();
    expect(api.answer).not.toHaveBeenCalled();
  });

  it('"Not this quarter" dismisses the campaign and hides the panel', async () => {
    const user = userEvent.setup();
    const api = fakeNpsApi();
    await renderPrompt(api);

    const panel = await screen.findByRole('complementary', {
      name: 'Platform survey',
    });
    await user.click(
      within(panel).getByRole('button', { name: 'Not this quarter' }),
    );

    await waitFor(() =>
      expect(
        screen.queryByRole('complementary', { name: 'Platform survey' }),
      ).not.toBeInTheDocument(),
    );
    expect(api.notThisQuarter).toHaveBeenCalledTimes(1);
    expect(api.notThisQuarter).toHaveBeenCalledWith(openCampaign.id);
    expect(api.remindLater).not.toHaveBeenCalled();
    expect(api.answer).not.toHaveBeenCalled();
  });

  it('keeps the panel and shows the error when putting off fails', async () => {
    const user = userEvent.setup();
    const api = fakeNpsApi({
      remindLater: jest.fn().mockRejectedValue(new Error('Network is down')),
    });
    await renderPrompt(api);

    const panel = await screen.findByRole('complementary', {
      name: 'Platform survey',
    });
    await user.click(
      within(panel).getByRole('button', { name: 'Remind me later' }),
    );

    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'Network is down',
    );
    expect(
      screen.getByRole('complementary', { name: 'Platform survey' }),
    ).toBeInTheDocument();
  });

  it('thanks the user with the recent NPS and a link to /nps after answering', async () => {
    const user = userEvent.setup();
    const api = fakeNpsApi();
    await renderPrompt(api);

    const panel = await screen.findByRole('complementary', {
      name: 'Platform survey',
    });
    await user.click(within(panel).getByRole('radio', { name: '8' }));
    await user.click(
      within(panel).getByRole('button', { name: 'Send answer' }),
    );

    const thanks = await within(panel).findByRole('status');
    // Focus moves to the thank-you that replaced the form.
    await waitFor(() => expect(thanks).toHaveFocus());
    expect(api.answer).toHaveBeenCalledWith(openCampaign.id, {
      score: 8,
      comment: undefined,
    });
    expect(api.getTrend).toHaveBeenCalledTimes(1);
    expect(thanks).toHaveTextContent(
      'Thank you! Your answer is stored confidentially and counted with others in a batch, at the latest when the survey closes.',
    );
    // The last four campaigns with a summary, oldest first, with their sign.
    expect(thanks).toHaveTextContent(
      'Platform NPS lately: 2025 Q1 +25 · 2025 Q2 −25 · 2025 Q3 0 · 2025 Q4 +27',
    );
    expect(thanks).not.toHaveTextContent('2024 Q4');
    expect(thanks).not.toHaveTextContent('+90');
    expect(
      within(thanks).getByRole('link', {
        name: 'See the results and the trend',
      }),
    ).toHaveAttribute('href', '/nps');
    // The form is gone once answered.
    expect(within(panel).queryByRole('radiogroup')).not.toBeInTheDocument();
  });

  it('still thanks the user when the trend cannot be loaded, and can be closed', async () => {
    const user = userEvent.setup();
    const api = fakeNpsApi({
      getTrend: jest.fn().mockRejectedValue(new Error('Service unavailable')),
    });
    await renderPrompt(api);

    const panel = await screen.findByRole('complementary', {
      name: 'Platform survey',
    });
    await user.click(within(panel).getByRole('radio', { name: '10' }));
    await user.click(
      within(panel).getByRole('button', { name: 'Send answer' }),
    );

    const thanks = await within(panel).findByRole('status');
    expect(thanks).toHaveTextContent('Thank you!');
    expect(thanks).not.toHaveTextContent('Platform NPS lately');
    expect(
      within(thanks).getByRole('link', {
        name: 'See the results and the trend',
      }),
    ).toHaveAttribute('href', '/nps');

    await user.click(
      within(panel).getByRole('button', { name: 'Close the survey panel' }),
    );
    expect(
      screen.queryByRole('complementary', { name: 'Platform survey' }),
    ).not.toBeInTheDocument();
  });
});
