import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import {
  InvitationStatus,
  Observation,
  StudyStatus,
} from '@paved/plugin-research-common';
import { toBool, toIso } from './migrations';

/** A study row with its invitation counts, as the service reads it. */
export interface StoredStudy {
  id: string;
  quarter: string;
  title: string;
  goal: number;
  guide: string[];
  status: StudyStatus;
  scheduled: boolean;
  invited: number;
  accepted: number;
  declined: number;
  withdrawn: number;
  interviewed: number;
  summary: {
    heard: string;
    willDo: string;
    willNotDo: string;
    publishedAt: string | null;
  } | null;
  createdAt: string;
  updatedAt: string;
}

/** An invitation row. */
export interface StoredInvitation {
  id: string;
  studyId: string;
  participantNumber: number;
  userRef: string | null;
  status: InvitationStatus;
  slots: string[];
  slot: string | null;
  message: string;
  invitedBy: string;
  invitedAt: string;
  findings: number;
}

/** The fields of a new or edited observation. */
export interface ObservationFields {
  text: string;
  theme: string;
  rootCause: string;
  quote: boolean;
  roadmapItemId: string | null;
}

/** The synthesis of a study as SQL aggregates it. */
export interface StoredSynthesis {
  participants: number;
  themes: Array<{ theme: string; participants: number; observations: number }>;
  rootCauses: Array<{ theme: string; rootCause: string; participants: number }>;
  quotes: Array<{ theme: string; text: string }>;
  items: Array<{ theme: string; roadmapItemId: string }>;
}

function studyFromRow(row: any): StoredStudy {
  return {
    id: row.id,
    quarter: row.quarter,
    title: row.title,
    goal: Number(row.goal),
    guide: JSON.parse(row.guide),
    status: row.status,
    scheduled: Boolean(row.schedule_key),
    invited: Number(row.invited ?? 0),
    accepted: Number(row.accepted ?? 0),
    declined: Number(row.declined ?? 0),
    withdrawn: Number(row.withdrawn ?? 0),
    interviewed: Number(row.interviewed ?? 0),
    summary:
      row.summary_heard === null || row.summary_heard === undefined
        ? null
        : {
            heard: row.summary_heard,
            willDo: row.summary_will_do,
            willNotDo: row.summary_will_not_do,
            publishedAt: toIso(row.summary_published_at),
          },
    createdAt: toIso(row.created_at)!,
    updatedAt: toIso(row.updated_at)!,
  };
}

function invitationFromRow(row: any): StoredInvitation {
  return {
    id: row.id,
    studyId: row.study_id,
    participantNumber: Number(row.participant_number),
    userRef: row.user_ref ?? null,
    status: row.status,
    slots: JSON.parse(row.slots),
    slot: toIso(row.slot),
    message: row.message,
    invitedBy: row.invited_by,
    invitedAt: toIso(row.invited_at)!,
    findings: Number(row.findings ?? 0),
  };
}

function observationFromRow(row: any): Omit<Observation, 'roadmapItemTitle'> {
  return {
    id: row.id,
    text: row.text ?? null,
    theme: row.theme,
    rootCause: row.root_cause,
    quote: toBool(row.is_quote),
    roadmapItemId: row.roadmap_item_id ?? null,
    createdAt: toIso(row.created_at)!,
  };
}

/** Every query about interview studies, invitations, notes, findings and volunteers. */
export class StudyStore {
  constructor(private readonly db: Knex) {}

  // Each study with its invitation counts, aggregated in SQL.
  private studiesQuery() {
    const counts = this.db('research_invitations as i')
      .select('i.study_id')
      .count({ invited: '*' })
      .select(
        this.db.raw(
          "count(*) filter (where i.status = 'accepted') as accepted",
        ),
        this.db.raw(
          "count(*) filter (where i.status = 'declined') as declined",
        ),
        this.db.raw(
          "count(*) filter (where i.status = 'withdrawn') as withdrawn",
        ),
        this.db.raw(
          `count(*) filter (where exists (select 1 from research_observations o where o.invitation_id = i.id)
             or exists (select 1 from research_interview_notes n where n.invitation_id = i.id)) as interviewed`,
        ),
      )
      .groupBy('i.study_id')
      .as('c');
    return this.db('research_studies as s')
      .leftJoin(counts, 'c.study_id', 's.id')
      .select(
        's.*',
        'c.invited',
        'c.accepted',
        'c.declined',
        'c.withdrawn',
        'c.interviewed',
      );
  }

