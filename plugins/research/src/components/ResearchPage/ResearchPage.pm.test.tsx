import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeResearchApi, renderResearch } from '../../__testUtils__/fixtures';
import { Router } from './Router';

// Permission answers are cached per test file: platform PM tests live apart.
// Interactions are slow on a busy CI machine; nothing here measures time.
jest.setTimeout(30_000);

describe('ResearchPage, as a platform PM', () => {
  it('opens the tab named in the address, and gives PMs the studies', async () => {
    const user = userEvent.setup();
    const api = fakeResearchApi({
      listStudies: jest.fn().mockResolvedValue([
        {
          id: 's1',
          quarter: '2026-Q4',
          title: 'Developer interviews Q4 2026',
          status: 'proposed',
          goal: 8,
          scheduled: true,
          invited: 0,
          accepted: 0,
          declined: 0,
          withdrawn: 0,
          interviewed: 0,
          summaryPublished: false,
          createdAt: '2026-10-01T00:00:00Z',
          updatedAt: '2026-10-01T00:00:00Z',
        },
      ]),
    });
    await renderResearch(<Router />, {
      api,
      pm: true,
      path: '/?tab=studies',
    });
    expect(
      await screen.findByRole('tab', { name: 'Studies', selected: true }),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', {
      name: 'Interview studies',
    });
    const row = within(table).getByRole('row', {
      name: /Developer interviews Q4 2026/,
    });
    expect(row).toHaveTextContent('Proposed by the schedule');
    expect(row).toHaveTextContent('0 / 8');

    await user.click(screen.getByRole('tab', { name: 'Take part' }));
    expect(
      await screen.findByRole('region', { name: 'Your invitations' }),
    ).toBeInTheDocument();
  });
});
