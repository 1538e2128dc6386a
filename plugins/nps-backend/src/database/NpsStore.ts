import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { Audience, BandCounts } from '@paved/plugin-nps-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@paved/plugin-nps-backend',
  'migrations',
);

/** A campaign as stored. */
export interface CampaignRow {
  id: string;
  title: string;
  question: string;
  followUp: string;
  opensAt: Date;
  closesAt: Date;
  audience: Audience;
  origin: 'schedule' | 'manual';
  scheduleKey: string | null;
  createdBy: string;
  createdAt: Date;
  answers: number;
}

/** Fields of a new campaign. */
export type NewCampaign = Omit<CampaignRow, 'id' | 'answers' | 'createdAt'>;

/** Band counts of one group of answers (a campaign, or a team within one). */
export interface GroupCounts extends BandCounts {
  n: number;
}

/** A stored answer, as the store receives it: never with a user reference. */
export interface NewResponse {
  score: number;
  comment?: string;
  teamRef: string | null;
}

const toDate = (value: Date | string | number) => new Date(value);
const toInt = (value: unknown) => Number(value ?? 0);

// Band counts in SQL; FILTER works on Postgres and on SQLite >= 3.30.
const bandColumns = (knex: Knex) => [
  knex.raw('count(*) as n'),
  knex.raw('count(*) filter (where score >= 9) as promoters'),
  knex.raw('count(*) filter (where score between 7 and 8) as passives'),
  knex.raw('count(*) filter (where score <= 6) as detractors'),
];

const toCounts = (row: any): GroupCounts => ({
  n: toInt(row?.n),
  promoters: toInt(row?.promoters),
  passives: toInt(row?.passives),
  detractors: toInt(row?.detractors),
});