  /** Inserts a study; with a `scheduleKey` that exists already, inserts nothing and returns undefined. */
  async insertStudy(
    fields: {
      quarter: string;
      title: string;
      goal: number;
      guide: string[];
      status: StudyStatus;
      scheduleKey?: string;
    },
    by: string,
    now: Date,
  ): Promise<string | undefined> {
    const id = randomUUID();
    const inserted = await this.db('research_studies')
      .insert({
        id,
        quarter: fields.quarter,
        title: fields.title,
        goal: fields.goal,
        guide: JSON.stringify(fields.guide),
        status: fields.status,
        schedule_key: fields.scheduleKey ?? null,
        created_by: by,
        created_at: now,
        updated_by: by,
        updated_at: now,
      })
      .onConflict('schedule_key')
      .ignore()
      .returning('id');
    return inserted.length > 0 ? id : undefined;
  }

  /** How many studies a quarter has. */
  async countStudiesIn(quarter: string): Promise<number> {
    const row = await this.db('research_studies')
      .where({ quarter })
      .count({ n: '*' })
      .first();
    return Number(row?.n ?? 0);
  }

  /** Every study, newest quarter first. */
  async listStudies(): Promise<StoredStudy[]> {
    const rows = await this.studiesQuery().orderBy([
      { column: 's.quarter', order: 'desc' },
      { column: 's.created_at', order: 'desc' },
    ]);
    return rows.map(studyFromRow);
  }

  /** One study, or undefined. */
  async getStudy(id: string): Promise<StoredStudy | undefined> {
    const row = await this.studiesQuery().where('s.id', id).first();
    return row ? studyFromRow(row) : undefined;
  }

  /** Changes a study's title, goal, guide or status. */
  async updateStudy(
    id: string,
    patch: {
      title?: string;
      goal?: number;
      guide?: string[];
      status?: StudyStatus;
    },
    by: string,
    now: Date,
  ): Promise<void> {
    const row: Record<string, unknown> = { updated_by: by, updated_at: now };
    if (patch.title !== undefined) row.title = patch.title;
    if (patch.goal !== undefined) row.goal = patch.goal;
    if (patch.guide !== undefined) row.guide = JSON.stringify(patch.guide);
    if (patch.status !== undefined) row.status = patch.status;
    await this.db('research_studies').where({ id }).update(row);
  }

  /** Saves a study's summary; `publishedAt` null keeps it a draft. */
  async setSummary(
    id: string,
    summary: {
      heard: string;
      willDo: string;
      willNotDo: string;
      publishedAt: Date | null;
    },
    by: string,
    now: Date,
  ): Promise<void> {
    await this.db('research_studies').where({ id }).update({
      summary_heard: summary.heard,
      summary_will_do: summary.willDo,
      summary_will_not_do: summary.willNotDo,
      summary_published_at: summary.publishedAt,
      updated_by: by,
      updated_at: now,
    });
  }

  /** Removes a scheduled proposal nobody has started, so demo data can take its place. */
  async deleteUntouchedProposal(quarter: string): Promise<void> {
    await this.db('research_studies')
      .where({ schedule_key: quarter, status: 'proposed' })
      .whereNotExists(
        this.db('research_invitations as i')
          .select(1)
          .whereRaw('i.study_id = research_studies.id'),
      )
      .delete();
  }

  private invitationsQuery() {
    const findings = this.db('research_observations')
      .select('invitation_id')
      .count({ findings: '*' })
      .groupBy('invitation_id')
      .as('f');
    return this.db('research_invitations as i')
      .leftJoin(findings, 'f.invitation_id', 'i.id')
      .select('i.*', 'f.findings');
  }

  /** A study's invitations, by participant number. */
  async invitations(studyId: string): Promise<StoredInvitation[]> {
    const rows = await this.invitationsQuery()
      .where('i.study_id', studyId)
      .orderBy('i.participant_number');
    return rows.map(invitationFromRow);
  }

