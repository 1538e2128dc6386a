import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Horizon,
  PageRequest,
  RoadmapChange,
  RoadmapItem,
  SHIPPED_STATUS,
  ShippedItem,
  isShipped,
} from '@paved/plugin-roadmap-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@paved/plugin-roadmap-backend',
  'migrations',
);

/** The editable fields of an item, as the service hands them to the store. */
export type ItemFields = Pick<
  RoadmapItem,
  | 'title'
  | 'summary'
  | 'description'
  | 'problem'
  | 'category'
  | 'owner'
  | 'horizon'
  | 'targetQuarter'
  | 'status'
  | 'declineReason'
  | 'links'
  | 'breakingChange'
>;

const toIso = (value: Date | string | number | null) =>
  value === null || value === undefined ? null : new Date(value).toISOString();

function toRow(fields: Partial<ItemFields>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const plain: Array<[keyof ItemFields, string]> = [
    ['title', 'title'],
    ['summary', 'summary'],
    ['description', 'description'],
    ['problem', 'problem'],
    ['category', 'category'],
    ['owner', 'owner'],
    ['horizon', 'horizon'],
    ['targetQuarter', 'target_quarter'],
    ['status', 'status'],
    ['declineReason', 'decline_reason'],
  ];
  for (const [field, column] of plain) {
    if (fields[field] !== undefined) row[column] = fields[field];
  }
  if (fields.links !== undefined) row.links = JSON.stringify(fields.links);
  if (fields.breakingChange !== undefined) {
    row.breaking_notice = fields.breakingChange?.notice ?? null;
    row.breaking_effective = fields.breakingChange?.effectiveDate ?? null;
  }
  return row;
}

/** An item's own fields, without what depends on who is looking. */
type StoredItem = Omit<
  RoadmapItem,
  'votes' | 'votedByMe' | 'subscribedByMe' | 'changedSinceLastVisit'
>;

function fromRow(row: any): StoredItem {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    description: row.description,
    problem: row.problem,
    category: row.category,
    owner: row.owner,
    horizon: row.horizon,
    targetQuarter: row.target_quarter ?? null,
    status: row.status,
    declineReason: row.decline_reason ?? null,
    links: JSON.parse(row.links),
    breakingChange: row.breaking_notice
      ? { notice: row.breaking_notice, effectiveDate: row.breaking_effective }
      : null,
    rank: Number(row.rank),
    version: Number(row.version),
    shippedAt: toIso(row.shipped_at),
    createdAt: toIso(row.created_at)!,
    updatedAt: toIso(row.updated_at)!,
  };
}

