import { screen, within } from '@testing-library/react';
import { userEvent as events } from '@testing-library/user-event';
import {
  conflictError,
  fakeRoadmapApi,
  makeItem,
  renderRoadmap,
} from '../../__testUtils__/fixtures';
import { ItemForm } from './ItemForm';

// Keystrokes without a timer between them: these tests type a lot.
const userEvent = events.setup({ delay: null });

// Puts text in a field at once, as pasting does: these tests fill many fields.
async function fill(field: HTMLElement, text: string) {
  await userEvent.click(field);
  await userEvent.paste(text);
}

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
    // The owner is a catalog team, picked by name.
    const owner = within(form).getByRole('combobox', { name: /^Owner/ });
    expect((owner as HTMLInputElement).value).toMatch(/platform-team/);
    await fill(box(/^Title/), 'Preview environments');
    await fill(box(/^Summary/), 'One per pull request');
    await fill(box(/^Problem/), 'Testing is slow');
    await fill(box(/^Description/), '**Soon**');
    await choose(form, 'Category', 'Golden paths');
    await choose(form, 'Horizon', 'Next');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Add link' }),
    );
    await fill(box(/Link 1 title/), 'ADR');
    await fill(box(/Link 1 URL/), 'https://example.com/adr');
    await fill(box(/Breaking change notice/), 'Old envs go');
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
  }, 120_000);

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
    // roadmap-common's schema, checked in the browser: the reason at its field.
    expect(reason).toHaveAccessibleDescription(
      'A declined item needs a public reason.',
    );
    expect(reason).toBeInvalid();
    expect(api.updateItem).not.toHaveBeenCalled();

    await fill(reason, 'Nobody uses it');
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

  it('names each field the browser-side check refuses, and sends nothing', async () => {
    const item = makeItem({ title: 'Builds' });
    const api = fakeRoadmapApi([item]);
    await renderRoadmap(
      <ItemForm item={item} onSaved={jest.fn()} onCancel={jest.fn()} />,
      { api, pm: true },
    );
    const form = screen.getByRole('form', { name: 'Edit Builds' });
    await userEvent.click(
      within(form).getByRole('button', { name: 'Add link' }),
    );
    await userEvent.type(
      within(form).getByRole('textbox', { name: /Link 1 title/ }),
      'Old',
    );
    const url = within(form).getByRole('textbox', { name: /Link 1 URL/ });
    await fill(url, 'ftp://example.com/x');
    await userEvent.type(
      within(form).getByRole('textbox', { name: /Breaking change notice/ }),
      'The old cache goes',
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Save changes' }),
    );
    expect(url).toHaveAccessibleDescription('links must be http(s) URLs');
    expect(within(form).getByLabelText('Takes effect on')).toBeInvalid();
    expect(
      within(form).getByText(
        'Choose the day the breaking change takes effect.',
      ),
    ).toBeInTheDocument();
    expect(api.updateItem).not.toHaveBeenCalled();
  });

  it('shows the server’s reasons at their fields, never "Request failed"', async () => {
    const item = makeItem({ title: 'Builds' });
    const refusal = (status: number, message: string) =>
      Object.assign(new Error(`Request failed with ${status}`), {
        name: 'ResponseError',
        statusCode: status,
        body: { error: { name: 'InputError', message } },
      });
    const api = fakeRoadmapApi([item], {
      updateItem: jest
        .fn()
        .mockRejectedValueOnce(
          refusal(
            400,
            'Invalid request body: title: title must be at most 200 characters',
          ),
        )
        .mockRejectedValueOnce(refusal(503, 'The database is unavailable')),
    });
    await renderRoadmap(
      <ItemForm item={item} onSaved={jest.fn()} onCancel={jest.fn()} />,
      { api, pm: true },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findByRole('textbox', { name: /^Title/ }),
    ).toHaveAccessibleDescription('title must be at most 200 characters');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(
      await screen.findByText('The database is unavailable'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Request failed/)).toBeNull();
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
    await fill(title, 'My title');
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