  /** One invitation, or undefined. */
  async getInvitation(id: string): Promise<StoredInvitation | undefined> {
    const row = await this.invitationsQuery().where('i.id', id).first();
    return row ? invitationFromRow(row) : undefined;
  }

  /**
   * Invites people who are not invited to the study yet, numbering them after the
   * study's last participant; returns the new invitations.
   */
  async insertInvitations(
    studyId: string,
    people: string[],
    slots: string[],
    message: string,
    by: string,
    now: Date,
  ): Promise<Array<{ id: string; userRef: string }>> {
    return this.db.transaction(async tx => {
      // Postgres: serialise numbering per study by locking the study row
      // (FOR NO KEY UPDATE: rows that merely reference the study need not wait).
      const study = tx('research_studies').where({ id: studyId });
      if (tx.client.config.client === 'pg') study.forNoKeyUpdate();
      await study.first('id');
      const existing = new Set(
        (
          await tx('research_invitations')
            .where({ study_id: studyId })
            .whereIn('user_ref', people)
            .select('user_ref')
        ).map(r => r.user_ref),
      );
      const top = await tx('research_invitations')
        .where({ study_id: studyId })
        .max({ n: 'participant_number' })
        .first();
      let next = Number(top?.n ?? 0) + 1;
      const created: Array<{ id: string; userRef: string }> = [];
      for (const userRef of people) {
        if (existing.has(userRef)) continue;
        const id = randomUUID();
        await tx('research_invitations').insert({
          id,
          study_id: studyId,
          participant_number: next++,
          user_ref: userRef,
          status: 'invited',
          slots: JSON.stringify(slots),
          slot: null,
          message,
          invited_by: by,
          invited_at: now,
        });
        created.push({ id, userRef });
      }
      return created;
    });
  }

  /** A user's invitations with their study, newest first; withdrawn ones carry no user and do not appear. */
  async invitationsOf(userRef: string) {
    const rows = await this.db('research_invitations as i')
      .join('research_studies as s', 's.id', 'i.study_id')
      .where('i.user_ref', userRef)
      .select('i.*', 's.title as study_title', 's.quarter')
      .orderBy('i.invited_at', 'desc');
    return rows.map(row => ({
      ...invitationFromRow(row),
      studyTitle: row.study_title as string,
      quarter: row.quarter as string,
    }));
  }

  /**
   * Records an answer to an invitation that is still open; returns false when it was
   * answered already (or is not the user's).
   */
  async respond(
    id: string,
    userRef: string,
    status: 'accepted' | 'declined',
    slot: Date | null,
    now: Date,
  ): Promise<boolean> {
    const updated = await this.db('research_invitations')
      .where({ id, user_ref: userRef, status: 'invited' })
      .update({ status, slot, responded_at: now });
    return updated === 1;
  }

  /**
   * Withdraws a participant: the invitation loses its person and slot, the raw notes
   * are deleted and every observation loses its words; themes, root causes and roadmap
   * links stay. One transaction; false when it was not the user's open invitation.
   */
  async withdraw(id: string, userRef: string, now: Date): Promise<boolean> {
    return this.db.transaction(async tx => {
      const updated = await tx('research_invitations')
        .where({ id, user_ref: userRef })
        .whereIn('status', ['invited', 'accepted'])
        .update({
          status: 'withdrawn',
          user_ref: null,
          slot: null,
          slots: '[]',
          message: '',
          responded_at: now,
        });
      if (updated !== 1) return false;
      await tx('research_interview_notes')
        .where({ invitation_id: id })
        .delete();
      await tx('research_observations')
        .where({ invitation_id: id })
        .update({ text: null, updated_at: now });
      return true;
    });
  }

  /** The people invited to a study (withdrawn ones have no name any more). */
  async invitedTo(studyId: string): Promise<string[]> {
    const rows = await this.db('research_invitations')
      .where({ study_id: studyId })
      .whereNotNull('user_ref')
      .select('user_ref');
    return rows.map(r => r.user_ref);
  }

