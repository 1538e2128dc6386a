import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  Campaign,
  NPS_FOLLOW_UP,
  NPS_QUESTION,
} from '@paved/plugin-nps-common';
import { NpsApi, npsApiRef } from '../../api/NpsApi';
import { NpsAnswerForm } from './NpsAnswerForm';

const campaign: Campaign = {
  id: 'campaign-2026-q1',
  title: 'Platform NPS 2026 Q1',
  question: NPS_QUESTION,
  followUp: NPS_FOLLOW_UP,
  opensAt: '2026-01-05T09:00:00Z',
  closesAt: '2026-01-26T09:00:00Z',
  audience: { type: 'all' },
  origin: 'schedule',
  status: 'open',
  answers: 12,
};

function fakeNpsApi(overrides: Partial<NpsApi> = {}): jest.Mocked<NpsApi> {
  return {
    getPrompt: jest.fn().mockResolvedValue({ campaign }),
    answer: jest.fn().mockResolvedValue(undefined),
    remindLater: jest.fn().mockResolvedValue({ until: '2026-01-08T09:00:00Z' }),
    notThisQuarter: jest.fn().mockResolvedValue(undefined),
    listCampaigns: jest.fn().mockResolvedValue([campaign]),
    getResults: jest.fn().mockRejectedValue(new Error('not used')),
    getTrend: jest.fn().mockRejectedValue(new Error('not used')),
    ...overrides,
  } as jest.Mocked<NpsApi>;
}

async function renderForm(api: NpsApi, onAnswered = jest.fn()) {
  await renderInTestApp(
    <TestApiProvider apis={[[npsApiRef, api]]}>
      <NpsAnswerForm campaign={campaign} onAnswered={onAnswered} />
    </TestApiProvider>,
  );
  return { onAnswered };
}

describe('NpsAnswerForm', () => {
  it('offers the 0–10 scale as a radio group labelled by the question', async () => {
    await renderForm(fakeNpsApi());

    const group = screen.getByRole('radiogroup', { name: NPS_QUESTION });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(11);
    radios.forEach((radio, score) => {
      expect(radio).toHaveAccessibleName(String(score));
      expect(radio).not.toBeChecked();
    });
    for (let score = 0; score <= 10; score++) {
      expect(
        within(group).getByRole('radio', { name: String(score) }),
      ).toBeInTheDocument();
    }
  });

  it('keeps "Send answer" disabled until a score is chosen', async () => {
    const user = userEvent.setup();
    const api = fakeNpsApi();
    await renderForm(api);

    const send = screen.getByRole('button', { name: 'Send answer' });
    expect(send).toBeDisabled();
    // Even a forced submit (e.g. Enter in a field) sends nothing without a score.
    fireEvent.submit(send.closest('form')!);
    expect(api.answer).not.toHaveBeenCalled();

    await user.click(screen.getByRole('radio', { name: '7' }));
    expect(screen.getByRole('radio', { name: '7' })).toBeChecked();
    expect(send).toBeEnabled();
  });

  it('can be answered with the keyboard alone', async () => {
    const user = userEvent.setup();
    const api = fakeNpsApi();
    const { onAnswered } = await renderForm(api);

    // Tab into the group: the first radio takes focus.
    await user.tab();
    expect(screen.getByRole('radio', { name: '0' })).toHaveFocus();

    // Arrow keys move the selection along the scale.
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: '1' })).toHaveFocus();
    expect(screen.getByRole('radio', { name: '1' })).toBeChecked();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('radio', { name: '3' })).toBeChecked();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('radio', { name: '2' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '3' })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Send answer' })).toBeEnabled();

    // Tab on to the follow-up, then to the submit button, and press Enter.
    await user.tab();
    expect(screen.getByRole('textbox', { name: NPS_FOLLOW_UP })).toHaveFocus();
    await user.keyboard('Faster builds');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Send answer' })).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(onAnswered).toHaveBeenCalledTimes(1));
    expect(api.answer).toHaveBeenCalledWith(campaign.id, {
      score: 2,
      comment: 'Faster builds',
    });
  });

  it('shows the follow-up, labelled by its question, once a score is chosen', async () => {
    const user = userEvent.setup();
    await renderForm(fakeNpsApi());

    expect(
      screen.queryByRole('textbox', { name: NPS_FOLLOW_UP }),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '9' }));
    expect(
      screen.getByRole('textbox', { name: NPS_FOLLOW_UP }),
    ).toBeInTheDocument();
  });

  it('sends the score with the trimmed comment and reports the answer', async () => {
    const user = userEvent.setup();
    const api = fakeNpsApi();
    const { onAnswered } = await renderForm(api);

    await user.click(screen.getByRole('radio', { name: '10' }));
    await user.type(
      screen.getByRole('textbox', { name: NPS_FOLLOW_UP }),
      '   A faster CI, please  ',
    );
    await user.click(screen.getByRole('button', { name: 'Send answer' }));

    await waitFor(() => expect(onAnswered).toHaveBeenCalledTimes(1));
    expect(api.answer).toHaveBeenCalledTimes(1);
    expect(api.answer).toHaveBeenCalledWith(campaign.id, {
      score: 10,
      comment: 'A faster CI, please',
    });
  });

  it('sends no comment when the follow-up is left blank', async () => {
    const user = userEvent.setup();
    const api = fakeNpsApi();
    const { onAnswered } = await renderForm(api);

    await user.click(screen.getByRole('radio', { name: '0' }));
    await user.type(
      screen.getByRole('textbox', { name: NPS_FOLLOW_UP }),
      '  \n  ',
    );
    await user.click(screen.getByRole('button', { name: 'Send answer' }));

    await waitFor(() => expect(onAnswered).toHaveBeenCalledTimes(1));
    expect(api.answer).toHaveBeenCalledWith(campaign.id, {
      score: 0,
      comment: undefined,
    });
  });

  it('shows an API error as an alert and does not report the answer', async () => {
    const user = userEvent.setup();
    const api = fakeNpsApi({
      answer: jest
        .fn()
        .mockRejectedValue(
          new Error(
            'You have already answered this campaign; answers are final',
          ),
        ),
    });
    const { onAnswered } = await renderForm(api);

    await user.click(screen.getByRole('radio', { name: '6' }));
    await user.click(screen.getByRole('button', { name: 'Send answer' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You have already answered this campaign; answers are final',
    );
    expect(api.answer).toHaveBeenCalledTimes(1);
    expect(onAnswered).not.toHaveBeenCalled();
    // The form stays usable so the user is not stuck on "Sending…".
    expect(screen.getByRole('button', { name: 'Send answer' })).toBeEnabled();
  });

  it('treats a comment as plain text, never as HTML', async () => {
    const user = userEvent.setup();
    const api = fakeNpsApi();
    const { onAnswered } = await renderForm(api);
    const comment = '<script>alert(1)</script><b>x</b>';

    await user.click(screen.getByRole('radio', { name: '3' }));
    const field = screen.getByRole('textbox', { name: NPS_FOLLOW_UP });
    await user.type(field, comment);

    expect(field).toHaveValue(comment);
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('b')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Send answer' }));
    await waitFor(() => expect(onAnswered).toHaveBeenCalledTimes(1));
    expect(api.answer).toHaveBeenCalledWith(campaign.id, {
      score: 3,
      comment,
    });
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('b')).toBeNull();
  });
});
