import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  Campaign,
  NPS_FOLLOW_UP,
  NPS_QUESTION,
} from '@paved/plugin-nps-common';
import { NpsApi, npsApiRef } from '../../api/NpsApi';
import { volunteerRouteRef } from '../../plugin';
import { NpsPrompt } from './NpsPrompt';

const campaign: Campaign = {
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Platform NPS Q4 2026',
  question: NPS_QUESTION,
  followUp: NPS_FOLLOW_UP,
  opensAt: '2026-10-05T09:00:00Z',
  closesAt: '2026-10-26T09:00:00Z',
  audience: { type: 'all' },
  origin: 'schedule',
  status: 'open',
  answers: 3,
};

const api = {
  getPrompt: jest.fn().mockResolvedValue({ campaign }),
  answer: jest.fn().mockResolvedValue(undefined),
  listCampaigns: jest.fn().mockResolvedValue([campaign]),
  getTrend: jest.fn().mockRejectedValue(new Error('not needed')),
  getShippedSince: jest.fn().mockResolvedValue([]),
} as unknown as NpsApi;

async function answerAndThank(mountedRoutes?: Record<string, any>) {
  const user = userEvent.setup();
  await renderInTestApp(
    <TestApiProvider apis={[[npsApiRef, api]]}>
      <NpsPrompt />
    </TestApiProvider>,
    { mountedRoutes },
  );
  const panel = await screen.findByRole('complementary', {
    name: 'Platform survey',
  });
  await user.click(within(panel).getByRole('radio', { name: '9' }));
  await user.click(within(panel).getByRole('button', { name: 'Send answer' }));
  return within(panel).findByRole('status');
}

// The thank-you offers a conversation through a route the app binds (user research).
describe('NpsPrompt volunteer link', () => {
  it('offers 30 minutes with the platform team when the app binds the route, carrying nothing of the answer', async () => {
    const thanks = await answerAndThank({
      '/research/volunteer': volunteerRouteRef,
    });
    const link = within(thanks).getByRole('link', {
      name: "I'd talk to the platform team for 30 minutes",
    });
    expect(link).toHaveAttribute('href', '/research/volunteer');
  });

  it('has no such link when the route is not bound', async () => {
    const thanks = await answerAndThank();
    expect(thanks).toHaveTextContent('Thank you!');
    expect(
      within(thanks).queryByRole('link', { name: /talk to the platform team/ }),
    ).not.toBeInTheDocument();
  });
});
