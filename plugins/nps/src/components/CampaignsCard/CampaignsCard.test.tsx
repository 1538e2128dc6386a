import { screen, waitFor, within } from '@testing-library/react';
import { userEvent as events } from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  Campaign,
  NPS_FOLLOW_UP,
  NPS_QUESTION,
} from '@paved/plugin-nps-common';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { NpsApi, npsApiRef } from '../../api/NpsApi';
import { CampaignsCard } from './CampaignsCard';

// Keystrokes without a timer between them: these tests type a lot.
const userEvent = events.setup({ delay: null });

const campaign = (id: string, overrides: Partial<Campaign>): Campaign => ({
  id,
  title: `Campaign ${id}`,
  question: NPS_QUESTION,
  followUp: NPS_FOLLOW_UP,
  opensAt: '2027-01-04T09:00:00Z',
  closesAt: '2027-01-25T09:00:00Z',
  audience: { type: 'all' },
  origin: 'manual',
  status: 'upcoming',
  answers: 0,
  ...overrides,
});

function fakeApi(campaigns: Campaign[]) {
  return {
    listCampaigns: jest.fn().mockResolvedValue(campaigns),
    createCampaign: jest.fn().mockResolvedValue(campaigns[0]),
    updateCampaign: jest.fn().mockResolvedValue(campaigns[0]),
    closeCampaign: jest.fn().mockResolvedValue(campaigns[0]),
    deleteCampaign: jest.fn().mockResolvedValue(undefined),
  } as unknown as jest.Mocked<NpsApi>;
}

// The catalog's teams, as the Teams picker offers them.
const teams = [
  ['checkout', 'Checkout & Payments'],
  ['routing', 'Routing & Dispatch'],
].map(([name, displayName]) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', profile: { displayName }, children: [] },
}));

async function renderCard(api: NpsApi, onChanged = jest.fn()) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [npsApiRef, api],
        [catalogApiRef, catalogApiMock({ entities: teams })],
      ]}
    >
      <CampaignsCard onChanged={onChanged} />
    </TestApiProvider>,
  );
  await screen.findByRole('table', { name: 'Campaigns' });
}

