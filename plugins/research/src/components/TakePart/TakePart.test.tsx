import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { downloadText } from '@paved/frontend-utils';
import {
  fakeResearchApi,
  makeInvitation,
  renderResearch,
} from '../../__testUtils__/fixtures';
import { InvitationsCard } from './InvitationsCard';
import { VolunteerCard } from './VolunteerCard';

jest.mock('@paved/frontend-utils', () => ({
  ...jest.requireActual('@paved/frontend-utils'),
  downloadText: jest.fn(),
}));

// Interactions are slow on a busy CI machine; nothing here measures time.
jest.setTimeout(30_000);

describe('InvitationsCard', () => {
  it('accepts an invitation with the slot the developer picks', async () => {
    const user = userEvent.setup();
    const invitation = makeInvitation();
    const api = fakeResearchApi({
      myInvitations: jest.fn().mockResolvedValue([invitation]),
      accept: jest.fn().mockResolvedValue([
        {
          ...invitation,
          status: 'accepted',
          slot: invitation.slots[1],
        },
      ]),
    });
    await renderResearch(<InvitationsCard />, { api });

    const card = await screen.findByRole('article', {
      name: 'Setting up a new service',
    });
    const accept = within(card).getByRole('button', { name: 'Accept' });
    expect(accept).toBeDisabled();
    const slots = within(card).getByRole('radiogroup', {
      name: 'Pick a slot that suits you',
    });
    const radios = within(slots).getAllByRole('radio');
    expect(radios).toHaveLength(2);
    await user.click(radios[1]);
    await user.click(accept);
    expect(api.accept).toHaveBeenCalledWith(invitation.id, invitation.slots[1]);
    expect(await within(card).findByText('Accepted')).toBeInTheDocument();
    expect(
      within(card).getByRole('button', { name: 'Add to calendar (.ics)' }),
    ).toBeInTheDocument();
  });

  it('downloads the accepted slot as .ics and withdraws after confirming', async () => {
    const user = userEvent.setup();
    const accepted = makeInvitation({
      status: 'accepted',
      slot: '2099-12-08T10:00:00.000Z',
    });
    const api = fakeResearchApi({
      myInvitations: jest.fn().mockResolvedValue([accepted]),
      calendarFile: jest.fn().mockResolvedValue('BEGIN:VCALENDAR\r\n'),
      withdraw: jest.fn().mockResolvedValue([]),
    });
    await renderResearch(<InvitationsCard />, { api });

    await user.click(
      await screen.findByRole('button', { name: 'Add to calendar (.ics)' }),
    );
    expect(api.calendarFile).toHaveBeenCalledWith(accepted.id);
    expect(downloadText).toHaveBeenCalledWith(
      'BEGIN:VCALENDAR\r\n',
      'platform-interview.ics',
      'text/calendar',
    );

    await user.click(screen.getByRole('button', { name: 'Withdraw' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Withdraw from this study?',
    });
    expect(dialog).toHaveTextContent(/notes of your interview are removed/);
    expect(api.withdraw).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    expect(api.withdraw).toHaveBeenCalledWith(accepted.id);
    expect(await screen.findByText(/No invitations/)).toBeInTheDocument();
  });

  it('declines, and shows the error when the server refuses', async () => {
    const user = userEvent.setup();
    const api = fakeResearchApi({
      myInvitations: jest.fn().mockResolvedValue([makeInvitation()]),
      decline: jest
        .fn()
        .mockRejectedValue(new Error('This invitation was already accepted')),
    });
    await renderResearch(<InvitationsCard />, { api });
    await user.click(await screen.findByRole('button', { name: 'Decline' }));
    expect(
      await screen.findByText('This invitation was already accepted'),
    ).toBeInTheDocument();
  });

  it('says so when there are no invitations', async () => {
    await renderResearch(<InvitationsCard />, { api: fakeResearchApi() });
    expect(await screen.findByText(/No invitations/)).toBeInTheDocument();
  });

  it('shows the error when the invitations cannot be loaded', async () => {
    const api = fakeResearchApi({
      myInvitations: jest.fn().mockRejectedValue(new Error('Research is down')),
    });
    await renderResearch(<InvitationsCard />, { api });
    expect(
      (await screen.findAllByText(/Research is down/)).length,
    ).toBeGreaterThan(0);
  });
});

describe('VolunteerCard', () => {
  it('offers 30 minutes and can take it back', async () => {
    const user = userEvent.setup();
    const api = fakeResearchApi({
      getVolunteer: jest
        .fn()
        .mockResolvedValueOnce({ volunteering: false })
        .mockResolvedValue({ volunteering: true }),
    });
    await renderResearch(<VolunteerCard />, { api });
    expect(
      await screen.findByText(/never anything from your survey answers/),
    ).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', {
        name: /^I'd talk to the platform team for 30\s+minutes$/,
      }),
    );
    expect(api.setVolunteer).toHaveBeenCalledWith(true);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'you offered 30 minutes',
    );
    await user.click(screen.getByRole('button', { name: 'Stop offering' }));
    expect(api.setVolunteer).toHaveBeenLastCalledWith(false);
  });
});
