import { screen, waitFor, within } from '@testing-library/react';
import { userEvent as events } from '@testing-library/user-event';
import {
  fakeRoadmapApi,
  makeItem,
  renderRoadmap,
} from '../../__testUtils__/fixtures';
import { RoadmapPage } from './RoadmapPage';

// Keystrokes without a timer between them: these tests type a lot.
const userEvent = events.setup({ delay: null });

// A platform PM (usePermission caches its decision for the whole test file).
describe('RoadmapPage for platform PMs', () => {
  it('offers New item, which opens the form and reloads after saving', async () => {
    const item = makeItem({ title: 'Preview environments' });
    const api = fakeRoadmapApi([item]);
    await renderRoadmap(<RoadmapPage />, { api, pm: true });
    const card = await screen.findByRole('article', {
      name: 'Preview environments',
    });
    expect(
      await within(card).findByRole('button', {
        name: 'Move “Preview environments”…',
      }),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'New item' }));
    const form = await screen.findByRole('form', { name: 'New roadmap item' });
    await userEvent.type(
      within(form).getByRole('textbox', { name: /^Title/ }),
      'X',
    );
    await userEvent.type(
      within(form).getByRole('textbox', { name: /^Summary/ }),
      'Y',
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Create item' }),
    );
    expect(api.createItem).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'X', summary: 'Y' }),
    );
    await waitFor(() => expect(api.listItems).toHaveBeenCalledTimes(2));
  }, 20_000);
});
