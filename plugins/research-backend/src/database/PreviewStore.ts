import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { Preview, PreviewStatus } from '@paved/plugin-research-common';
import { toIso } from './migrations';

/** Every query about developer previews, their participants and feedback. */
export class PreviewStore {
  constructor(private readonly db: Knex) {}

  // Previews with their sizes and the viewer's part in them, aggregated in SQL.
  private previewsQuery(userRef: string) {
    const participants = this.db('research_preview_participants')
      .select('preview_id')
      .count({ participants: '*' })
      .select(
        this.db.raw('count(*) filter (where user_ref = ?) as joined_by_me', [
          userRef,
        ]),
      )
      .groupBy('preview_id')
      .as('p');
    const feedback = this.db('research_preview_feedback')
      .select('preview_id')
      .count({ feedback: '*' })
      .select(
        this.db.raw('count(*) filter (where user_ref = ?) as my_feedback', [
          userRef,
        ]),
      )
      .groupBy('preview_id')
      .as('f');
    return this.db('research_previews as v')
      .leftJoin(participants, 'p.preview_id', 'v.id')
      .leftJoin(feedback, 'f.preview_id', 'v.id')
      .select(
        'v.*',
        'p.participants',
        'p.joined_by_me',
        'f.feedback',
        'f.my_feedback',
      );
  }

  private async withThemes(rows: any[]): Promise<Preview[]> {
    const ids = rows.map(r => r.id);
    const themes = ids.length
      ? await this.db('research_feedback_themes as t')
          .join('research_preview_feedback as f', 'f.id', 't.feedback_id')
          .whereIn('f.preview_id', ids)
          .groupBy('f.preview_id', 't.theme')
          .select('f.preview_id', 't.theme')
          .count({ feedback: '*' })
          .orderBy([
            { column: 'feedback', order: 'desc' },
            { column: 't.theme', order: 'asc' },
          ])
      : [];
    return rows.map(row => ({
      id: row.id,
      itemId: row.item_id,
      itemTitle: row.item_title,
      description: row.description,
      status: row.status as PreviewStatus,
      participants: Number(row.participants ?? 0),
      feedback: Number(row.feedback ?? 0),
      feedbackByTheme: themes
        .filter((t: any) => t.preview_id === row.id)
        .map((t: any) => ({
          theme: t.theme as string,
          feedback: Number(t.feedback),
        })),
      joinedByMe: Number(row.joined_by_me ?? 0) > 0,
      myFeedback: Number(row.my_feedback ?? 0),
      openedAt: toIso(row.opened_at)!,
      closedAt: toIso(row.closed_at),
      gaNotifiedAt: toIso(row.ga_notified_at),
    }));
  }

  /** Every preview (open first, newest first), or the one of a roadmap item, as `userRef` sees it. */
  async list(userRef: string, itemId?: string): Promise<Preview[]> {
    const query = this.previewsQuery(userRef)
      .orderByRaw("case when v.status = 'open' then 0 else 1 end")
      .orderBy('v.opened_at', 'desc');
    if (itemId) query.where('v.item_id', itemId);
    return this.withThemes(await query);
  }

  /** One preview as `userRef` sees it, or undefined. */
  async get(id: string, userRef: string): Promise<Preview | undefined> {
    const row = await this.previewsQuery(userRef).where('v.id', id).first();
    return row ? (await this.withThemes([row]))[0] : undefined;
  }

  /** Opens a preview; false when the item has one already. */
  async insert(
    fields: { itemId: string; itemTitle: string; description: string },
    by: string,
    now: Date,
  ): Promise<string | undefined> {
    const id = randomUUID();
    const inserted = await this.db('research_previews')
      .insert({
        id,
        item_id: fields.itemId,
        item_title: fields.itemTitle.slice(0, 200),
        description: fields.description,
        status: 'open',
        opened_by: by,
        opened_at: now,
      })
      .onConflict('item_id')
      .ignore()
      .returning('id');
    return inserted.length > 0 ? id : undefined;
  }

  /** Closes an open preview; false when it was closed already. */
  async close(id: string, now: Date): Promise<boolean> {
    const updated = await this.db('research_previews')
      .where({ id, status: 'open' })
      .update({ status: 'closed', closed_at: now });
    return updated === 1;
  }

