import { screen, within } from '@testing-library/react';
import {
  fakeResearchApi,
  makeSummary,
  renderResearch,
} from '../../__testUtils__/fixtures';
import { Router } from './Router';

describe('ResearchPage', () => {
  it('shows everyone the public summaries, with no names', async () => {
    const api = fakeResearchApi({
      listSummaries: jest.fn().mockResolvedValue([makeSummary()]),
    });
    await renderResearch(<Router />, { api, path: '/' });
    const summary = await screen.findByRole('region', {
      name: 'Getting a change to production',
    });
    expect(summary).toHaveTextContent('Q3 2026 · 7 developers interviewed');
    expect(
      within(summary).getByRole('heading', {
        name: 'What we will not do, and why',
      }),
    ).toBeInTheDocument();
    expect(summary).toHaveTextContent('A second CI system');
    expect(
      screen.queryByRole('tab', { name: 'Studies' }),
    ).not.toBeInTheDocument();
  });

  it('says when nothing is published, and shows errors', async () => {
    await renderResearch(<Router />, {
      api: fakeResearchApi(),
      path: '/',
    });
    expect(
      await screen.findByText(/No study summary is published yet/),
    ).toBeInTheDocument();

    await renderResearch(<Router />, {
      api: fakeResearchApi({
        listSummaries: jest
          .fn()
          .mockRejectedValue(new Error('Summaries are down')),
      }),
      path: '/',
    });
    expect(
      (await screen.findAllByText(/Summaries are down/)).length,
    ).toBeGreaterThan(0);
  });

  it('has a volunteer page for the survey thank-you to link to', async () => {
    await renderResearch(<Router />, {
      api: fakeResearchApi(),
      path: '/volunteer',
    });
    expect(
      await screen.findByRole('button', {
        name: /^I'd talk to the platform team for 30\s+minutes$/,
      }),
    ).toBeInTheDocument();
  });
});