  /** Per person, the latest quarter in which they accepted an interview. */
  async lastInterviewed(): Promise<Map<string, string>> {
    const rows = await this.db('research_invitations as i')
      .join('research_studies as s', 's.id', 'i.study_id')
      .where('i.status', 'accepted')
      .whereNotNull('i.user_ref')
      .groupBy('i.user_ref')
      .select('i.user_ref')
      .max({ quarter: 's.quarter' });
    return new Map(
      rows.map((r: any) => [r.user_ref as string, r.quarter as string]),
    );
  }

  /** An interview's raw notes, or null. */
  async rawNotes(invitationId: string): Promise<string | null> {
    const row = await this.db('research_interview_notes')
      .where({ invitation_id: invitationId })
      .first('raw_notes');
    return row?.raw_notes ?? null;
  }

  /** Replaces an interview's raw notes. */
  async setRawNotes(
    invitationId: string,
    rawNotes: string,
    by: string,
    now: Date,
  ): Promise<void> {
    await this.db('research_interview_notes')
      .insert({
        invitation_id: invitationId,
        raw_notes: rawNotes,
        updated_by: by,
        updated_at: now,
      })
      .onConflict('invitation_id')
      .merge({ raw_notes: rawNotes, updated_by: by, updated_at: now });
  }

  /** An interview's observations, oldest first. */
  async observations(invitationId: string) {
    const rows = await this.db('research_observations')
      .where({ invitation_id: invitationId })
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return rows.map(observationFromRow);
  }

  /** One observation with its interview, or undefined. */
  async getObservation(id: string) {
    const row = await this.db('research_observations').where({ id }).first();
    return row
      ? {
          ...observationFromRow(row),
          invitationId: row.invitation_id as string,
          studyId: row.study_id as string,
        }
      : undefined;
  }

  /** Adds an observation to an interview. */
  async insertObservation(
    invitationId: string,
    studyId: string,
    fields: ObservationFields,
    by: string,
    now: Date,
  ): Promise<string> {
    const id = randomUUID();
    await this.db('research_observations').insert({
      id,
      invitation_id: invitationId,
      study_id: studyId,
      text: fields.text,
      theme: fields.theme,
      root_cause: fields.rootCause,
      is_quote: fields.quote,
      roadmap_item_id: fields.roadmapItemId,
      created_by: by,
      created_at: now,
      updated_at: now,
    });
    return id;
  }

  /** Replaces an observation's fields. */
  async updateObservation(
    id: string,
    fields: ObservationFields,
    now: Date,
  ): Promise<void> {
    await this.db('research_observations').where({ id }).update({
      text: fields.text,
      theme: fields.theme,
      root_cause: fields.rootCause,
      is_quote: fields.quote,
      roadmap_item_id: fields.roadmapItemId,
      updated_at: now,
    });
  }

  /** Deletes an observation. */
  async deleteObservation(id: string): Promise<void> {
    await this.db('research_observations').where({ id }).delete();
  }

  /**
   * A study's synthesis, aggregated in SQL: themes ranked by how many participants
   * raised them, root causes per theme, quotes that still have words, linked items.
   */
  async synthesis(studyId: string): Promise<StoredSynthesis> {
    const o = () =>
      this.db('research_observations').where({ study_id: studyId });
    const [total, themes, rootCauses, quotes, items] = await Promise.all([
      o().countDistinct({ n: 'invitation_id' }).first(),
      o()
        .select('theme')
        .countDistinct({ participants: 'invitation_id' })
        .count({ observations: '*' })
        .groupBy('theme')
        .orderBy([
          { column: 'participants', order: 'desc' },
          { column: 'observations', order: 'desc' },
          { column: 'theme', order: 'asc' },
        ]),
      o()
        .whereNot('root_cause', '')
        .select('theme', 'root_cause')
        .countDistinct({ participants: 'invitation_id' })
        .groupBy('theme', 'root_cause')
        .orderBy([
          { column: 'participants', order: 'desc' },
          { column: 'root_cause', order: 'asc' },
        ]),
      o()
        .where({ is_quote: true })
        .whereNotNull('text')
        .select('theme', 'text')
        .orderBy('created_at'),
      o()
        .whereNotNull('roadmap_item_id')
        .distinct('theme', 'roadmap_item_id')
        .orderBy(['theme', 'roadmap_item_id']),
    ]);
    return {
      participants: Number(total?.n ?? 0),
      themes: themes.map((r: any) => ({
        theme: r.theme,
        participants: Number(r.participants),
        observations: Number(r.observations),
      })),
      rootCauses: rootCauses.map((r: any) => ({
        theme: r.theme,
        rootCause: r.root_cause,
        participants: Number(r.participants),
      })),
      quotes: quotes.map((r: any) => ({ theme: r.theme, text: r.text })),
      items: items.map((r: any) => ({
        theme: r.theme,
        roadmapItemId: r.roadmap_item_id,
      })),
    };
  }

