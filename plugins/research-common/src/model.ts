import { JOINED_AT_ANNOTATION } from '@paved/common';
/**
 * Where a study is: proposed by the quarterly schedule (or a PM), under way
 * (recruiting and interviewing), or finished.
 */
export const STUDY_STATUSES = ['proposed', 'under-way', 'finished'] as const;
/** Where a study is. */
export type StudyStatus = (typeof STUDY_STATUSES)[number];

/** Where an invitation is; a withdrawn one has lost its participant's name. */
export const INVITATION_STATUSES = [
  'invited',
  'accepted',
  'declined',
  'withdrawn',
] as const;
/** Where an invitation is. */
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Whether developers can still join a preview. */
export const PREVIEW_STATUSES = ['open', 'closed'] as const;
/** Whether developers can still join a preview. */
export type PreviewStatus = (typeof PREVIEW_STATUSES)[number];

/** The roadmap stages in which an item may open a developer preview. */
export const PREVIEW_STAGES: readonly string[] = ['alpha', 'beta'];

/** How many developers a quarterly study talks to: the practice asks for 6 to 10. */
export const PARTICIPANT_GOAL = { min: 6, max: 10, default: 8 } as const;

/** Length of an interview, in minutes ("I'd talk to the platform team for 30 minutes"). */
export const INTERVIEW_MINUTES = 30;

/** A developer is a new joiner for this many months after their start date. */
export const DEFAULT_NEW_JOINER_MONTHS = 6;

/** Someone interviewed in this many quarters before a study is not proposed for it. */
export const REST_QUARTERS = 2;

/** The catalog annotation holding a person's start date (YYYY-MM-DD). */
export const DEFAULT_START_DATE_ANNOTATION = JOINED_AT_ANNOTATION;

/** Human labels of statuses. */
export const RESEARCH_LABELS: Record<
  StudyStatus | InvitationStatus | PreviewStatus,
  string
> = {
  proposed: 'Proposed',
  'under-way': 'Under way',
  finished: 'Finished',
  invited: 'Invited',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  open: 'Open',
  closed: 'Closed',
};
