import { screen, waitFor, within } from '@testing-library/react';
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

// Permission answers are cached per test file: platform PM tests live apart.
// Interactions are slow on a busy CI machine; nothing here measures time.
jest.setTimeout(30_000);

describe('PreviewCard, as a platform PM', () => {
  it('lets a PM open a preview for an item in alpha, not for one being built', async () => {
    const user = userEvent.setup();
    const api = fakeResearchApi();
    await renderResearch(<PreviewCard item={item} />, { api, pm: true });
    await user.click(
      await screen.findByRole('button', { name: 'Open a preview' }),
    );
    expect(api.openPreview).toHaveBeenCalledWith({
      itemId: item.id,
      description: '',
    });

    const building = await renderResearch(
      <PreviewCard item={{ ...item, status: 'building' }} />,
      { api: fakeResearchApi(), pm: true },
    );
    expect(building.container.textContent).not.toMatch(/Open a preview/);
  });

  it('shows the PM the participants, sends them a notice and closes the preview', async () => {
    const user = userEvent.setup();
    const preview = makePreview();
    const api = fakeResearchApi({
      listPreviews: jest.fn().mockResolvedValue([preview]),
      getPreviewDetail: jest.fn().mockResolvedValue({
        participants: [
          {
            userRef: 'user:default/mei.lin',
            displayName: 'Mei Lin',
            joinedAt: '2026-11-10T10:00:00Z',
          },
        ],
        feedback: [
          {
            id: 'f1',
            userRef: 'user:default/mei.lin',
            displayName: 'Mei Lin',
            text: 'Spins up in four minutes.',
            themes: [],
            createdAt: '2026-11-11T10:00:00Z',
          },
        ],
      }),
      sendPreviewNotice: jest.fn().mockResolvedValue({ sent: 1 }),
      closePreview: jest
        .fn()
        .mockResolvedValue({ ...preview, status: 'closed' }),
    });
    await renderResearch(<PreviewCard item={item} />, { api, pm: true });
    await user.click(
      await screen.findByRole('button', { name: /Participants and feedback/ }),
    );
    expect(
      await screen.findByText('Mei Lin', { selector: 'p' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('article', { name: 'Feedback from Mei Lin' }),
    ).toHaveTextContent('Spins up in four minutes.');

    await user.click(
      screen.getByRole('button', { name: 'Send participants a notice' }),
    );
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('textbox', { name: 'Message' }));
    await user.paste('New build');
    await user.click(
      within(dialog).getByRole('button', { name: 'Send notice' }),
    );
    expect(api.sendPreviewNotice).toHaveBeenCalledWith(preview.id, 'New build');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(
      await screen.findByText(/Notice sent to 1\sparticipant/),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Close the preview' }));
    const confirm = await screen.findByRole('dialog', {
      name: 'Close this preview?',
    });
    await user.click(
      within(confirm).getByRole('button', { name: 'Close the preview' }),
    );
    expect(api.closePreview).toHaveBeenCalledWith(preview.id);
  });
});
