import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_GUIDE } from '@paved/plugin-research-common';
import {
  fakeResearchApi,
  makeStudy,
  renderResearch,
} from '../../__testUtils__/fixtures';
import { Router } from '../ResearchPage';

const study = makeStudy({
  guide: [...DEFAULT_GUIDE],
  invitations: [
    {
      id: '20000000-0000-4000-8000-000000000001',
      label: 'Participant 1',
      userRef: 'user:default/jonas.weber',
      displayName: 'Jonas Weber',
      status: 'accepted',
      slots: [],
      slot: '2026-12-08T10:00:00.000Z',
      findings: 2,
    },
    {
      id: '20000000-0000-4000-8000-000000000002',
      label: 'Participant 2',
      userRef: null,
      displayName: null,
      status: 'withdrawn',
      slots: [],
      slot: null,
      findings: 1,
    },
  ],
});

const path = (tab = '') => `/studies/${study.id}${tab ? `?tab=${tab}` : ''}`;

// Interactions are slow on a busy CI machine; nothing here measures time.
jest.setTimeout(30_000);

describe('StudyPage', () => {
  it('warns beside a guide question that asks for features, and saves the guide', async () => {
    const user = userEvent.setup();
    const api = fakeResearchApi({
      getStudy: jest.fn().mockResolvedValue(study),
    });
    await renderResearch(<Router />, { api, pm: true, path: path() });

    const guide = await screen.findByRole('region', {
      name: 'Interview guide',
    });
    // The default guide asks about behaviour only.
    expect(within(guide).queryByRole('alert')).not.toBeInTheDocument();
    expect(
      within(guide).queryByText(/asks for features/),
    ).not.toBeInTheDocument();

    await user.click(
      within(guide).getByRole('button', { name: 'Add a question' }),
    );
    const added = within(guide).getByRole('textbox', {
      name: `Question ${DEFAULT_GUIDE.length + 1}`,
    });
    await user.click(added);
    await user.paste('What features would you like?');
    expect(
      within(guide).getByText(/This asks for features/),
    ).toBeInTheDocument();
    expect(
      within(guide).getByText('1 question asks for features'),
    ).toBeInTheDocument();

    await user.click(within(guide).getByRole('button', { name: 'Save guide' }));
    expect(api.updateStudy).toHaveBeenCalledWith(study.id, {
      guide: [...DEFAULT_GUIDE, 'What features would you like?'],
    });
  });

  it('lists interviews with names for research.notes.read, and links to notes', async () => {
    const api = fakeResearchApi({
      getStudy: jest.fn().mockResolvedValue(study),
    });
    await renderResearch(<Router />, {
      api,
      pm: true,
      path: path('interviews'),
    });
    const table = await screen.findByRole('table', {
      name: 'Invitations and interviews',
    });
    const jonas = within(table).getByRole('row', { name: /Jonas Weber/ });
    expect(
      within(jonas).getByRole('link', { name: 'Write notes' }),
    ).toHaveAttribute(
      'href',
      `/research/interviews/${study.invitations![0].id}`,
    );
    const withdrawn = within(table).getByRole('row', { name: /Participant 2/ });
    expect(withdrawn).toHaveTextContent('Withdrawn');
    expect(
      within(withdrawn).getByRole('link', { name: 'Read findings' }),
    ).toBeInTheDocument();
  });

  it('shows participants by number only without research.notes.read', async () => {
    const anonymous = makeStudy({
      namesVisible: false,
      invitations: study.invitations!.map(
        ({ userRef, displayName, ...i }) => i,
      ),
    });
    const api = fakeResearchApi({
      getStudy: jest.fn().mockResolvedValue(anonymous),
    });
    await renderResearch(<Router />, {
      api,
      pm: true,
      path: path('interviews'),
    });
    const table = await screen.findByRole('table', {
      name: 'Invitations and interviews',
    });
    expect(
      within(table).queryByRole('columnheader', { name: 'Name' }),
    ).not.toBeInTheDocument();
    expect(table).not.toHaveTextContent('Jonas');
    expect(
      screen.getByText(/names need research.notes.read/),
    ).toBeInTheDocument();
  });

  it('invites the proposed candidates the PM keeps, with the slots', async () => {
    const user = userEvent.setup();
    const api = fakeResearchApi({
      getStudy: jest.fn().mockResolvedValue(study),
      getRecruiting: jest.fn().mockResolvedValue({
        candidates: [
          {
            userRef: 'user:default/amara.nwosu',
            displayName: 'Amara Nwosu',
            teamRef: 'group:default/checkout',
            teamName: 'Checkout & Payments',
            tenure: 'new-joiner',
            volunteer: false,
          },
          {
            userRef: 'user:default/lucas.dubois',
            displayName: 'Lucas Dubois',
            teamRef: 'group:default/customer-apps',
            teamName: 'Customer Apps',
            tenure: 'long-standing',
            volunteer: true,
          },
        ],
        eligible: 20,
        resting: 7,
        alreadyInvited: 2,
        stillNeeded: 7,
      }),
    });
    await renderResearch(<Router />, {
      api,
      pm: true,
      path: path('recruiting'),
    });

    const candidates = await screen.findByRole('table', { name: 'Candidates' });
    expect(
      within(candidates).getByRole('row', { name: /Lucas Dubois/ }),
    ).toHaveTextContent('Volunteered');
    expect(
      screen.getByText(/7 resting after an interview in the last two quarters/),
    ).toBeInTheDocument();
    await user.click(
      screen.getByRole('checkbox', { name: 'Invite Amara Nwosu' }),
    );
    await user.click(screen.getByRole('button', { name: /Invite 1\sperson/ }));
    expect(api.invite).toHaveBeenCalledWith(study.id, {
      people: ['user:default/lucas.dubois'],
      slots: [expect.stringMatching(/Z$/), expect.stringMatching(/Z$/)],
      message: expect.any(String),
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      /Invited 1\sperson/,
    );
  });

  it('ranks the synthesis with survey comments, root causes, quotes and roadmap links', async () => {
    const api = fakeResearchApi({
      getStudy: jest.fn().mockResolvedValue(study),
      getSynthesis: jest.fn().mockResolvedValue({
        studyId: study.id,
        participants: 4,
        themes: [
          {
            theme: 'ci speed',
            participants: 3,
            observations: 4,
            rootCauses: [{ rootCause: 'No build cache', participants: 3 }],
            quotes: ['"I push and go for coffee."'],
            roadmapItems: [{ id: 'item-1', title: 'Faster CI for monorepos' }],
            surveyComments: 14,
          },
          {
            theme: 'docs',
            participants: 1,
            observations: 1,
            rootCauses: [],
            quotes: [],
            roadmapItems: [],
            surveyComments: null,
          },
        ],
      }),
    });
    await renderResearch(<Router />, {
      api,
      pm: true,
      path: path('synthesis'),
    });
    const ci = await screen.findByRole('region', { name: '1. ci speed' });
    expect(ci).toHaveTextContent('3 participants');
    expect(ci).toHaveTextContent('14 survey comments');
    expect(ci).toHaveTextContent('No build cache');
    expect(within(ci).getByText('"I push and go for coffee."').tagName).toBe(
      'BLOCKQUOTE',
    );
    expect(
      within(ci).getByRole('link', { name: 'Faster CI for monorepos' }),
    ).toHaveAttribute('href', '/roadmap/items/item-1');
    expect(screen.getByRole('region', { name: '2. docs' })).toHaveTextContent(
      'survey unavailable',
    );
  });

  it('tells a developer that only the platform team runs studies', async () => {
    const { invitations, ...publicStudy } = study;
    const api = fakeResearchApi({
      getStudy: jest
        .fn()
        .mockResolvedValue({ ...publicStudy, namesVisible: false }),
    });
    await renderResearch(<Router />, { api, path: path() });
    expect(
      await screen.findByText(/Only the platform team runs studies/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('tab', { name: 'Recruiting' }),
    ).not.toBeInTheDocument();
  });
});
