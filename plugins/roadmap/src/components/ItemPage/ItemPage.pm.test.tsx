import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  conflictError,
  fakeRoadmapApi,
  makeItem,
  renderRoadmap,
} from '../../__testUtils__/fixtures';
import { Router } from '../RoadmapPage';

// A platform PM (usePermission caches its decision for the whole test file).
describe('ItemPage for platform PMs', () => {
  it('lets PMs edit and delete with a confirmation', async () => {
    const item = makeItem({ title: 'Managed', version: 7 });
    const api = fakeRoadmapApi([item]);
    await renderRoadmap(<Router />, {
      api,
      pm: true,
      path: `/items/${item.id}`,
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    expect(
      await screen.findByRole('form', { name: 'Edit Managed' }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    // The edit dialog closes with a transition; the page is usable after it.
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Delete' },
        { timeout: 10_000 },
      ),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete this item?',
    });
    expect(api.deleteItem).not.toHaveBeenCalled();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete item' }),
    );
    await waitFor(() =>
      expect(api.deleteItem).toHaveBeenCalledWith(item.id, 7),
    );
  }, 20_000);

  it('does not delete an item someone else changed meanwhile', async () => {
    const item = makeItem({ title: 'Contested', version: 2 });
    const api = fakeRoadmapApi([item], {
      deleteItem: jest.fn().mockRejectedValue(conflictError()),
    });
    await renderRoadmap(<Router />, {
      api,
      pm: true,
      path: `/items/${item.id}`,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Delete' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete this item?',
    });
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Delete item' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone else changed this item since you opened it',
    );
    expect(api.getItem).toHaveBeenCalledTimes(2);
  }, 30_000);
});
