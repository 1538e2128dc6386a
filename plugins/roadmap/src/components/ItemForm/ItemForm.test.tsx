import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  conflictError,
  fakeRoadmapApi,
  makeItem,
  renderRoadmap,
} from '../../__testUtils__/fixtures';
import { ItemForm } from './ItemForm';

async function choose(form: HTMLElement, label: string, option: string) {
  await userEvent.click(within(form).getByRole('combobox', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

describe('ItemForm', () => {
  it('creates an item with every field', async () => {
    const api = fakeRoadmapApi([makeItem()]);
    const onSaved = jest.fn();
    await renderRoadmap(<ItemForm onSaved={onSaved} onCancel={jest.fn()} />, {
      api,
      pm: true,
    });
    const form = screen.getByRole('form', { name: 'New roadmap item' });
    const box = (name: RegExp) => within(form).getByRole('textbox', { name });
    expect(box(/^Owner/)).toHaveValue('group:default/platform-team');
    await userEvent.type(box(/^Title/), 'Preview environments');
    await userEvent.type(box(/^Summary/), 'One per pull request');
    await userEvent.type(box(/^Problem/), 'Testing is slow');
    await userEvent.type(box(/^Description/), '**Soon**');
    await choose(form, 'Category', 'Golden paths');
    await choose(form, 'Horizon', 'Next');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Add link' }),
    );
    await userEvent.type(box(/Link 1 title/), 'ADR');
    await userEvent.type(box(/Link 1 URL/), 'https://example.com/adr');
    await userEvent.type(box(/Breaking change notice/), 'Old envs go');
    await userEvent.type(
      within(form).getByLabelText('Takes effect on'),
      '2030-02-01',
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Create item' }),
    );

    expect(api.createItem).toHaveBeenCalledWith({
      title: 'Preview environments',
      summary: 'One per pull request',
      problem: 'Testing is slow',
      description: '**Soon**',
      category: 'golden-paths',
      owner: 'group:default/platform-team',
      horizon: 'next',
      targetQuarter: null,
      status: 'exploring',
      declineReason: null,
      links: [{ title: 'ADR', url: 'https://example.com/adr' }],
      breakingChange: { notice: 'Old envs go', effectiveDate: '2030-02-01' },
    });
    expect(onSaved).toHaveBeenCalled();
  }, 30_000);

  it('asks for a public reason when the item is declined', async () => {
    const item = makeItem({ title: 'Mainframe support' });
    const api = fakeRoadmapApi([item]);
    await renderRoadmap(
      <ItemForm item={item} onSaved={jest.fn()} onCancel={jest.fn()} />,
      { api, pm: true },
    );
    const form = screen.getByRole('form', { name: 'Edit Mainframe support' });
    expect(
      within(form).queryByRole('textbox', { name: /Decline reason/ }),
    ).toBeNull();
    await choose(form, 'Status', 'Not doing');
    const reason = within(form).getByRole('textbox', {
      name: /Decline reason/,
    });
    expect(reason).toBeRequired();
    await userEvent.click(
      within(form).getByRole('button', { name: 'Save changes' }),
    );
    expect(within(form).getByRole('alert')).toHaveTextContent(
      'A declined item needs a public reason.',
    );
    expect(api.updateItem).not.toHaveBeenCalled();

    await userEvent.type(reason, 'Nobody uses it');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Save changes' }),
    );
    expect(api.updateItem).toHaveBeenCalledWith(
      item.id,
      expect.objectContaining({
        version: 1,
        status: 'declined',
        declineReason: 'Nobody uses it',
      }),
    );
  }, 30_000);

  it('shows the server’s refusal', async () => {
    const item = makeItem({ title: 'Builds' });
    const api = fakeRoadmapApi([item], {
      updateItem: jest
        .fn()
        .mockRejectedValue(new Error('owner must be a group entity ref')),
    });
    await renderRoadmap(
      <ItemForm item={item} onSaved={jest.fn()} onCancel={jest.fn()} />,
      { api, pm: true },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'owner must be a group entity ref',
    );
  });

  it('on a 409, offers to reload the current version instead of overwriting it', async () => {
    const mine = makeItem({ title: 'Builds', version: 3 });
    const theirs = { ...mine, title: 'Faster builds', version: 4 };
    const onSaved = jest.fn();
    const api = fakeRoadmapApi([mine], {
      updateItem: jest
        .fn()
        .mockRejectedValueOnce(conflictError())
        .mockResolvedValue(theirs),
      getItem: jest.fn().mockResolvedValue(theirs),
    });
    await renderRoadmap(
      <ItemForm item={mine} onSaved={onSaved} onCancel={jest.fn()} />,
      { api, pm: true },
    );
    const title = screen.getByRole('textbox', { name: /^Title/ });
    await userEvent.clear(title);
    await userEvent.type(title, 'My title');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(api.updateItem).toHaveBeenLastCalledWith(
      mine.id,
      expect.objectContaining({ version: 3, title: 'My title' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Someone else changed this item since you opened it.',
    );
    expect(onSaved).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(api.getItem).toHaveBeenCalledWith(mine.id);
    expect(await screen.findByRole('textbox', { name: /^Title/ })).toHaveValue(
      'Faster builds',
    );
    expect(screen.queryByRole('alert')).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(api.updateItem).toHaveBeenLastCalledWith(
      mine.id,
      expect.objectContaining({ version: 4, title: 'Faster builds' }),
    );
    expect(onSaved).toHaveBeenCalledWith(theirs);
  }, 30_000);
});
