import type { InvitationStatus, PreviewStatus, StudyStatus } from './model';
import type { Tenure } from './recruiting';

/** A study as everyone reads it: no names. */
export interface Study {
  id: string;
  /** e.g. 2026-Q4 */
  quarter: string;
  title: string;
  status: StudyStatus;
  /** Participants wanted, 6 to 10. */
  goal: number;
  /** Proposed by the quarterly schedule rather than created by a PM. */
  scheduled: boolean;
  invited: number;
  accepted: number;
  declined: number;
  withdrawn: number;
  /** Interviews with notes or findings. */
  interviewed: number;
  summaryPublished: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One invitation of a study, as the study page lists it. */
export interface StudyInvitation {
  id: string;
  /** "Participant 3": stable within the study, never a name. */
  label: string;
  /** The person; only for holders of research.notes.read, and null once withdrawn. */
  userRef?: string | null;
  displayName?: string | null;
  status: InvitationStatus;
  slots: string[];
  /** The accepted slot (ISO 8601). */
  slot: string | null;
  findings: number;
}

/** A study with its guide and, for platform PMs, its invitations. */
export interface StudyDetail extends Study {
  guide: string[];
  /** Platform PMs (research.study.manage) only. */
  invitations?: StudyInvitation[];
  /** Whether names are shown (research.notes.read). */
  namesVisible: boolean;
  summary: StudySummaryDraft | null;
}

/** A study's summary as its PM writes it. */
export interface StudySummaryDraft {
  heard: string;
  willDo: string;
  willNotDo: string;
  publishedAt: string | null;
}

/** The public summary of a study: what we heard, what we will and will not do. */
export interface PublicSummary {
  studyId: string;
  title: string;
  quarter: string;
  participants: number;
  heard: string;
  willDo: string;
  willNotDo: string;
  publishedAt: string;
  /** Themes by how many participants raised them. */
  themes: Array<{ theme: string; participants: number }>;
}

/** A candidate of the recruiting proposal, with what the PM needs to adjust it. */
export interface CandidateView {
  userRef: string;
  displayName: string;
  teamRef: string | null;
  teamName: string | null;
  tenure: Tenure;
  volunteer: boolean;
}

/** The balanced proposal for a study. */
export interface RecruitingView {
  candidates: CandidateView[];
  eligible: number;
  resting: number;
  alreadyInvited: number;
  /** How many more accepted participants the study needs. */
  stillNeeded: number;
}

/** A person of the catalog a PM may invite. */
export interface PersonView {
  userRef: string;
  displayName: string;
  teamRef: string | null;
  teamName: string | null;
  tenure: Tenure;
  volunteer: boolean;
  /** The latest quarter they were interviewed in. */
  lastInterviewed: string | null;
}

/** An invitation as the invited developer sees it. */
export interface MyInvitation {
  id: string;
  studyId: string;
  studyTitle: string;
  quarter: string;
  status: InvitationStatus;
  slots: string[];
  slot: string | null;
  message: string;
  minutes: number;
  invitedAt: string;
}

/** A finding: an observation tagged with a theme and a root cause. */
export interface Observation {
  id: string;
  /** Null once the participant withdrew: the finding stays, the words go. */
  text: string | null;
  theme: string;
  rootCause: string;
  quote: boolean;
  roadmapItemId: string | null;
  roadmapItemTitle: string | null;
  createdAt: string;
}

/** One interview's notes, as the study's PM works on them. */
export interface InterviewNotes {
  invitationId: string;
  studyId: string;
  studyTitle: string;
  label: string;
  status: InvitationStatus;
  slot: string | null;
  /** research.notes.read only. */
  userRef?: string | null;
  displayName?: string | null;
  /** research.notes.read only; null when none were written or after withdrawal. */
  rawNotes?: string | null;
  observations: Observation[];
}

/** A theme of the synthesis with the evidence behind it. */
export interface SynthesisTheme {
  theme: string;
  /** Participants who raised it. */
  participants: number;
  observations: number;
  rootCauses: Array<{ rootCause: string; participants: number }>;
  quotes: string[];
  roadmapItems: Array<{ id: string; title: string | null }>;
  /** Survey comments tagged with the same theme, all campaigns; null when the survey is unavailable. */
  surveyComments: number | null;
}

/** A study's synthesis: themes ranked by how many participants raised them. */
export interface Synthesis {
  studyId: string;
  participants: number;
  themes: SynthesisTheme[];
}

/** A theme of the shared list, with how many survey comments carry it. */
export interface SharedTheme {
  theme: string;
  surveyComments: number;
}

/** A roadmap item findings can link to. */
export interface RoadmapItemRef {
  id: string;
  title: string;
  status: string;
}

/** Interview participants of one study whose findings link to a roadmap item. */
export interface StudyDemand {
  studyId: string;
  title: string;
  quarter: string;
  participants: number;
}

/** A notice in the user's research inbox. */
export interface ResearchNotice {
  id: number;
  kind: 'invitation' | 'preview' | 'study';
  title: string;
  message: string;
  link: string | null;
  createdAt: string;
  read: boolean;
}

/** A developer preview as everyone sees it: sizes and counts, no names. */
export interface Preview {
  id: string;
  itemId: string;
  itemTitle: string;
  description: string;
  status: PreviewStatus;
  participants: number;
  feedback: number;
  feedbackByTheme: Array<{ theme: string; feedback: number }>;
  joinedByMe: boolean;
  myFeedback: number;
  openedAt: string;
  closedAt: string | null;
  gaNotifiedAt: string | null;
}

/** A preview's participants and feedback, for the PM running it. */
export interface PreviewDetail {
  participants: Array<{
    userRef: string;
    displayName: string;
    joinedAt: string;
  }>;
  feedback: Array<{
    id: string;
    userRef: string;
    displayName: string;
    text: string;
    themes: string[];
    createdAt: string;
  }>;
}
