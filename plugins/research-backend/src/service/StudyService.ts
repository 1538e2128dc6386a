import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { quarterLabel, quarterOf } from '@paved/common';
import { DATABASE_RETRY_AFTER_SECONDS } from '@paved/backend-router-utils';
import {
  CandidateView,
  INTERVIEW_MINUTES,
  InterviewNotes,
  MyInvitation,
  PersonView,
  PublicSummary,
  RecruitingView,
  RoadmapItemRef,
  SharedTheme,
  Study,
  StudyDemand,
  StudyDetail,
  StudyInvitation,
  Synthesis,
  calendarFile,
  createStudySchema,
  inviteSchema,
  observationSchema,
  proposeCandidates,
  summarySchema,
  tenureOf,
  updateStudySchema,
} from '@paved/plugin-research-common';
import { z } from 'zod';
import { StoredStudy, StudyStore } from '../database/StudyStore';
import { NoticeStore } from '../database/NoticeStore';
import { Notifier } from './Notifier';
import { PeopleDirectory, Person } from './PeopleDirectory';
import { RoadmapItemSource } from './RoadmapItemSource';
import { ThemeCatalog } from './ThemeCatalog';

/** Who is asking, and what they may see. */
export interface Viewer {
  userRef: string;
  /** Holds research.study.manage: sees invitations and findings. */
  manage: boolean;
  /** Holds research.notes.read: sees names and raw notes. */
  names: boolean;
}

/** What the study service needs. */
export interface StudyServiceOptions {
  store: StudyStore;
  themes: ThemeCatalog;
  people: PeopleDirectory;
  roadmap: RoadmapItemSource;
  notifier: Notifier;
  inbox: NoticeStore;
  /** A new joiner started less than this many months ago. */
  newJoinerMonths?: number;
  now?: () => Date;
}

