import { ReactElement } from 'react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';
import {
  InterviewNotes,
  MyInvitation,
  Preview,
  PublicSummary,
  StudyDetail,
} from '@paved/plugin-research-common';
import { ResearchApi, researchApiRef } from '../api/ResearchApi';
import { rootRouteRef } from '../routes';

/** A study as a PM sees it. */
export function makeStudy(overrides: Partial<StudyDetail> = {}): StudyDetail {
  return {
    id: '10000000-0000-4000-8000-000000000001',
    quarter: '2026-Q4',
    title: 'Setting up a new service',
    status: 'under-way',
    goal: 8,
    scheduled: false,
    invited: 2,
    accepted: 1,
    declined: 0,
    withdrawn: 0,
    interviewed: 1,
    summaryPublished: false,
    createdAt: '2026-10-01T00:00:00Z',
    updatedAt: '2026-10-01T00:00:00Z',
    guide: ['Walk me through your last deployment.'],
    namesVisible: true,
    invitations: [],
    summary: null,
    ...overrides,
  };
}

/** An invitation as the invited developer sees it. */
export function makeInvitation(
  overrides: Partial<MyInvitation> = {},
): MyInvitation {
  return {
    id: '20000000-0000-4000-8000-000000000001',
    studyId: '10000000-0000-4000-8000-000000000001',
    studyTitle: 'Setting up a new service',
    quarter: '2026-Q4',
    status: 'invited',
    slots: ['2099-12-08T10:00:00.000Z', '2099-12-09T14:30:00.000Z'],
    slot: null,
    message: 'Thirty minutes, no preparation.',
    minutes: 30,
    invitedAt: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

/** A preview as everyone sees it. */
export function makePreview(overrides: Partial<Preview> = {}): Preview {
  return {
    id: '30000000-0000-4000-8000-000000000001',
    itemId: '40000000-0000-4000-8000-000000000001',
    itemTitle: 'Preview environments',
    description: 'Label a pull request "preview".',
    status: 'open',
    participants: 6,
    feedback: 5,
    feedbackByTheme: [{ theme: 'observability', feedback: 2 }],
    joinedByMe: false,
    myFeedback: 0,
    openedAt: '2026-11-09T10:00:00Z',
    closedAt: null,
    gaNotifiedAt: null,
    ...overrides,
  };
}

/** A published summary. */
export function makeSummary(
  overrides: Partial<PublicSummary> = {},
): PublicSummary {
  return {
    studyId: '10000000-0000-4000-8000-000000000002',
    title: 'Getting a change to production',
    quarter: '2026-Q3',
    participants: 7,
    heard: 'CI is the bottleneck.',
    willDo: 'A remote build cache.',
    willNotDo: 'A second CI system: one well-run system beats two.',
    publishedAt: '2026-08-10T09:00:00Z',
    themes: [{ theme: 'ci speed', participants: 4 }],
    ...overrides,
  };
}

/** An interview's notes as a PM with research.notes.read sees them. */
export function makeInterview(
  overrides: Partial<InterviewNotes> = {},
): InterviewNotes {
  return {
    invitationId: '20000000-0000-4000-8000-000000000001',
    studyId: '10000000-0000-4000-8000-000000000001',
    studyTitle: 'Setting up a new service',
    label: 'Participant 1',
    status: 'accepted',
    slot: '2026-12-08T10:00:00.000Z',
    userRef: 'user:default/jonas.weber',
    displayName: 'Jonas Weber',
    rawNotes: 'Copied the pipeline from another repository.',
    observations: [],
    ...overrides,
  };
}

/** A research API answering with defaults; override what a test needs. */
export function fakeResearchApi(
  overrides: Partial<ResearchApi> = {},
): jest.Mocked<ResearchApi> {
  return {
    listSummaries: jest.fn().mockResolvedValue([]),
    listStudies: jest.fn().mockResolvedValue([]),
    getStudy: jest.fn().mockResolvedValue(makeStudy()),
    createStudy: jest.fn().mockResolvedValue(makeStudy()),
    updateStudy: jest.fn().mockResolvedValue(makeStudy()),
    saveSummary: jest.fn().mockResolvedValue(makeStudy()),
    getRecruiting: jest.fn().mockResolvedValue({
      candidates: [],
      eligible: 0,
      resting: 0,
      alreadyInvited: 0,
      stillNeeded: 8,
    }),
    listPeople: jest.fn().mockResolvedValue([]),
    invite: jest.fn().mockResolvedValue({ invited: 1, skipped: 0 }),
    getSynthesis: jest.fn().mockResolvedValue({
      studyId: 's',
      participants: 0,
      themes: [],
    }),
    listThemes: jest.fn().mockResolvedValue([
      { theme: 'ci speed', surveyComments: 14 },
      { theme: 'docs', surveyComments: 4 },
    ]),
    listRoadmapItems: jest.fn().mockResolvedValue([
      {
        id: '40000000-0000-4000-8000-000000000002',
        title: 'Faster CI for monorepos',
        status: 'building',
      },
    ]),
    myInvitations: jest.fn().mockResolvedValue([]),
    accept: jest.fn().mockResolvedValue([]),
    decline: jest.fn().mockResolvedValue([]),
    withdraw: jest.fn().mockResolvedValue([]),
    calendarFile: jest.fn().mockResolvedValue('BEGIN:VCALENDAR'),
    getInterview: jest.fn().mockResolvedValue(makeInterview()),
    setRawNotes: jest.fn().mockResolvedValue(makeInterview()),
    addObservation: jest.fn().mockResolvedValue(makeInterview()),
    updateObservation: jest.fn().mockResolvedValue(makeInterview()),
    deleteObservation: jest.fn().mockResolvedValue(undefined),
    getVolunteer: jest.fn().mockResolvedValue({ volunteering: false }),
    setVolunteer: jest.fn().mockResolvedValue({ volunteering: true }),
    listNotices: jest.fn().mockResolvedValue([]),
    markNoticesRead: jest.fn().mockResolvedValue(undefined),
    listPreviews: jest.fn().mockResolvedValue([]),
    openPreview: jest.fn().mockResolvedValue(makePreview()),
    setParticipation: jest.fn().mockResolvedValue(makePreview()),
    sendFeedback: jest.fn().mockResolvedValue(makePreview()),
    getPreviewDetail: jest
      .fn()
      .mockResolvedValue({ participants: [], feedback: [] }),
    sendPreviewNotice: jest.fn().mockResolvedValue({ sent: 0 }),
    closePreview: jest.fn().mockResolvedValue(makePreview()),
    tagFeedback: jest
      .fn()
      .mockResolvedValue({ participants: [], feedback: [] }),
    ...overrides,
  } as jest.Mocked<ResearchApi>;
}

/** Permissions of a platform PM (everything) or a developer (research.read only). */
export function permissions(pm: boolean): PermissionApi {
  return {
    authorize: jest.fn().mockImplementation(async ({ permission }) => ({
      result: pm || permission.name === 'research.read' ? 'ALLOW' : 'DENY',
    })),
  } as unknown as PermissionApi;
}

/** Renders `element` with the research API, PM or developer permissions, at /research. */
export function renderResearch(
  element: ReactElement,
  options: { api: ResearchApi; pm?: boolean; path?: string },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [researchApiRef, options.api],
        [permissionApiRef, permissions(options.pm ?? false)],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      mountedRoutes: { '/research': rootRouteRef },
      routeEntries: options.path ? [options.path] : undefined,
    },
  );
}
