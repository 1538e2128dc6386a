import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { Audience } from '@paved/plugin-nps-common';
import { randomInt, randomUUID } from 'node:crypto';
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
  /** Published answers (waiting ones are not counted anywhere anyone can read). */
  answers: number;
}

/** Fields of a new campaign. */
export type NewCampaign = Omit<CampaignRow, 'id' | 'answers' | 'createdAt'>;

/** An answer as the store receives it: never with a user reference. */
export interface NewAnswer {
  score: number;
  comment?: string;
  /** The respondent's team (a group entity ref), or null. */
  teamRef: string | null;
}

/** Published answers of one team of a campaign, per score (index 0..10). */
export interface TeamScores {
  /** A group entity ref, or null for answers without a team. */
  team: string | null;
  perScore: number[];
}

/** One group's state in the release pipeline. */
export interface ReleaseGroup {
  campaignId: string;
  team: string | null;
  /** Answers waiting to be published. */
  waiting: number;
  /** Published answers whose comments platform PMs cannot see yet. */
  hiddenComments: number;
}

/** How many to publish, given how many wait and whether the campaign is open. */
export type ReleaseRule = (waiting: number, campaignOpen: boolean) => number;

/** What one release of one group did. */
export interface ReleaseOutcome {
  answers: number;
  comments: number;
}

/** A published comment, as platform PMs read it. */
export interface CommentRow {
  id: string;
  comment: string;
  score: number;
  teamRef: string | null;
  themes: string[];
}

const toDate = (value: Date | string | number) => new Date(value);
const toInt = (value: unknown) => Number(value ?? 0);
const teamKey = (team: string | null) => team ?? '';
const teamOfKey = (key: string) => (key === '' ? null : key);

