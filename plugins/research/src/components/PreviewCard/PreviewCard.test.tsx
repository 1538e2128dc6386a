import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  fakeResearchApi,
  makePreview,
  renderResearch,
} from '../../__testUtils__/fixtures';
import { PreviewCard } from './PreviewCard';

const item = {
  id: '40000000-0000-4000-8000-000000000001',
  title: 'Preview environments',
  status: 'alpha',
};

// Interactions are slow on a busy CI machine; nothing here measures time.
jest.setTimeout(30_000);

describe('PreviewCard', () => {
  it('lets a developer join the preview and leave feedback; everyone sees the size', async () => {
    const user = userEvent.setup();
    const preview = makePreview();
    const api = fakeResearchApi({
      listPreviews: jest.fn().mockResolvedValue([preview]),
      setParticipation: jest
        .fn()
        .mockResolvedValue({ ...preview, joinedByMe: true, participants: 7 }),
      sendFeedback: jest.fn().mockResolvedValue({
        ...preview,
        joinedByMe: true,
        participants: 7,
        feedback: 6,
        myFeedback: 1,
      }),
    });
    await renderResearch(<PreviewCard item={item} />, { api });

    const size = await screen.findByLabelText('Preview size');
    expect(size).toHaveTextContent(
      '6 developers taking part · 5 feedback notes',
    );
    expect(screen.getByText('observability: 2')).toBeInTheDocument();
    expect(api.listPreviews).toHaveBeenCalledWith(item.id);
    expect(
      screen.queryByText(/Participants and feedback/),
    ).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Join the preview' }));
    expect(api.setParticipation).toHaveBeenCalledWith(preview.id, true);
    const form = await screen.findByRole('form', { name: 'Preview feedback' });
    await user.click(
      within(form).getByRole('textbox', { name: 'Your feedback' }),
    );
    await user.paste('Logs are hard to find');
    await user.click(
      within(form).getByRole('button', { name: 'Send feedback' }),
    );
    expect(api.sendFeedback).toHaveBeenCalledWith(
      preview.id,
      'Logs are hard to find',
    );
    expect(
      await screen.findByText('Thank you: feedback sent'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Preview size')).toHaveTextContent(
      '7 developers',
    );
  });

  it('shows a developer nothing for an item without a preview', async () => {
    const { container } = await renderResearch(<PreviewCard item={item} />, {
      api: fakeResearchApi(),
    });
    await screen.findByText(() => true).catch(() => undefined);
    expect(container.textContent).not.toMatch(/preview/i);
  });
});