  /** Per study, the participants whose findings link to a roadmap item (oldest quarter first). */
  async itemDemand(itemId: string) {
    const rows = await this.db('research_observations as o')
      .join('research_studies as s', 's.id', 'o.study_id')
      .where('o.roadmap_item_id', itemId)
      .groupBy('s.id', 's.title', 's.quarter')
      .select('s.id', 's.title', 's.quarter')
      .countDistinct({ participants: 'o.invitation_id' })
      .orderBy([
        { column: 's.quarter', order: 'asc' },
        { column: 's.title', order: 'asc' },
      ]);
    return rows.map((r: any) => ({
      studyId: r.id as string,
      title: r.title as string,
      quarter: r.quarter as string,
      participants: Number(r.participants),
    }));
  }

  /** Studies whose summary is published (since a moment), newest first, with participant and theme counts. */
  async publishedSummaries(since?: Date) {
    const query = this.db('research_studies')
      .whereNotNull('summary_published_at')
      .orderBy('summary_published_at', 'desc');
    if (since) query.where('summary_published_at', '>=', since);
    const studies = await query;
    if (studies.length === 0) return [];
    const ids = studies.map(s => s.id);
    const [participants, themes] = await Promise.all([
      this.db('research_observations')
        .whereIn('study_id', ids)
        .groupBy('study_id')
        .select('study_id')
        .countDistinct({ n: 'invitation_id' }),
      this.db('research_observations')
        .whereIn('study_id', ids)
        .groupBy('study_id', 'theme')
        .select('study_id', 'theme')
        .countDistinct({ participants: 'invitation_id' })
        .orderBy([
          { column: 'participants', order: 'desc' },
          { column: 'theme', order: 'asc' },
        ]),
    ]);
    return studies.map(s => ({
      studyId: s.id as string,
      title: s.title as string,
      quarter: s.quarter as string,
      participants: Number(
        participants.find((p: any) => p.study_id === s.id)?.n ?? 0,
      ),
      heard: s.summary_heard as string,
      willDo: s.summary_will_do as string,
      willNotDo: s.summary_will_not_do as string,
      publishedAt: toIso(s.summary_published_at)!,
      themes: themes
        .filter((t: any) => t.study_id === s.id)
        .map((t: any) => ({
          theme: t.theme as string,
          participants: Number(t.participants),
        })),
    }));
  }

  /** Themes used in research so far (findings and preview feedback). */
  async themesInUse(): Promise<string[]> {
    const rows = await this.db
      .select('theme')
      .from('research_observations')
      .union(qb => qb.select('theme').from('research_feedback_themes'));
    return rows.map(r => r.theme).sort();
  }

  /** Marks or unmarks a user as a volunteer (only the quarter is kept). */
  async setVolunteer(userRef: string, quarter: string, on: boolean) {
    if (on) {
      await this.db('research_volunteers')
        .insert({ user_ref: userRef, volunteered_in: quarter })
        .onConflict('user_ref')
        .merge({ volunteered_in: quarter });
    } else {
      await this.db('research_volunteers')
        .where({ user_ref: userRef })
        .delete();
    }
  }

  /** Whether a user volunteered. */
  async isVolunteer(userRef: string): Promise<boolean> {
    return Boolean(
      await this.db('research_volunteers')
        .where({ user_ref: userRef })
        .first('user_ref'),
    );
  }

  /** Everyone who volunteered. */
  async volunteers(): Promise<Set<string>> {
    const rows = await this.db('research_volunteers').select('user_ref');
    return new Set(rows.map(r => r.user_ref));
  }
}
