import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeResearchApi,
  makeInterview,
  renderResearch,
} from '../../__testUtils__/fixtures';
import { Router } from '../ResearchPage';

const path = '/interviews/20000000-0000-4000-8000-000000000001';

// Interactions are slow on a busy CI machine; nothing here measures time.
jest.setTimeout(30_000);

describe('InterviewPage', () => {
  it('shows the name and raw notes with research.notes.read, and adds a tagged finding linked to a roadmap item', async () => {
    const user = userEvent.setup();
    const api = fakeResearchApi();
    await renderResearch(<Router />, { api, pm: true, path });

    expect(
      await screen.findByRole('heading', {
        name: 'Participant 1: Jonas Weber',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Raw notes' })).toHaveValue(
      'Copied the pipeline from another repository.',
    );

    const form = screen.getByRole('form', { name: 'New finding' });
    const add = within(form).getByRole('button', { name: 'Add finding' });
    await user.click(
      within(form).getByRole('textbox', { name: 'What they did or said' }),
    );
    await user.paste('Waits 40 minutes for CI');
    expect(add).toBeDisabled();
    await user.click(within(form).getByRole('combobox', { name: 'Theme' }));
    await user.click(
      await screen.findByRole('option', {
        name: /ci speed \(14 survey comments\)/,
      }),
    );
    await user.click(within(form).getByRole('textbox', { name: 'Root cause' }));
    await user.paste('No build cache');
    await user.click(
      within(form).getByRole('combobox', { name: 'Roadmap item' }),
    );
    await user.click(
      await screen.findByRole('option', { name: 'Faster CI for monorepos' }),
    );
    await user.click(add);
    expect(api.addObservation).toHaveBeenCalledWith(
      '20000000-0000-4000-8000-000000000001',
      {
        text: 'Waits 40 minutes for CI',
        quote: false,
        theme: 'ci speed',
        rootCause: 'No build cache',
        roadmapItemId: '40000000-0000-4000-8000-000000000002',
      },
    );
  });

  it('lets a quote go without a root cause', async () => {
    const user = userEvent.setup();
    const api = fakeResearchApi();
    await renderResearch(<Router />, { api, pm: true, path });
    const form = await screen.findByRole('form', { name: 'New finding' });
    await user.click(
      within(form).getByRole('checkbox', { name: 'This is a quote' }),
    );
    await user.click(
      within(form).getByRole('textbox', { name: 'What they did or said' }),
    );
    await user.paste('"I go for coffee"');
    await user.click(within(form).getByRole('combobox', { name: 'Theme' }));
    await user.click(await screen.findByRole('option', { name: /docs/ }));
    await user.click(within(form).getByRole('button', { name: 'Add finding' }));
    expect(api.addObservation).toHaveBeenCalledWith(
      expect.any(String),
      expect.objectContaining({ quote: true, rootCause: '', theme: 'docs' }),
    );
  });

  it('hides names and raw notes without research.notes.read, and shows a withdrawn finding without words', async () => {
    const { userRef, displayName, rawNotes, ...anonymous } = makeInterview({
      status: 'withdrawn',
      observations: [
        {
          id: 'o1',
          text: null,
          theme: 'ci speed',
          rootCause: 'No build cache',
          quote: false,
          roadmapItemId: null,
          roadmapItemTitle: null,
          createdAt: '2026-12-08T11:00:00Z',
        },
      ],
    });
    const api = fakeResearchApi({
      getInterview: jest.fn().mockResolvedValue(anonymous),
    });
    await renderResearch(<Router />, { api, pm: true, path });
    expect(
      await screen.findByRole('heading', { name: 'Participant 1' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('textbox', { name: 'Raw notes' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText(/Jonas/)).not.toBeInTheDocument();
    const finding = screen.getByRole('article', { name: 'Finding: ci speed' });
    expect(finding).toHaveTextContent(
      'Words removed: the participant withdrew',
    );
    expect(finding).toHaveTextContent('No build cache');
    expect(
      screen.queryByRole('form', { name: 'New finding' }),
    ).not.toBeInTheDocument();
  });
});
