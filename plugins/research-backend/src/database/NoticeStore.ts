import { Knex } from 'knex';
import { ResearchNotice } from '@paved/plugin-research-common';
import { toIso } from './migrations';

/** What a notice says. */
export interface NoticeContent {
  kind: ResearchNotice['kind'];
  title: string;
  message: string;
  link: string | null;
}

/** The research inbox: notices per user. */
export class NoticeStore {
  constructor(private readonly db: Knex) {}

  /** Gives each of `userRefs` the notice. */
  async add(userRefs: string[], notice: NoticeContent, now: Date) {
    if (userRefs.length === 0) return;
    await this.db.batchInsert(
      'research_notices',
      userRefs.map(user_ref => ({
        user_ref,
        kind: notice.kind,
        title: notice.title.slice(0, 200),
        message: notice.message,
        link: notice.link,
        created_at: now,
      })),
      100,
    );
  }

  /** A user's notices, unread first, newest first. */
  async list(userRef: string, limit = 50): Promise<ResearchNotice[]> {
    const rows = await this.db('research_notices')
      .where({ user_ref: userRef })
      .orderByRaw('case when read_at is null then 0 else 1 end')
      .orderBy('id', 'desc')
      .limit(limit);
    return rows.map(row => ({
      id: Number(row.id),
      kind: row.kind,
      title: row.title,
      message: row.message,
      link: row.link ?? null,
      createdAt: toIso(row.created_at)!,
      read: row.read_at !== null && row.read_at !== undefined,
    }));
  }

  /** Marks all of a user's notices read. */
  async markRead(userRef: string, now: Date): Promise<void> {
    await this.db('research_notices')
      .where({ user_ref: userRef })
      .whereNull('read_at')
      .update({ read_at: now });
  }
}