describe('CampaignsCard', () => {
  it('offers edit and delete before opening, close while open', async () => {
    const api = fakeApi([
      campaign('a', { title: 'Upcoming', status: 'upcoming' }),
      campaign('b', { title: 'Open', status: 'open', answers: 12 }),
      campaign('c', { title: 'Empty closed', status: 'closed', answers: null }),
    ]);
    await renderCard(api);
    const row = (title: string) =>
      within(screen.getAllByRole('cell', { name: title })[0].closest('tr')!);
    expect(
      row('Upcoming').getByRole('button', { name: 'Edit' }),
    ).toBeInTheDocument();
    expect(row('Open').queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(
      row('Open').getByRole('button', { name: 'Close now' }),
    ).toBeInTheDocument();
    expect(row('Open').queryByRole('button', { name: /Delete/ })).toBeNull();
    expect(
      row('Empty closed').queryByRole('button', { name: /Delete/ }),
    ).toBeNull();
    // Fewer answers than the group minimum are not shown as a number.
    expect(row('Empty closed').getByRole('cell', { name: '—' })).toBeTruthy();
    expect(row('Open').getByRole('cell', { name: '12' })).toBeTruthy();

    await userEvent.click(
      row('Open').getByRole('button', { name: 'Close now' }),
    );
    expect(api.closeCampaign).toHaveBeenCalledWith('b');
  });

  it('asks before deleting, says what is lost, and keeps it on "Keep it"', async () => {
    const api = fakeApi([campaign('a', { title: 'Upcoming' })]);
    await renderCard(api);
    await userEvent.click(
      screen.getByRole('button', { name: 'Delete Upcoming' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Delete “Upcoming”?',
    });
    expect(dialog).toHaveTextContent(/nobody has answered it/);
    expect(dialog).toHaveTextContent(/cannot be undone/);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Keep it' }),
    );
    expect(api.deleteCampaign).not.toHaveBeenCalled();

    // The dialog closes with a transition; the card is usable after it.
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Delete Upcoming' },
        { timeout: 10_000 },
      ),
    );
    await userEvent.click(
      within(
        await screen.findByRole('dialog', { name: 'Delete “Upcoming”?' }),
      ).getByRole('button', { name: 'Delete campaign' }),
    );
    expect(api.deleteCampaign).toHaveBeenCalledWith('a');
  });

  it('edits an upcoming campaign and shows the server’s refusal, without the status line', async () => {
    const api = fakeApi([campaign('a', { title: 'Upcoming' })]);
    api.updateCampaign.mockRejectedValueOnce(
      Object.assign(new Error('Request failed with 409 Conflict'), {
        name: 'ResponseError',
        statusCode: 409,
        body: {
          error: {
            name: 'ConflictError',
            message: '"Q1" already asks an overlapping audience',
          },
        },
      }),
    );
    await renderCard(api);
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const form = await screen.findByRole('form', { name: 'Edit Upcoming' });
    const title = within(form).getByRole('textbox', { name: 'Title' });
    expect(title).toHaveValue('Upcoming');
    await userEvent.clear(title);
    await userEvent.type(title, 'Q1 pulse');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Save changes' }),
    );
    expect(api.updateCampaign).toHaveBeenCalledWith(
      'a',
      expect.objectContaining({
        title: 'Q1 pulse',
        opensAt: '2027-01-04T09:00:00.000Z',
        audience: { type: 'all' },
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'already asks an overlapping audience',
    );
    expect(screen.queryByText(/Request failed/)).toBeNull();
  });

  it('checks the campaign with the nps-common schema before sending, naming each field', async () => {
    const api = fakeApi([campaign('a', {})]);
    await renderCard(api);
    const form = screen.getByRole('form', { name: 'New campaign' });
    await userEvent.type(
      within(form).getByLabelText(/Opens/),
      '2027-02-15T09:00',
    );
    await userEvent.type(
      within(form).getByLabelText(/Closes/),
      '2027-02-01T09:00',
    );
    await userEvent.click(
      within(form).getByRole('radio', { name: 'Some teams' }),
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Create campaign' }),
    );
    expect(
      within(form).getByRole('textbox', { name: 'Title' }),
    ).toHaveAccessibleDescription('title is required');
    expect(within(form).getByLabelText(/Closes/)).toHaveAccessibleDescription(
      'Must be after the opening',
    );
    expect(
      within(form).getByRole('combobox', { name: 'Teams' }),
    ).toHaveAccessibleDescription('Choose at least one team');
    expect(api.createCampaign).not.toHaveBeenCalled();
  });

  it('shows the server’s reasons at their fields', async () => {
    const api = fakeApi([campaign('a', {})]);
    api.createCampaign.mockRejectedValueOnce(
      Object.assign(new Error('Request failed with 400 Bad Request'), {
        name: 'ResponseError',
        statusCode: 400,
        body: {
          error: {
            name: 'InputError',
            message: 'Invalid request body: title: title is required',
          },
        },
      }),
    );
    await renderCard(api);
    const form = screen.getByRole('form', { name: 'New campaign' });
    const title = within(form).getByRole('textbox', { name: 'Title' });
    await userEvent.type(title, 'Fine here');
    await userEvent.type(
      within(form).getByLabelText(/Opens/),
      '2027-02-01T09:00',
    );
    await userEvent.type(
      within(form).getByLabelText(/Closes/),
      '2027-02-15T09:00',
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Create campaign' }),
    );
    await waitFor(() =>
      expect(title).toHaveAccessibleDescription('title is required'),
    );
    expect(screen.queryByText(/Request failed/)).toBeNull();
  });

  it('creates a campaign for some teams', async () => {
    const onChanged = jest.fn();
    const api = fakeApi([campaign('a', {})]);
    await renderCard(api, onChanged);
    const form = screen.getByRole('form', { name: 'New campaign' });
    await userEvent.type(
      within(form).getByRole('textbox', { name: 'Title' }),
      'Checkout pulse',
    );
    await userEvent.type(
      within(form).getByLabelText(/Opens/),
      '2027-02-01T09:00',
    );
    await userEvent.type(
      within(form).getByLabelText(/Closes/),
      '2027-02-15T09:00',
    );
    await userEvent.click(
      within(form).getByRole('radio', { name: 'Some teams' }),
    );
    // Teams are picked from the catalog by name.
    const picker = within(form).getByRole('combobox', { name: 'Teams' });
    await userEvent.type(picker, 'Checkout');
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'Checkout & Payments (checkout)',
      }),
    );
    await userEvent.type(picker, 'Routing');
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'Routing & Dispatch (routing)',
      }),
    );
    await userEvent.click(
      within(form).getByRole('button', { name: 'Create campaign' }),
    );
    expect(api.createCampaign).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'Checkout pulse',
        audience: {
          type: 'groups',
          groups: ['group:default/checkout', 'group:default/routing'],
        },
      }),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
  });
});