/** Fisher–Yates with a cryptographic source: release order reveals nothing. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

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

  private get isPostgres(): boolean {
    return this.db.client.config.client === 'pg';
  }

  private campaignQuery() {
    const answers = this.db('nps_counts')
      .select('campaign_id')
      .sum({ answers: 'n' })
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

  /** Every campaign, oldest first, with its published answer count. */
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

  /**
   * Deletes a campaign nobody has answered (waiting or published); false when
   * somebody has (nothing deleted).
   */
  async deleteCampaignWithoutAnswers(id: string): Promise<boolean> {
    return this.db.transaction(async tx => {
      const answered = await tx('nps_participations')
        .where({ campaign_id: id, status: 'answered' })
        .first('user_ref');
      const published = await tx('nps_counts')
        .where({ campaign_id: id })
        .first('n');
      if (answered || published) return false;
      await tx('nps_campaigns').where({ id }).delete();
      return true;
    });
  }

  /**
   * Marks the user as having answered and puts the answer in the waiting store, in
   * one transaction; a second answer is a ConflictError and stores nothing. The
   * answer is only counted anywhere once the release job publishes it.
   */
  async recordAnswer(
    campaignId: string,
    userRef: string,
    answer: NewAnswer,
  ): Promise<void> {
    const pending = {
      id: randomUUID(),
      campaign_id: campaignId,
      team_key: teamKey(answer.teamRef),
      score: answer.score,
      comment: answer.comment ?? null,
    };
    if (this.isPostgres) {
      // One statement (atomic on its own, one round trip instead of five): the
      // participation becomes answered unless it already was, and the answer is
      // stored only if it did. Concurrent answers of one user wait on the
      // participation's row or key; the second finds it answered.
      const { rows } = await this.db.raw(
        `with participation as (
          insert into nps_participations (campaign_id, user_ref, status, snoozed_until)
          values (cast(? as uuid), ?, 'answered', null)
          on conflict (campaign_id, user_ref) do update
            set status = 'answered', snoozed_until = null
            where nps_participations.status <> 'answered'
          returning user_ref
        )
        insert into nps_pending_answers (id, campaign_id, team_key, score, comment)
        select cast(? as uuid), cast(? as uuid), cast(? as varchar(255)),
          cast(? as smallint), cast(? as text)
        from participation
        returning id`,
        [
          campaignId,
          userRef,
          pending.id,
          pending.campaign_id,
          pending.team_key,
          pending.score,
          pending.comment,
        ],
      );
      if (rows.length === 0) {
        throw new ConflictError(
          'You have already answered this campaign; answers are final',
        );
      }
      return;
    }
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
      await tx('nps_pending_answers').insert(pending);
    });
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

  /** Every group with answers waiting or comments hidden: what the release job looks at. */
  async groupsToRelease(): Promise<ReleaseGroup[]> {
    const [waiting, hidden] = await Promise.all([
      this.db('nps_pending_answers')
        .select('campaign_id', 'team_key')
        .count({ n: '*' })
        .groupBy('campaign_id', 'team_key'),
      this.db('nps_responses')
        .where('comment_visible', false)
        .select('campaign_id', 'team_ref')
        .count({ n: '*' })
        .groupBy('campaign_id', 'team_ref'),
    ]);
    const groups = new Map<string, ReleaseGroup>();
    const group = (campaignId: string, key: string) => {
      const id = `${campaignId}\u0000${key}`;
      let found = groups.get(id);
      if (!found) {
        found = {
          campaignId,
          team: teamOfKey(key),
          waiting: 0,
          hiddenComments: 0,
        };
        groups.set(id, found);
      }
      return found;
    };
    for (const row of waiting as any[]) {
      group(row.campaign_id, row.team_key).waiting = toInt(row.n);
    }
    for (const row of hidden as any[]) {
      group(row.campaign_id, teamKey(row.team_ref)).hiddenComments = toInt(
        row.n,
      );
    }
    return [...groups.values()];
  }

  /**
   * Publishes one group's batch in one transaction, holding the campaign's row lock
   * so that two replicas never split a batch: `answers` decides how many waiting
   * answers move (at random, with fresh ids, in shuffled order) into the published
   * answers and counts; `comments` how many hidden comments become visible.
   * `onClaimed` runs after the waiting answers are deleted and before anything is
   * published (a failure there rolls everything back).
   */
  async releaseGroup(
    campaignId: string,
    team: string | null,
    rules: { answers: ReleaseRule; comments: ReleaseRule },
    now: Date,
    onClaimed?: () => void | Promise<void>,
  ): Promise<ReleaseOutcome> {
    const key = teamKey(team);
    return this.db.transaction(async tx => {
      // Postgres: one release of a campaign at a time, across replicas. FOR NO
      // KEY UPDATE, not FOR UPDATE: answers being submitted meanwhile check
      // their campaign key (FOR KEY SHARE), which FOR UPDATE would make wait
      // for the whole release.
      const lock = tx('nps_campaigns')
        .where({ id: campaignId })
        .first('closes_at');
      const campaign = await (this.isPostgres ? lock.forNoKeyUpdate() : lock);
      if (!campaign) return { answers: 0, comments: 0 };
      const open = toDate(campaign.closes_at) > now;

      const [{ n: waitingCount }] = await tx('nps_pending_answers')
        .where({ campaign_id: campaignId, team_key: key })
        .count({ n: '*' });
      const answerCount = rules.answers(toInt(waitingCount), open);
      let released: Array<{ score: number; comment: string | null }> = [];
      if (answerCount > 0) {
        const picked = await tx('nps_pending_answers')
          .where({ campaign_id: campaignId, team_key: key })
          .orderByRaw('random()')
          .limit(answerCount)
          .select('id', 'score', 'comment');
        await tx('nps_pending_answers')
          .whereIn(
            'id',
            picked.map((row: any) => row.id),
          )
          .delete();
        released = shuffle(
          picked.map((row: any) => ({
            score: Number(row.score),
            comment: row.comment ?? null,
          })),
        );
      }
      await onClaimed?.();
      if (released.length > 0) {
        await tx.batchInsert(
          'nps_responses',
          released.map(answer => ({
            id: randomUUID(),
            campaign_id: campaignId,
            team_ref: team,
            score: answer.score,
            comment: answer.comment,
            comment_visible: false,
          })),
          500,
        );
        const perScore = new Map<number, number>();
        for (const { score } of released) {
          perScore.set(score, (perScore.get(score) ?? 0) + 1);
        }
        await tx('nps_counts')
          .insert(
            [...perScore].map(([score, n]) => ({
              campaign_id: campaignId,
              team_key: key,
              score,
              n,
            })),
          )
          .onConflict(['campaign_id', 'team_key', 'score'])
          .merge({ n: tx.raw('nps_counts.n + excluded.n') });
      }

      const hiddenRows = () =>
        tx('nps_responses').where({
          campaign_id: campaignId,
          comment_visible: false,
        });
      const teamHidden = () =>
        team === null
          ? hiddenRows().whereNull('team_ref')
          : hiddenRows().where('team_ref', team);
      const [{ n: hiddenCount }] = await teamHidden().count({ n: '*' });
      const commentCount = rules.comments(toInt(hiddenCount), open);
      if (commentCount > 0) {
        const shown = await teamHidden()
          .orderByRaw('random()')
          .limit(commentCount)
          .select('id');
        for (let i = 0; i < shown.length; i += 500) {
          await tx('nps_responses')
            .whereIn(
              'id',
              shown.slice(i, i + 500).map((row: any) => row.id),
            )
            .update({ comment_visible: true });
        }
      }
      return { answers: released.length, comments: commentCount };
    });
  }

  /** Published answers per score (index 0..10) of every campaign that has any. */
  async scoresByCampaign(): Promise<Map<string, number[]>> {
    const rows = await this.db('nps_counts')
      .select('campaign_id', 'score')
      .sum({ n: 'n' })
      .groupBy('campaign_id', 'score');
    const byCampaign = new Map<string, number[]>();
    for (const row of rows as any[]) {
      const perScore =
        byCampaign.get(row.campaign_id) ?? new Array<number>(11).fill(0);
      perScore[Number(row.score)] = toInt(row.n);
      byCampaign.set(row.campaign_id, perScore);
    }
    return byCampaign;
  }

  /** Published answers per team and score of one campaign. */
  async teamScores(campaignId: string): Promise<TeamScores[]> {
    const rows = await this.db('nps_counts')
      .where({ campaign_id: campaignId })
      .select('team_key', 'score', 'n')
      .orderBy(['team_key', 'score']);
    const byTeam = new Map<string, number[]>();
    for (const row of rows as any[]) {
      const perScore =
        byTeam.get(row.team_key) ?? new Array<number>(11).fill(0);
      perScore[Number(row.score)] = toInt(row.n);
      byTeam.set(row.team_key, perScore);
    }
    return [...byTeam].map(([key, perScore]) => ({
      team: teamOfKey(key),
      perScore,
    }));
  }

  /** Per team, how many published answers have their comments visible (with or without text). */
  async commentPools(
    campaignId: string,
  ): Promise<Array<{ team: string | null; answers: number }>> {
    const rows = await this.db('nps_responses')
      .where({ campaign_id: campaignId, comment_visible: true })
      .select('team_ref')
      .count({ n: '*' })
      .groupBy('team_ref');
    return rows.map((row: any) => ({
      team: row.team_ref ?? null,
      answers: toInt(row.n),
    }));
  }

  /** The visible comments of a campaign with their scores, teams and themes, in id order (random, so no time leaks). */
  async comments(campaignId: string): Promise<CommentRow[]> {
    const rows = await this.db('nps_responses as r')
      .leftJoin('nps_response_themes as t', 't.response_id', 'r.id')
      .where('r.campaign_id', campaignId)
      .where('r.comment_visible', true)
      .whereNotNull('r.comment')
      .select('r.id', 'r.comment', 'r.score', 'r.team_ref', 't.theme')
      .orderBy([
        { column: 'r.id', order: 'asc' },
        { column: 't.theme', order: 'asc' },
      ]);
    const byId = new Map<string, CommentRow>();
    for (const row of rows as any[]) {
      const item: CommentRow = byId.get(row.id) ?? {
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

  /** The campaign of a visible comment, if there is one with this id. */
  async commentCampaign(responseId: string): Promise<string | undefined> {
    const row = await this.db('nps_responses')
      .where({ id: responseId, comment_visible: true })
      .whereNotNull('comment')
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
   * Demand for a set of themes: per campaign, how many visible comments carry at
   * least one of them (a comment tagged with two of the themes counts once). Only
   * visible comments count, as in `latestThemeDemand` and everything PMs read: a
   * hidden comment is not published yet (its batch is still waiting).
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
      .where('r.comment_visible', true)
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

  /**
   * For each theme, the comments carrying it in the newest campaign that has
   * any; only themes with at least `min` such comments, most first (then by
   * theme), at most `limit`. One query: the count per theme and campaign, the
   * newest campaign per theme by a window function, the threshold and the order
   * in SQL.
   */
  async latestThemeDemand(
    themes: string[],
    min: number,
    limit: number,
  ): Promise<
    Array<{
      theme: string;
      campaignId: string;
      title: string;
      opensAt: Date;
      comments: number;
    }>
  > {
    const db = this.db;
    const rows = await db
      .with('per_campaign', qb =>
        qb
          .from('nps_response_themes as t')
          .join('nps_responses as r', 'r.id', 't.response_id')
          .join('nps_campaigns as c', 'c.id', 'r.campaign_id')
          .where('r.comment_visible', true)
          .whereIn('t.theme', themes)
          .groupBy('t.theme', 'c.id', 'c.title', 'c.opens_at')
          .select(
            't.theme',
            { campaign_id: 'c.id' },
            'c.title',
            'c.opens_at',
            db.raw('count(distinct r.id) as comments'),
            db.raw(
              'row_number() over (partition by t.theme order by c.opens_at desc, c.id desc) as newest',
            ),
          ),
      )
      .from('per_campaign')
      .where('newest', 1)
      .where('comments', '>=', min)
      .orderBy([
        { column: 'comments', order: 'desc' },
        { column: 'theme', order: 'asc' },
      ])
      .limit(limit)
      .select('theme', 'campaign_id', 'title', 'opens_at', 'comments');
    return rows.map((row: any) => ({
      theme: row.theme,
      campaignId: row.campaign_id,
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