/** Holds every query of the NPS plugin. */
export class NpsStore {
  /** Connects, running the migrations unless the database config skips them. */
  static async create(database: DatabaseService): Promise<NpsStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: migrationsDir });
    }
    return new NpsStore(knex);
  }

  constructor(private readonly db: Knex) {}

  private campaignQuery() {
    const answers = this.db('nps_responses')
      .select('campaign_id')
      .count({ answers: '*' })
      .groupBy('campaign_id')
      .as('a');
    return this.db('nps_campaigns as c')
      .leftJoin(answers, 'a.campaign_id', 'c.id')
      .select('c.*', 'a.answers');
  }

  private toCampaign(row: any): CampaignRow {
    return {
      id: row.id,
      title: row.title,
      question: row.question,
      followUp: row.follow_up,
      opensAt: toDate(row.opens_at),
      closesAt: toDate(row.closes_at),
      audience: JSON.parse(row.audience),
      origin: row.origin,
      scheduleKey: row.schedule_key ?? null,
      createdBy: row.created_by,
      createdAt: toDate(row.created_at),
      answers: toInt(row.answers),
    };
  }

  /** Every campaign, oldest first, with its answer count. */
  async listCampaigns(): Promise<CampaignRow[]> {
    const rows = await this.campaignQuery().orderBy([
      { column: 'c.opens_at', order: 'asc' },
      { column: 'c.created_at', order: 'asc' },
    ]);
    return rows.map(row => this.toCampaign(row));
  }

  /** One campaign, or undefined. */
  async getCampaign(id: string): Promise<CampaignRow | undefined> {
    const row = await this.campaignQuery().where('c.id', id).first();
    return row ? this.toCampaign(row) : undefined;
  }

  /** Campaigns whose window overlaps [opensAt, closesAt). */
  async campaignsOverlapping(
    opensAt: Date,
    closesAt: Date,
    excludeId?: string,
  ): Promise<CampaignRow[]> {
    const query = this.campaignQuery()
      .where('c.opens_at', '<', closesAt)
      .where('c.closes_at', '>', opensAt);
    if (excludeId) query.whereNot('c.id', excludeId);
    const rows = await query;
    return rows.map(row => this.toCampaign(row));
  }

  /**
   * Campaigns open at `now` that the user has not answered, dismissed, or snoozed
   * past `now`; with `includePutOff`, every open campaign they have not answered.
   */
  async campaignsToAsk(
    userRef: string,
    now: Date,
    includePutOff = false,
  ): Promise<CampaignRow[]> {
    const rows = await this.campaignQuery()
      .leftJoin('nps_participations as p', function joinParticipation() {
        this.on('p.campaign_id', '=', 'c.id').andOnVal(
          'p.user_ref',
          '=',
          userRef,
        );
      })
      .where('c.opens_at', '<=', now)
      .where('c.closes_at', '>', now)
      .where(q =>
        includePutOff
          ? q.whereNull('p.status').orWhereNot('p.status', 'answered')
          : q
              .whereNull('p.status')
              .orWhere(s =>
                s
                  .where('p.status', 'snoozed')
                  .where('p.snoozed_until', '<=', now),
              ),
      )
      .orderBy('c.opens_at', 'asc');
    return rows.map(row => this.toCampaign(row));
  }

  /** Inserts a campaign; a second one for the same schedule period is a ConflictError. */
  async insertCampaign(campaign: NewCampaign, now: Date): Promise<string> {
    const id = randomUUID();
    try {
      await this.db('nps_campaigns').insert({
        id,
        title: campaign.title,
        question: campaign.question,
        follow_up: campaign.followUp,
        opens_at: campaign.opensAt,
        closes_at: campaign.closesAt,
        audience: JSON.stringify(campaign.audience),
        origin: campaign.origin,
        schedule_key: campaign.scheduleKey,
        created_by: campaign.createdBy,
        created_at: now,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `A campaign for ${campaign.scheduleKey} already exists`,
        );
      }
      throw error;
    }
    return id;
  }

  /** Updates the given fields of a campaign. */
  async updateCampaign(
    id: string,
    fields: Partial<
      Pick<
        CampaignRow,
        'title' | 'question' | 'followUp' | 'opensAt' | 'closesAt' | 'audience'
      >
    >,
  ): Promise<void> {
    const update: Record<string, unknown> = {};
    if (fields.title !== undefined) update.title = fields.title;
    if (fields.question !== undefined) update.question = fields.question;
    if (fields.followUp !== undefined) update.follow_up = fields.followUp;
    if (fields.opensAt !== undefined) update.opens_at = fields.opensAt;
    if (fields.closesAt !== undefined) update.closes_at = fields.closesAt;
    if (fields.audience !== undefined) {
      update.audience = JSON.stringify(fields.audience);
    }
    if (Object.keys(update).length > 0) {
      await this.db('nps_campaigns').where({ id }).update(update);
    }
  }

  /** Deletes a campaign that has no answers; false when it has some (nothing deleted). */
  async deleteCampaignWithoutAnswers(id: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      const answered = await tx('nps_responses')
        .where({ campaign_id: id })
        .first('id');
      if (answered) return false;
      await tx('nps_campaigns').where({ id }).delete();
      return true;
    });
  }

  /**
   * Stores an answer and marks the user as having answered, in one transaction.
   * A second answer is a ConflictError and stores nothing. Returns the answer's
   * random id.
   */
  async recordAnswer(
    campaignId: string,
    userRef: string,
    response: NewResponse,
  ): Promise<string> {
    const id = randomUUID();
    await this.db.transaction(async tx => {
      // A snoozed or dismissed participation becomes answered; an answered one stays.
      const updated = await tx('nps_participations')
        .where({ campaign_id: campaignId, user_ref: userRef })
        .whereNot('status', 'answered')
        .update({ status: 'answered', snoozed_until: null });
      if (updated === 0) {
        const inserted = await tx('nps_participations')
          .insert({
            campaign_id: campaignId,
            user_ref: userRef,
            status: 'answered',
            snoozed_until: null,
          })
          .onConflict(['campaign_id', 'user_ref'])
          .ignore()
          .returning('user_ref');
        if (inserted.length === 0) {
          throw new ConflictError(
            'You have already answered this campaign; answers are final',
          );
        }
      }
      await tx('nps_responses').insert({
        id,
        campaign_id: campaignId,
        score: response.score,
        comment: response.comment ?? null,
        team_ref: response.teamRef,
      });
    });
    return id;
  }

  /**
   * Puts the campaign off for the user: snoozed until a time, or dismissed. Never
   * changes an answered participation; returns false in that case.
   */
  async putOff(
    campaignId: string,
    userRef: string,
    status: 'snoozed' | 'dismissed',
    snoozedUntil: Date | null,
  ): Promise<boolean> {
    const rows = await this.db('nps_participations')
      .insert({
        campaign_id: campaignId,
        user_ref: userRef,
        status,
        snoozed_until: snoozedUntil,
      })
      .onConflict(['campaign_id', 'user_ref'])
      .merge({ status, snoozed_until: snoozedUntil })
      .where('nps_participations.status', '<>', 'answered')
      .returning('user_ref');
    return rows.length > 0;
  }

  /** The user's participation status in a campaign, if any. */
  async participation(
    campaignId: string,
    userRef: string,
  ): Promise<{ status: string; snoozedUntil: Date | null } | undefined> {
    const row = await this.db('nps_participations')
      .where({ campaign_id: campaignId, user_ref: userRef })
      .first('status', 'snoozed_until');
    if (!row) return undefined;
    return {
      status: row.status,
      snoozedUntil: row.snoozed_until ? toDate(row.snoozed_until) : null,
    };
  }

  /** Band counts of every campaign with answers, keyed by campaign id. */
  async countsByCampaign(): Promise<Map<string, GroupCounts>> {
    const rows = await this.db('nps_responses')
      .select('campaign_id', ...bandColumns(this.db))
      .groupBy('campaign_id');
    return new Map(rows.map((row: any) => [row.campaign_id, toCounts(row)]));
  }

  /** Band counts of one campaign. */
  async campaignCounts(campaignId: string): Promise<GroupCounts> {
    const row = await this.db('nps_responses')
      .where({ campaign_id: campaignId })
      .first(...bandColumns(this.db));
    return toCounts(row);
  }

  /** Band counts per team (null = answers with no team) of one campaign. */
  async teamCounts(
    campaignId: string,
  ): Promise<Array<{ team: string | null } & GroupCounts>> {
    const rows = await this.db('nps_responses')
      .where({ campaign_id: campaignId })
      .select('team_ref', ...bandColumns(this.db))
      .groupBy('team_ref');
    return rows.map((row: any) => ({
      team: row.team_ref ?? null,
      ...toCounts(row),
    }));
  }

  /** Answers per score 0..10 of one campaign. */
  async distribution(campaignId: string): Promise<number[]> {
    const rows = await this.db('nps_responses')
      .where({ campaign_id: campaignId })
      .select('score')
      .count({ n: '*' })
      .groupBy('score');
    const counts = new Array<number>(11).fill(0);
    for (const row of rows as any[]) counts[Number(row.score)] = toInt(row.n);
    return counts;
  }

  /** The comments of a campaign with their scores, teams and themes, in id order (random, so no time leaks). */
  async comments(campaignId: string): Promise<
    Array<{
      id: string;
      comment: string;
      score: number;
      teamRef: string | null;
      themes: string[];
    }>
  > {
    const rows = await this.db('nps_responses as r')
      .leftJoin('nps_response_themes as t', 't.response_id', 'r.id')
      .where('r.campaign_id', campaignId)
      .whereNotNull('r.comment')
      .select('r.id', 'r.comment', 'r.score', 'r.team_ref', 't.theme')
      .orderBy([
        { column: 'r.id', order: 'asc' },
        { column: 't.theme', order: 'asc' },
      ]);
    const byId = new Map<string, any>();
    for (const row of rows as any[]) {
      const item = byId.get(row.id) ?? {
        id: row.id,
        comment: row.comment,
        score: Number(row.score),
        teamRef: row.team_ref ?? null,
        themes: [],
      };
      if (row.theme) item.themes.push(row.theme);
      byId.set(row.id, item);
    }
    return [...byId.values()];
  }

  /** The campaign a response belongs to, if the response exists. */
  async responseCampaign(responseId: string): Promise<string | undefined> {
    const row = await this.db('nps_responses')
      .where({ id: responseId })
      .first('campaign_id');
    return row?.campaign_id;
  }

  /** Replaces the themes of one response, in one transaction. */
  async setThemes(responseId: string, themes: string[]): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('nps_response_themes')
        .where({ response_id: responseId })
        .delete();
      if (themes.length > 0) {
        await tx('nps_response_themes').insert(
          themes.map(theme => ({ response_id: responseId, theme })),
        );
      }
    });
  }

  /** How many comments carry each theme, in one campaign or in all. */
  async themeCounts(
    campaignId?: string,
  ): Promise<Array<{ theme: string; comments: number }>> {
    const query = this.db('nps_response_themes as t')
      .select('t.theme')
      .count({ comments: '*' })
      .groupBy('t.theme')
      .orderBy([
        { column: 'comments', order: 'desc' },
        { column: 't.theme', order: 'asc' },
      ]);
    if (campaignId) {
      query
        .join('nps_responses as r', 'r.id', 't.response_id')
        .where('r.campaign_id', campaignId);
    }
    const rows = await query;
    return rows.map((row: any) => ({
      theme: row.theme,
      comments: Number(row.comments),
    }));
  }

  /**
   * Demand for a set of themes: per campaign, how many comments carry at least one
   * of them (a comment tagged with two of the themes counts once).
   */
  async themeDemand(themes: string[]): Promise<
    Array<{
      campaignId: string;
      title: string;
      opensAt: Date;
      comments: number;
    }>
  > {
    const rows = await this.db('nps_response_themes as t')
      .join('nps_responses as r', 'r.id', 't.response_id')
      .join('nps_campaigns as c', 'c.id', 'r.campaign_id')
      .whereIn('t.theme', themes)
      .groupBy('c.id', 'c.title', 'c.opens_at')
      .select('c.id', 'c.title', 'c.opens_at')
      .countDistinct({ comments: 'r.id' })
      .orderBy('c.opens_at', 'asc');
    return rows.map((row: any) => ({
      campaignId: row.id,
      title: row.title,
      opensAt: toDate(row.opens_at),
      comments: Number(row.comments),
    }));
  }
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e?.code === '23505' || // Postgres unique_violation
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}