const publicStudy = (s: StoredStudy): Study => ({
  id: s.id,
  quarter: s.quarter,
  title: s.title,
  status: s.status,
  goal: s.goal,
  scheduled: s.scheduled,
  invited: s.invited,
  accepted: s.accepted,
  declined: s.declined,
  withdrawn: s.withdrawn,
  interviewed: s.interviewed,
  summaryPublished: Boolean(s.summary?.publishedAt),
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

const participantLabel = (n: number) => `Participant ${n}`;

/** Holds the rules of quarterly interview studies. */
export class StudyService {
  private readonly now: () => Date;

  constructor(private readonly options: StudyServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  private get store() {
    return this.options.store;
  }

  private async study(id: string): Promise<StoredStudy> {
    const study = await this.store.getStudy(id);
    if (!study) throw new NotFoundError(`No study with id ${id}`);
    return study;
  }

  private async peopleByRef(): Promise<Map<string, Person>> {
    return new Map(
      (await this.options.people.people()).map(p => [p.userRef, p]),
    );
  }

  /** Every study, newest quarter first; no names. */
  async listStudies(): Promise<Study[]> {
    return (await this.store.listStudies()).map(publicStudy);
  }

  /** A study with its guide; invitations for PMs, names only with research.notes.read. */
  async getStudy(id: string, viewer: Viewer): Promise<StudyDetail> {
    const study = await this.study(id);
    const detail: StudyDetail = {
      ...publicStudy(study),
      guide: study.guide,
      namesVisible: viewer.names,
      // Drafts stay with the PMs; a published summary is public.
      summary:
        viewer.manage || study.summary?.publishedAt ? study.summary : null,
    };
    if (viewer.manage) {
      const people = viewer.names ? await this.peopleByRef() : undefined;
      detail.invitations = (await this.store.invitations(id)).map(i => {
        const invitation: StudyInvitation = {
          id: i.id,
          label: participantLabel(i.participantNumber),
          status: i.status,
          slots: i.slots,
          slot: i.slot,
          findings: i.findings,
        };
        if (people) {
          invitation.userRef = i.userRef;
          invitation.displayName = i.userRef
            ? people.get(i.userRef)?.displayName ?? i.userRef
            : null;
        }
        return invitation;
      });
    }
    return detail;
  }

  /** Creates a study; a PM's study is under way at once. */
  async createStudy(
    input: z.output<typeof createStudySchema>,
    by: string,
  ): Promise<string> {
    const id = await this.store.insertStudy(
      { ...input, status: 'under-way' },
      by,
      this.now(),
    );
    return id!;
  }

  /**
   * Proposes this quarter's study when the quarter has none (the scheduled job);
   * returns its id, or undefined when the quarter has a study already.
   */
  async proposeQuarterStudy(guide: string[], goal: number) {
    const quarter = quarterOf(this.now());
    if ((await this.store.countStudiesIn(quarter)) > 0) return undefined;
    return this.store.insertStudy(
      {
        quarter,
        title: `Developer interviews ${quarterLabel(quarter)}`,
        goal,
        guide,
        status: 'proposed',
        scheduleKey: quarter,
      },
      'research:schedule',
      this.now(),
    );
  }

  /** Edits a study's title, goal, guide or status. */
  async updateStudy(
    id: string,
    patch: z.output<typeof updateStudySchema>,
    by: string,
  ): Promise<void> {
    await this.study(id);
    await this.store.updateStudy(id, patch, by, this.now());
  }

  /** Saves the public summary; `publish` makes it public (keeping the first publication time). */
  async saveSummary(
    id: string,
    input: z.output<typeof summarySchema>,
    by: string,
  ): Promise<void> {
    const study = await this.study(id);
    const published = study.summary?.publishedAt;
    const firstPublished = published ? new Date(published) : this.now();
    await this.store.setSummary(
      id,
      {
        heard: input.heard,
        willDo: input.willDo,
        willNotDo: input.willNotDo,
        publishedAt: input.publish ? firstPublished : null,
      },
      by,
      this.now(),
    );
  }

  /** The published summaries (no names), newest first. */
  publicSummaries(since?: Date): Promise<PublicSummary[]> {
    return this.store.publishedSummaries(since);
  }

  /** Per study, how many participants' findings link to a roadmap item. */
  itemDemand(itemId: string): Promise<StudyDemand[]> {
    return this.store.itemDemand(itemId);
  }

  private async recruitable(studyId: string, quarter: string) {
    const [people, last, volunteers, invited] = await Promise.all([
      this.options.people.people(),
      this.store.lastInterviewed(),
      this.store.volunteers(),
      this.store.invitedTo(studyId),
    ]);
    const developers = people.filter(p => !p.platform);
    return { developers, last, volunteers, invited, quarter };
  }

  /**
   * A balanced set of candidates for a study, from the catalog only: spread over teams,
   * new joiners and long-standing developers, nobody interviewed in the last two
   * quarters, volunteers first. Survey answers are never read.
   */
  async recruiting(studyId: string): Promise<RecruitingView> {
    const study = await this.study(studyId);
    const { developers, last, volunteers, invited } = await this.recruitable(
      studyId,
      study.quarter,
    );
    const stillNeeded = Math.max(0, study.goal - study.accepted);
    const open =
      study.invited - study.accepted - study.declined - study.withdrawn;
    const proposal = proposeCandidates({
      people: developers.map(p => ({
        userRef: p.userRef,
        teamRef: p.teamRef,
        startDate: p.startDate,
        volunteer: volunteers.has(p.userRef),
        lastInterviewed: last.get(p.userRef) ?? null,
      })),
      quarter: study.quarter,
      goal: Math.max(0, stillNeeded - Math.max(0, open)),
      today: this.now(),
      alreadyInvited: invited,
      newJoinerMonths: this.options.newJoinerMonths,
    });
    const byRef = new Map(developers.map(p => [p.userRef, p]));
    return {
      candidates: proposal.candidates.map(
        (c): CandidateView => ({
          userRef: c.userRef,
          displayName: byRef.get(c.userRef)?.displayName ?? c.userRef,
          teamRef: c.teamRef,
          teamName: byRef.get(c.userRef)?.teamName ?? null,
          tenure: c.tenure,
          volunteer: c.volunteer,
        }),
      ),
      eligible: proposal.eligible,
      resting: proposal.resting,
      alreadyInvited: proposal.alreadyInvited,
      stillNeeded,
    };
  }

  /** Everyone a PM may invite (developers outside the platform group). */
  async people(): Promise<PersonView[]> {
    const [people, last, volunteers] = await Promise.all([
      this.options.people.people(),
      this.store.lastInterviewed(),
      this.store.volunteers(),
    ]);
    return people
      .filter(p => !p.platform)
      .map(p => ({
        userRef: p.userRef,
        displayName: p.displayName,
        teamRef: p.teamRef,
        teamName: p.teamName,
        tenure: tenureOf(p.startDate, this.now(), this.options.newJoinerMonths),
        volunteer: volunteers.has(p.userRef),
        lastInterviewed: last.get(p.userRef) ?? null,
      }));
  }

  /**
   * Invites people to a study with the slots they can choose from, and tells each of
   * them in their inbox (and Backstage notifications). People invited before are
   * skipped. Returns how many were invited.
   */
  async invite(
    studyId: string,
    input: z.output<typeof inviteSchema>,
    by: string,
  ): Promise<{ invited: number; skipped: number }> {
    const study = await this.study(studyId);
    if (study.status === 'finished') {
      throw new ConflictError(
        `"${study.title}" is finished; reopen it to invite people`,
      );
    }
    const now = this.now();
    const past = input.slots.filter(s => new Date(s) <= now);
    if (past.length > 0) {
      throw new InputError(`slots: ${past.join(', ')} is not in the future`);
    }
    const people = await this.peopleByRef();
    const unknown = input.people.filter(p => !people.has(p));
    if (unknown.length > 0) {
      throw new InputError(
        `people: ${unknown.join(', ')} is not in the catalog`,
      );
    }
    const created = await this.store.insertInvitations(
      studyId,
      input.people,
      input.slots,
      input.message,
      by,
      now,
    );
    if (study.status === 'proposed') {
      await this.store.updateStudy(studyId, { status: 'under-way' }, by, now);
    }
    await this.options.notifier.notify(
      created.map(c => c.userRef),
      {
        kind: 'invitation',
        title: `Would you talk to the platform team for ${INTERVIEW_MINUTES} minutes?`,
        message: `You are invited to "${study.title}". Pick a slot that suits you, or decline: both are fine.`,
        link: '/research?tab=invitations',
      },
    );
    return {
      invited: created.length,
      skipped: input.people.length - created.length,
    };
  }

  /** The user's invitations (withdrawn ones are no longer theirs). */
  async myInvitations(userRef: string): Promise<MyInvitation[]> {
    const rows = await this.store.invitationsOf(userRef);
    return rows.map(i => ({
      id: i.id,
      studyId: i.studyId,
      studyTitle: i.studyTitle,
      quarter: i.quarter,
      status: i.status,
      slots: i.slots,
      slot: i.slot,
      message: i.message,
      minutes: INTERVIEW_MINUTES,
      invitedAt: i.invitedAt,
    }));
  }

  private async ownInvitation(id: string, userRef: string) {
    const invitation = await this.store.getInvitation(id);
    // Someone else's invitation does not exist as far as this user can tell.
    if (!invitation || invitation.userRef !== userRef) {
      throw new NotFoundError(`No invitation with id ${id}`);
    }
    return invitation;
  }

  /** Accepts an invitation with one of its proposed slots, still in the future. */
  async accept(id: string, userRef: string, slot: string): Promise<void> {
    const invitation = await this.ownInvitation(id, userRef);
    const at = new Date(slot);
    if (!invitation.slots.some(s => new Date(s).getTime() === at.getTime())) {
      throw new InputError('slot: slot must be one of the proposed slots');
    }
    if (at <= this.now()) {
      throw new InputError('slot: that slot has passed; pick a later one');
    }
    if (!(await this.store.respond(id, userRef, 'accepted', at, this.now()))) {
      throw new ConflictError(
        `This invitation was already ${invitation.status}`,
      );
    }
  }

  /** Declines an invitation. */
  async decline(id: string, userRef: string): Promise<void> {
    const invitation = await this.ownInvitation(id, userRef);
    if (
      !(await this.store.respond(id, userRef, 'declined', null, this.now()))
    ) {
      throw new ConflictError(
        `This invitation was already ${invitation.status}`,
      );
    }
  }

  /**
   * Withdraws from a study: the participant's name, slot and raw notes are removed and
   * their findings keep only the theme, root cause and roadmap link.
   */
  async withdraw(id: string, userRef: string): Promise<void> {
    const invitation = await this.ownInvitation(id, userRef);
    if (!(await this.store.withdraw(id, userRef, this.now()))) {
      throw new ConflictError(
        `This invitation was ${invitation.status}; there is nothing to withdraw from`,
      );
    }
  }

  /** The accepted interview as an iCalendar file. */
  async calendar(id: string, userRef: string, portalUrl: string) {
    const invitation = await this.ownInvitation(id, userRef);
    if (invitation.status !== 'accepted' || !invitation.slot) {
      throw new ConflictError('Accept the invitation with a slot first');
    }
    const study = await this.study(invitation.studyId);
    return calendarFile({
      uid: invitation.id,
      start: new Date(invitation.slot),
      minutes: INTERVIEW_MINUTES,
      title: `Interview with the platform team: ${study.title}`,
      description: `${INTERVIEW_MINUTES} minutes about how you work with the platform. Withdraw at any time from ${portalUrl}/research?tab=invitations.`,
      url: `${portalUrl}/research?tab=invitations`,
      stamp: this.now(),
    });
  }

  private async roadmapTitles(): Promise<
    Map<string, RoadmapItemRef> | undefined
  > {
    const items = await this.options.roadmap.items();
    return items ? new Map(items.map(i => [i.id, i])) : undefined;
  }

  private async interviewOf(invitationId: string) {
    const invitation = await this.store.getInvitation(invitationId);
    if (!invitation)
      throw new NotFoundError(`No interview with id ${invitationId}`);
    return invitation;
  }

  /** One interview's findings; names and raw notes only with research.notes.read. */
  async interview(
    invitationId: string,
    viewer: Viewer,
  ): Promise<InterviewNotes> {
    const invitation = await this.interviewOf(invitationId);
    const [study, observations, items] = await Promise.all([
      this.study(invitation.studyId),
      this.store.observations(invitationId),
      this.roadmapTitles(),
    ]);
    const notes: InterviewNotes = {
      invitationId,
      studyId: study.id,
      studyTitle: study.title,
      label: participantLabel(invitation.participantNumber),
      status: invitation.status,
      slot: invitation.slot,
      observations: observations.map(o => ({
        ...o,
        roadmapItemTitle: o.roadmapItemId
          ? items?.get(o.roadmapItemId)?.title ?? null
          : null,
      })),
    };
    if (viewer.names) {
      notes.userRef = invitation.userRef;
      notes.displayName = invitation.userRef
        ? (await this.peopleByRef()).get(invitation.userRef)?.displayName ??
          invitation.userRef
        : null;
      notes.rawNotes = await this.store.rawNotes(invitationId);
    }
    return notes;
  }

  private async writable(invitationId: string) {
    const invitation = await this.interviewOf(invitationId);
    if (invitation.status !== 'accepted') {
      throw new ConflictError(
        `Notes belong to accepted interviews; this one is ${invitation.status}`,
      );
    }
    return invitation;
  }

  /** Replaces an interview's raw notes. */
  async setRawNotes(invitationId: string, rawNotes: string, by: string) {
    await this.writable(invitationId);
    await this.store.setRawNotes(invitationId, rawNotes, by, this.now());
  }

  private async checkObservation(input: z.output<typeof observationSchema>) {
    await this.options.themes.assertShared([input.theme]);
    if (input.roadmapItemId) {
      const items = await this.roadmapTitles();
      if (!items) {
        throw new ServiceUnavailableError(
          'The roadmap cannot be reached to check roadmapItemId; try again',
        );
      }
      if (!items.has(input.roadmapItemId)) {
        throw new InputError(
          `roadmapItemId: no roadmap item with id ${input.roadmapItemId}`,
        );
      }
    }
  }

  /** Adds a finding to an interview; the theme must be in the shared list. */
  async addObservation(
    invitationId: string,
    input: z.output<typeof observationSchema>,
    by: string,
  ): Promise<string> {
    const invitation = await this.writable(invitationId);
    await this.checkObservation(input);
    return this.store.insertObservation(
      invitationId,
      invitation.studyId,
      input,
      by,
      this.now(),
    );
  }

  private async observationOf(id: string) {
    const observation = await this.store.getObservation(id);
    if (!observation) throw new NotFoundError(`No observation with id ${id}`);
    return observation;
  }

  /** Replaces a finding. */
  async updateObservation(
    id: string,
    input: z.output<typeof observationSchema>,
  ): Promise<string> {
    const observation = await this.observationOf(id);
    await this.writable(observation.invitationId);
    await this.checkObservation(input);
    await this.store.updateObservation(id, input, this.now());
    return observation.invitationId;
  }

  /** Deletes a finding. */
  async deleteObservation(id: string): Promise<void> {
    await this.observationOf(id);
    await this.store.deleteObservation(id);
  }

  /**
   * The synthesis: themes ranked by how many participants raised them, with the survey
   * comments on the same theme, the root causes found, quotes and linked roadmap items.
   */
  async synthesis(studyId: string): Promise<Synthesis> {
    await this.study(studyId);
    const [stored, survey, items] = await Promise.all([
      this.store.synthesis(studyId),
      this.options.themes.surveyCounts(),
      this.roadmapTitles(),
    ]);
    return {
      studyId,
      participants: stored.participants,
      themes: stored.themes.map(t => ({
        theme: t.theme,
        participants: t.participants,
        observations: t.observations,
        rootCauses: stored.rootCauses
          .filter(r => r.theme === t.theme)
          .map(r => ({ rootCause: r.rootCause, participants: r.participants })),
        quotes: stored.quotes.filter(q => q.theme === t.theme).map(q => q.text),
        roadmapItems: stored.items
          .filter(i => i.theme === t.theme)
          .map(i => ({
            id: i.roadmapItemId,
            title: items?.get(i.roadmapItemId)?.title ?? null,
          })),
        surveyComments: survey ? survey.get(t.theme) ?? 0 : null,
      })),
    };
  }

  /** The shared theme list, for tagging. */
  sharedThemes(): Promise<SharedTheme[]> {
    return this.options.themes.list();
  }

  /** Roadmap items findings can link to (503 when the roadmap cannot be reached). */
  async roadmapItems(): Promise<RoadmapItemRef[]> {
    const items = await this.options.roadmap.items();
    if (!items)
      throw new ServiceUnavailableError(
        `The roadmap cannot be reached right now; retry in ${DATABASE_RETRY_AFTER_SECONDS} seconds.`,
      );
    return items;
  }

  /** "I'd talk to the platform team for 30 minutes": on or off. Only the quarter is kept. */
  async volunteer(
    userRef: string,
    on: boolean,
  ): Promise<{ volunteering: boolean }> {
    await this.store.setVolunteer(userRef, quarterOf(this.now()), on);
    return { volunteering: on };
  }

  /** Whether the user volunteered. */
  async isVolunteer(userRef: string): Promise<{ volunteering: boolean }> {
    return { volunteering: await this.store.isVolunteer(userRef) };
  }

  /** The user's research inbox, unread first. */
  notices(userRef: string) {
    return this.options.inbox.list(userRef);
  }

  /** Marks the user's research inbox read. */
  markNoticesRead(userRef: string): Promise<void> {
    return this.options.inbox.markRead(userRef, this.now());
  }
}
