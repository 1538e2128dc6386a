import { createApiRef } from '@backstage/core-plugin-api';
import {
  CreateStudyRequest,
  InterviewNotes,
  InviteRequest,
  MyInvitation,
  ObservationRequest,
  OpenPreviewRequest,
  PersonView,
  Preview,
  PreviewDetail,
  PublicSummary,
  RecruitingView,
  ResearchNotice,
  RoadmapItemRef,
  SharedTheme,
  Study,
  StudyDetail,
  SummaryRequest,
  Synthesis,
  UpdateStudyRequest,
} from '@paved/plugin-research-common';

/** The research backend, as the portal uses it. */
export interface ResearchApi {
  /** Published study summaries, newest first (no names). */
  listSummaries(): Promise<PublicSummary[]>;
  /** Every study, newest quarter first. */
  listStudies(): Promise<Study[]>;
  /** A study; invitations for PMs, names with research.notes.read. */
  getStudy(id: string): Promise<StudyDetail>;
  /** Creates a study (platform PMs). */
  createStudy(body: CreateStudyRequest): Promise<StudyDetail>;
  /** Edits a study's title, goal, guide or status (platform PMs). */
  updateStudy(id: string, patch: UpdateStudyRequest): Promise<StudyDetail>;
  /** Saves, or publishes, a study's public summary (platform PMs). */
  saveSummary(id: string, body: SummaryRequest): Promise<StudyDetail>;
  /** The balanced candidates for a study (platform PMs). */
  getRecruiting(id: string): Promise<RecruitingView>;
  /** Everyone a PM may invite. */
  listPeople(): Promise<PersonView[]>;
  /** Invites people to a study with slots to choose from. */
  invite(
    studyId: string,
    body: InviteRequest,
  ): Promise<{ invited: number; skipped: number }>;
  /** A study's synthesis (platform PMs). */
  getSynthesis(id: string): Promise<Synthesis>;
  /** The shared theme list (the themes of survey comments). */
  listThemes(): Promise<SharedTheme[]>;
  /** Roadmap items findings can link to (platform PMs). */
  listRoadmapItems(): Promise<RoadmapItemRef[]>;
  /** The user's invitations. */
  myInvitations(): Promise<MyInvitation[]>;
  /** Accepts an invitation with one of its slots. */
  accept(id: string, slot: string): Promise<MyInvitation[]>;
  /** Declines an invitation. */
  decline(id: string): Promise<MyInvitation[]>;
  /** Withdraws: the notes of the interview are anonymised. */
  withdraw(id: string): Promise<MyInvitation[]>;
  /** The accepted interview as an iCalendar file. */
  calendarFile(id: string): Promise<string>;
  /** An interview's notes and findings (platform PMs). */
  getInterview(id: string): Promise<InterviewNotes>;
  /** Replaces an interview's raw notes (research.notes.read). */
  setRawNotes(id: string, rawNotes: string): Promise<InterviewNotes>;
  /** Adds a finding to an interview. */
  addObservation(id: string, body: ObservationRequest): Promise<InterviewNotes>;
  /** Replaces a finding. */
  updateObservation(
    observationId: string,
    body: ObservationRequest,
  ): Promise<InterviewNotes>;
  /** Deletes a finding. */
  deleteObservation(observationId: string): Promise<void>;
  /** Whether the user offered 30 minutes. */
  getVolunteer(): Promise<{ volunteering: boolean }>;
  /** Offers, or stops offering, 30 minutes. */
  setVolunteer(on: boolean): Promise<{ volunteering: boolean }>;
  /** The user's research notices, unread first. */
  listNotices(): Promise<ResearchNotice[]>;
  /** Marks the user's research notices read. */
  markNoticesRead(): Promise<void>;
  /** Every preview, or the one of a roadmap item. */
  listPreviews(itemId?: string): Promise<Preview[]>;
  /** Opens a preview of a roadmap item in alpha or beta (platform PMs). */
  openPreview(body: OpenPreviewRequest): Promise<Preview>;
  /** Joins or leaves a preview. */
  setParticipation(id: string, on: boolean): Promise<Preview>;
  /** Leaves feedback on a preview (participants). */
  sendFeedback(id: string, text: string): Promise<Preview>;
  /** A preview's participants and feedback (platform PMs). */
  getPreviewDetail(id: string): Promise<PreviewDetail>;
  /** Sends a preview's participants a notice (platform PMs). */
  sendPreviewNotice(id: string, message: string): Promise<{ sent: number }>;
  /** Closes a preview (platform PMs). */
  closePreview(id: string): Promise<Preview>;
  /** Tags a feedback note with themes (platform PMs). */
  tagFeedback(feedbackId: string, themes: string[]): Promise<PreviewDetail>;
}

/** Reference to the {@link ResearchApi}. */
export const researchApiRef = createApiRef<ResearchApi>({
  id: 'plugin.research.service',
});