  /** Adds or removes a participant. */
  async setParticipant(
    id: string,
    userRef: string,
    on: boolean,
    now: Date,
  ): Promise<void> {
    if (on) {
      await this.db('research_preview_participants')
        .insert({ preview_id: id, user_ref: userRef, joined_at: now })
        .onConflict(['preview_id', 'user_ref'])
        .ignore();
    } else {
      await this.db('research_preview_participants')
        .where({ preview_id: id, user_ref: userRef })
        .delete();
    }
  }

  /** Whether a user takes part in a preview. */
  async isParticipant(id: string, userRef: string): Promise<boolean> {
    return Boolean(
      await this.db('research_preview_participants')
        .where({ preview_id: id, user_ref: userRef })
        .first('user_ref'),
    );
  }

  /** A preview's participants, in the order they joined. */
  async participants(id: string) {
    const rows = await this.db('research_preview_participants')
      .where({ preview_id: id })
      .orderBy([
        { column: 'joined_at', order: 'asc' },
        { column: 'user_ref', order: 'asc' },
      ]);
    return rows.map(r => ({
      userRef: r.user_ref as string,
      joinedAt: toIso(r.joined_at)!,
    }));
  }

  /** Stores a participant's feedback. */
  async insertFeedback(
    id: string,
    userRef: string,
    text: string,
    now: Date,
  ): Promise<string> {
    const feedbackId = randomUUID();
    await this.db('research_preview_feedback').insert({
      id: feedbackId,
      preview_id: id,
      user_ref: userRef,
      text,
      created_at: now,
    });
    return feedbackId;
  }

  /** A preview's feedback with its themes, oldest first. */
  async feedback(id: string) {
    const rows = await this.db('research_preview_feedback as f')
      .leftJoin('research_feedback_themes as t', 't.feedback_id', 'f.id')
      .where('f.preview_id', id)
      .select('f.id', 'f.user_ref', 'f.text', 'f.created_at', 't.theme')
      .orderBy([
        { column: 'f.created_at', order: 'asc' },
        { column: 'f.id', order: 'asc' },
        { column: 't.theme', order: 'asc' },
      ]);
    const byId = new Map<
      string,
      {
        id: string;
        userRef: string;
        text: string;
        themes: string[];
        createdAt: string;
      }
    >();
    for (const row of rows) {
      let item = byId.get(row.id);
      if (!item) {
        item = {
          id: row.id,
          userRef: row.user_ref,
          text: row.text,
          themes: [],
          createdAt: toIso(row.created_at)!,
        };
        byId.set(row.id, item);
      }
      if (row.theme) item.themes.push(row.theme);
    }
    return [...byId.values()];
  }

  /** The preview a feedback note belongs to, or undefined. */
  async feedbackPreview(feedbackId: string): Promise<string | undefined> {
    const row = await this.db('research_preview_feedback')
      .where({ id: feedbackId })
      .first('preview_id');
    return row?.preview_id;
  }

  /** Replaces a feedback note's themes. */
  async setFeedbackThemes(feedbackId: string, themes: string[]) {
    await this.db.transaction(async tx => {
      await tx('research_feedback_themes')
        .where({ feedback_id: feedbackId })
        .delete();
      if (themes.length > 0) {
        await tx('research_feedback_themes').insert(
          themes.map(theme => ({ feedback_id: feedbackId, theme })),
        );
      }
    });
  }

  /** Previews whose participants have not been told about general availability yet. */
  async awaitingGeneralAvailability() {
    const rows = await this.db('research_previews')
      .whereNull('ga_notified_at')
      .select('id', 'item_id', 'item_title', 'status');
    return rows.map(r => ({
      id: r.id as string,
      itemId: r.item_id as string,
      itemTitle: r.item_title as string,
      status: r.status as PreviewStatus,
    }));
  }

  /**
   * Marks a preview's item generally available (closing the preview) exactly once;
   * false when another replica did it first.
   */
  async markGenerallyAvailable(id: string, now: Date): Promise<boolean> {
    const updated = await this.db('research_previews')
      .where({ id })
      .whereNull('ga_notified_at')
      .update({
        ga_notified_at: now,
        status: 'closed',
        closed_at: this.db.raw('coalesce(closed_at, ?)', [now]),
      });
    return updated === 1;
  }
}