/** Holds every query of the roadmap plugin. */
export class RoadmapStore {
  /** Connects, running the migrations unless the database config skips them. */
  static async create(database: DatabaseService): Promise<RoadmapStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: migrationsDir });
    }
    return new RoadmapStore(knex);
  }

  constructor(private readonly db: Knex) {}

  private itemsQuery(db: Knex, userRef: string) {
    const votes = db('roadmap_votes')
      .select('item_id')
      .count({ votes: '*' })
      .groupBy('item_id')
      .as('v');
    return db('roadmap_items as i')
      .leftJoin(votes, 'v.item_id', 'i.id')
      .leftJoin('roadmap_votes as mv', function mine() {
        this.on('mv.item_id', '=', 'i.id').andOnVal(
          'mv.user_ref',
          '=',
          userRef,
        );
      })
      .leftJoin('roadmap_subscriptions as ms', function mine() {
        this.on('ms.item_id', '=', 'i.id').andOnVal(
          'ms.user_ref',
          '=',
          userRef,
        );
      })
      .leftJoin('roadmap_visits as lv', function lastVisit() {
        this.onVal('lv.user_ref', '=', userRef);
      })
      .whereNull('i.deleted_at')
      .select(
        'i.*',
        'v.votes',
        db.raw('mv.user_ref as voted_by'),
        db.raw('ms.user_ref as subscribed_by'),
        db.raw(
          'case when lv.visited_at is not null and i.updated_at > lv.visited_at then 1 else 0 end as changed_since_visit',
        ),
      );
  }

  private withViewer(row: any): RoadmapItem {
    return {
      ...fromRow(row),
      votes: Number(row.votes ?? 0),
      votedByMe: Boolean(row.voted_by),
      subscribedByMe: Boolean(row.subscribed_by),
      changedSinceLastVisit: Number(row.changed_since_visit) === 1,
    };
  }

  /**
   * The items that are not deleted, by horizon and rank, as `userRef` sees
   * them: all of them, or one page.
   */
  async listItems(userRef: string, page?: PageRequest): Promise<RoadmapItem[]> {
    const query = this.itemsQuery(this.db, userRef).orderBy([
      { column: 'i.horizon', order: 'asc' },
      { column: 'i.rank', order: 'asc' },
      { column: 'i.id', order: 'asc' },
    ]);
    if (page) query.limit(page.limit).offset(page.offset);
    const rows = await query;
    return rows.map(row => this.withViewer(row));
  }

  /** How many items are not deleted. */
  async countItems(): Promise<number> {
    const row = await this.db('roadmap_items')
      .whereNull('deleted_at')
      .count({ total: '*' })
      .first();
    return Number(row?.total ?? 0);
  }

  /** Items that shipped at or after `since` and are still shipped, newest first. */
  async shippedSince(since: Date): Promise<ShippedItem[]> {
    const rows = await this.db('roadmap_items')
      .whereNull('deleted_at')
      .where('status', SHIPPED_STATUS)
      .where('shipped_at', '>=', since)
      .orderBy('shipped_at', 'desc')
      .select('id', 'title', 'shipped_at');
    return rows.map(row => ({
      id: row.id,
      title: row.title,
      shippedAt: toIso(row.shipped_at)!,
    }));
  }

  /** One item, as `userRef` sees it; undefined when unknown or deleted. */
  async getItem(id: string, userRef: string): Promise<RoadmapItem | undefined> {
    const row = await this.itemsQuery(this.db, userRef)
      .where('i.id', id)
      .first();
    return row ? this.withViewer(row) : undefined;
  }

  private async nextRank(tx: Knex, horizon: Horizon): Promise<number> {
    const row = await tx('roadmap_items')
      .where({ horizon })
      .whereNull('deleted_at')
      .max({ top: 'rank' })
      .first();
    return row?.top === null || row?.top === undefined
      ? 0
      : Number(row.top) + 1;
  }

  private async record(
    tx: Knex,
    itemId: string,
    version: number,
    action: RoadmapChange['action'],
    by: string,
    at: Date,
    changes: RoadmapChange['changes'],
  ) {
    await tx('roadmap_item_history').insert({
      item_id: itemId,
      version,
      action,
      changed_by: by,
      changed_at: at,
      changes: JSON.stringify(changes),
    });
  }

  /** Inserts an item at the bottom of its horizon, with its creation in the history. */
  async insertItem(fields: ItemFields, by: string, now: Date): Promise<string> {
    const id = randomUUID();
    await this.db.transaction(async tx => {
      await tx('roadmap_items').insert({
        id,
        ...toRow(fields),
        rank: await this.nextRank(tx, fields.horizon),
        version: 1,
        shipped_at: isShipped(fields) ? now : null,
        created_by: by,
        created_at: now,
        updated_by: by,
        updated_at: now,
      });
      const changes = Object.fromEntries(
        Object.entries(fields).map(([k, v]) => [k, { from: null, to: v }]),
      );
      await this.record(tx, id, 1, 'created', by, now, changes);
    });
    return id;
  }

  // Locks the item's row (Postgres) and checks the version the caller edited.
  private async current(tx: Knex, id: string, expectedVersion: number) {
    const query = tx('roadmap_items').where({ id }).whereNull('deleted_at');
    // SQLite serialises write transactions; Postgres needs the row lock (FOR
    // NO KEY UPDATE: votes and subscriptions, which check the item's key,
    // need not wait for an edit).
    if (tx.client.config.client === 'pg') query.forNoKeyUpdate();
    const row = await query.first();
    if (!row) throw new NotFoundError(`No roadmap item with id ${id}`);
    if (Number(row.version) !== expectedVersion) {
      throw new ConflictError(
        `"${row.title}" was changed by ${row.updated_by} since you loaded it ` +
          `(version ${expectedVersion}, now ${row.version}); reload to see the changes`,
      );
    }
    return fromRow(row);
  }

  /**
   * Applies an edit made on `expectedVersion`; a stale version is a ConflictError
   * and changes nothing. Returns the item before the edit and the recorded changes.
   */
  async updateItem(
    id: string,
    expectedVersion: number,
    apply: (before: StoredItem) => Partial<ItemFields>,
    by: string,
    now: Date,
  ): Promise<{ version: number; changes: RoadmapChange['changes'] }> {
    return this.db.transaction(async tx => {
      const before = await this.current(tx, id, expectedVersion);
      const fields = apply(before);
      const changes: RoadmapChange['changes'] = {};
      for (const [key, to] of Object.entries(fields)) {
        const from = (before as any)[key];
        if (JSON.stringify(from) !== JSON.stringify(to)) {
          changes[key] = { from, to };
        }
      }
      if (Object.keys(changes).length === 0) {
        return { version: before.version, changes };
      }
      const version = before.version + 1;
      const update: Record<string, unknown> = {
        ...toRow(fields),
        version,
        updated_by: by,
        updated_at: now,
      };
      if (changes.status) {
        update.shipped_at = isShipped({ status: fields.status! }) ? now : null;
      }
      if (changes.horizon) {
        update.rank = await this.nextRank(tx, fields.horizon!);
      }
      await tx('roadmap_items').where({ id }).update(update);
      await this.record(tx, id, version, 'updated', by, now, changes);
      return { version, changes };
    });
  }

  /**
   * Moves an item to `position` (0 = top) of `horizon`, renumbering the horizons it
   * leaves and enters. A stale version is a ConflictError.
   */
  async moveItem(
    id: string,
    expectedVersion: number,
    horizon: Horizon,
    position: number,
    by: string,
    now: Date,
  ): Promise<{ version: number; changes: RoadmapChange['changes'] }> {
    return this.db.transaction(async tx => {
      const before = await this.current(tx, id, expectedVersion);
      const siblings: string[] = (
        await tx('roadmap_items')
          .where({ horizon })
          .whereNull('deleted_at')
          .whereNot({ id })
          .orderBy('rank')
          .select('id')
      ).map(r => r.id);
      const at = Math.min(position, siblings.length);
      siblings.splice(at, 0, id);
      for (const [rank, sibling] of siblings.entries()) {
        await tx('roadmap_items').where({ id: sibling }).update({ rank });
      }
      if (before.horizon !== horizon) {
        const left: string[] = (
          await tx('roadmap_items')
            .where({ horizon: before.horizon })
            .whereNull('deleted_at')
            .whereNot({ id })
            .orderBy('rank')
            .select('id')
        ).map(r => r.id);
        for (const [rank, sibling] of left.entries()) {
          await tx('roadmap_items').where({ id: sibling }).update({ rank });
        }
      }
      const version = before.version + 1;
      await tx('roadmap_items')
        .where({ id })
        .update({ horizon, version, updated_by: by, updated_at: now });
      const changes: RoadmapChange['changes'] = {
        rank: { from: before.rank, to: at },
      };
      if (before.horizon !== horizon) {
        changes.horizon = { from: before.horizon, to: horizon };
      }
      await this.record(tx, id, version, 'moved', by, now, changes);
      return { version, changes };
    });
  }

  /** Soft-deletes an item (kept, with the deletion, in its history). */
  async deleteItem(
    id: string,
    expectedVersion: number,
    by: string,
    now: Date,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const before = await this.current(tx, id, expectedVersion);
      const version = before.version + 1;
      await tx('roadmap_items')
        .where({ id })
        .update({ deleted_at: now, version, updated_by: by, updated_at: now });
      await this.record(tx, id, version, 'deleted', by, now, {});
    });
  }

  /** An item's history, oldest first (deleted items included). */
  async history(id: string): Promise<RoadmapChange[]> {
    const rows = await this.db('roadmap_item_history')
      .where({ item_id: id })
      .orderBy('version', 'asc');
    return rows.map(row => ({
      version: Number(row.version),
      action: row.action,
      by: row.changed_by,
      at: toIso(row.changed_at)!,
      changes: JSON.parse(row.changes),
    }));
  }

  /** Whether an item exists and is not deleted. */
  async exists(id: string): Promise<boolean> {
    const row = await this.db('roadmap_items')
      .where({ id })
      .whereNull('deleted_at')
      .first('id');
    return Boolean(row);
  }

  /** Adds or removes a user's row in the votes or subscriptions table. */
  async setMark(
    table: 'roadmap_votes' | 'roadmap_subscriptions',
    id: string,
    userRef: string,
    on: boolean,
  ): Promise<void> {
    if (on) {
      await this.db(table)
        .insert({ item_id: id, user_ref: userRef })
        .onConflict(['item_id', 'user_ref'])
        .ignore();
    } else {
      await this.db(table).where({ item_id: id, user_ref: userRef }).delete();
    }
  }

  /** Notifies every subscriber of an item except `exceptUser`, in SQL. */
  async notifySubscribers(
    itemId: string,
    version: number,
    message: string,
    exceptUser: string,
    now: Date,
  ): Promise<void> {
    await this.db.raw(
      `INSERT INTO roadmap_notifications (user_ref, item_id, version, message, created_at)
       SELECT user_ref, ?, ?, ?, ? FROM roadmap_subscriptions
       WHERE item_id = ? AND user_ref <> ?`,
      [itemId, version, message, now, itemId, exceptUser],
    );
  }

  /** One page of a user's notices, unread first, newest first. */
  async notifications(
    userRef: string,
    page: PageRequest = { limit: 50, offset: 0 },
  ) {
    const rows = await this.db('roadmap_notifications as n')
      .join('roadmap_items as i', 'i.id', 'n.item_id')
      .where('n.user_ref', userRef)
      .select(
        'n.id',
        'n.item_id',
        'i.title',
        'n.message',
        'n.created_at',
        'n.read_at',
      )
      .orderByRaw('case when n.read_at is null then 0 else 1 end')
      .orderBy('n.id', 'desc')
      .limit(page.limit)
      .offset(page.offset);
    return rows.map(row => ({
      id: Number(row.id),
      itemId: row.item_id as string,
      itemTitle: row.title as string,
      message: row.message as string,
      createdAt: toIso(row.created_at)!,
      read: row.read_at !== null && row.read_at !== undefined,
    }));
  }

  /** How many notices a user has (read or not). */
  async countNotifications(userRef: string): Promise<number> {
    const row = await this.db('roadmap_notifications')
      .where({ user_ref: userRef })
      .count({ total: '*' })
      .first();
    return Number(row?.total ?? 0);
  }

  /** Deletes every notice read before `readBefore`; returns how many. */
  async pruneReadNotifications(readBefore: Date): Promise<number> {
    return this.db('roadmap_notifications')
      .whereNotNull('read_at')
      .where('read_at', '<', readBefore)
      .delete();
  }

  /** Marks all of a user's notices read. */
  async markNotificationsRead(userRef: string, now: Date): Promise<void> {
    await this.db('roadmap_notifications')
      .where({ user_ref: userRef })
      .whereNull('read_at')
      .update({ read_at: now });
  }

  /** Records that a user has looked at the roadmap now. */
  async recordVisit(userRef: string, now: Date): Promise<void> {
    await this.db('roadmap_visits')
      .insert({ user_ref: userRef, visited_at: now })
      .onConflict('user_ref')
      .merge({ visited_at: now });
  }

  /** Every change recorded between two times, oldest first, with the item's title. */
  async changesBetween(from: Date, to: Date) {
    const rows = await this.db('roadmap_item_history as h')
      .join('roadmap_items as i', 'i.id', 'h.item_id')
      .where('h.changed_at', '>=', from)
      .where('h.changed_at', '<', to)
      .select('h.item_id', 'i.title', 'h.action', 'h.changes', 'i.deleted_at')
      .orderBy('h.id', 'asc');
    return rows.map(row => ({
      itemId: row.item_id as string,
      title: row.title as string,
      action: row.action as RoadmapChange['action'],
      changes: JSON.parse(row.changes) as RoadmapChange['changes'],
      deleted: row.deleted_at !== null && row.deleted_at !== undefined,
    }));
  }

  /** The NPS themes linked to an item. */
  async themes(itemId: string): Promise<string[]> {
    const rows = await this.db('roadmap_item_themes')
      .where({ item_id: itemId })
      .orderBy('theme')
      .select('theme');
    return rows.map(row => row.theme);
  }

  /** Replaces the NPS themes linked to an item. */
  async setThemes(itemId: string, themes: string[]): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('roadmap_item_themes').where({ item_id: itemId }).delete();
      if (themes.length > 0) {
        await tx('roadmap_item_themes').insert(
          themes.map(theme => ({ item_id: itemId, theme })),
        );
      }
    });
  }

  /**
   * The themes linked to items still on the roadmap (not deleted, not
   * declined), each with its items soonest first (now, next, later; then
   * rank): one query.
   */
  async openItemThemes(): Promise<
    Map<string, Array<{ id: string; title: string }>>
  > {
    const rows = await this.db('roadmap_item_themes as t')
      .join('roadmap_items as i', 'i.id', 't.item_id')
      .whereNull('i.deleted_at')
      .whereNot('i.status', 'declined')
      .orderBy('t.theme', 'asc')
      // Soonest first: now, next, later; then by rank.
      .orderByRaw(
        "case i.horizon when 'now' then 0 when 'next' then 1 else 2 end",
      )
      .orderBy([
        { column: 'i.rank', order: 'asc' },
        { column: 'i.id', order: 'asc' },
      ])
      .select('t.theme', 'i.id', 'i.title');
    const byTheme = new Map<string, Array<{ id: string; title: string }>>();
    for (const row of rows) {
      byTheme.set(row.theme, [
        ...(byTheme.get(row.theme) ?? []),
        { id: row.id, title: row.title },
      ]);
    }
    return byTheme;
  }

  /** Every item's linked themes, keyed by item id. */
  async allThemes(): Promise<Map<string, string[]>> {
    const rows = await this.db('roadmap_item_themes')
      .orderBy(['item_id', 'theme'])
      .select('item_id', 'theme');
    const byItem = new Map<string, string[]>();
    for (const row of rows) {
      byItem.set(row.item_id, [...(byItem.get(row.item_id) ?? []), row.theme]);
    }
    return byItem;
  }
}
