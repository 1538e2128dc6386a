import { addQuarters, quarterBounds, quarterOf } from '@paved/common';
import { NotFoundError } from '@backstage/errors';
import { parseRequest } from '@paved/backend-router-utils';
import {
  ItemDemand,
  LABELS,
  Page,
  PageRequest,
  RoadmapChange,
  RoadmapItem,
  RoadmapItemStatus,
  RoadmapNotification,
  ShippedItem,
  TopThemes,
  createItemSchema,
  moveItemSchema,
  updateItemSchema,
} from '@paved/plugin-roadmap-common';
import { z } from 'zod';
import { ItemFields, RoadmapStore } from '../database/RoadmapStore';
import { ReviewDemand, reviewMarkdown } from './reviewExport';
import { DemandSource } from './NpsDemandSource';
import { ResearchSource, noResearch } from './ResearchSource';
import { researchReviewLines } from './researchReview';

/** Shown on every roadmap page and in every export. */
export const ROADMAP_DISCLAIMER =
  'This roadmap shows our current direction, not commitments: priorities, scope and dates can change as we learn.';

const label = (value: unknown) =>
  LABELS[value as keyof typeof LABELS] ?? String(value);

// The notice subscribers get, or undefined when nothing they follow changed.
function noticeFor(changes: RoadmapChange['changes']): string | undefined {
  const parts: string[] = [];
  if (changes.status) {
    parts.push(
      `status ${label(changes.status.from)} → ${label(changes.status.to)}`,
    );
  }
  if (changes.horizon) {
    parts.push(
      `moved ${label(changes.horizon.from)} → ${label(changes.horizon.to)}`,
    );
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function pageOf<T>(items: T[], totalItems: number, page: PageRequest): Page<T> {
  const next = page.offset + items.length;
  return {
    items,
    totalItems,
    pageInfo: items.length > 0 && next < totalItems ? { nextOffset: next } : {},
  };
}

/** Holds the rules of the public roadmap. */
export class RoadmapService {
  private readonly now: () => Date;

  constructor(
    private readonly store: RoadmapStore,
    private readonly demandSource: DemandSource = {
      demand: async () => ({ minGroupSize: null, campaigns: [] }),
      latestDemand: async () => ({ minGroupSize: null, items: [] }),
    },
    now?: () => Date,
    private readonly research: ResearchSource = noResearch,
  ) {
    this.now = now ?? (() => new Date());
  }

  /** Links an item to the NPS comment themes it answers. */
  async setThemes(id: string, themes: string[]): Promise<ItemDemand> {
    if (!(await this.store.exists(id))) {
      throw new NotFoundError(`No roadmap item with id ${id}`);
    }
    await this.store.setThemes(id, themes);
    return this.demand(id);
  }

  /**
   * The survey's `limit` most commented themes that items on the roadmap
   * answer, each with those items: the links from this store, the counts
   * (newest campaign per theme, k or more only) from NPS in one call.
   */
  async topThemes(limit: number): Promise<TopThemes> {
    const linked = await this.store.openItemThemes();
    const { minGroupSize, items } = await this.demandSource.latestDemand(
      [...linked.keys()],
      limit,
    );
    return {
      minGroupSize,
      themes: items
        .filter(t => linked.has(t.theme))
        .map(t => ({
          theme: t.theme,
          comments: t.comments,
          campaignId: t.campaignId,
          campaign: t.title,
          items: linked.get(t.theme)!,
        })),
    };
  }

  /** An item's linked themes and how many survey comments carry them, per campaign. */
  async demand(id: string): Promise<ItemDemand> {
    if (!(await this.store.exists(id))) {
      throw new NotFoundError(`No roadmap item with id ${id}`);
    }
    const themes = await this.store.themes(id);
    const [{ minGroupSize, campaigns }, studies] = await Promise.all([
      this.demandSource.demand(themes),
      this.research.demand(id),
    ]);
    return { themes, minGroupSize, campaigns, studies };
  }

  /** Every item's stage, for other plugins (user research). */
  async itemStatuses(): Promise<RoadmapItemStatus[]> {
    const items = await this.store.listItems('service:roadmap-statuses');
    return items.map(({ id, title, status }) => ({ id, title, status }));
  }

  /** A page of the roadmap as `userRef` sees it (their votes and subscriptions marked). */
  async listItems(
    userRef: string,
    page: PageRequest,
  ): Promise<Page<RoadmapItem>> {
    const [items, totalItems] = await Promise.all([
      this.store.listItems(userRef, page),
      this.store.countItems(),
    ]);
    return pageOf(items, totalItems, page);
  }

  /** One item; NotFoundError when unknown or deleted. */
  async getItem(id: string, userRef: string): Promise<RoadmapItem> {
    const item = await this.store.getItem(id, userRef);
    if (!item) throw new NotFoundError(`No roadmap item with id ${id}`);
    return item;
  }

  /** An item's full history, including a deletion. */
  async history(id: string): Promise<RoadmapChange[]> {
    const history = await this.store.history(id);
    if (history.length === 0) {
      throw new NotFoundError(`No roadmap item with id ${id}`);
    }
    return history;
  }

  /** Creates an item at the bottom of its horizon. */
  async createItem(
    input: z.output<typeof createItemSchema>,
    by: string,
  ): Promise<RoadmapItem> {
    const id = await this.store.insertItem(input as ItemFields, by, this.now());
    return this.getItem(id, by);
  }

  /**
   * Edits an item made from `version`; a stale version is a ConflictError. The
   * edited item must still be a valid item (createItemSchema: e.g. a declined item
   * keeps a public reason, any other carries none), else an InputError naming the
   * fields.
   */
  async updateItem(
    id: string,
    patch: z.output<typeof updateItemSchema>,
    by: string,
  ): Promise<{ item: RoadmapItem; changes: RoadmapChange['changes'] }> {
    const { version, ...fields } = patch;
    const { changes } = await this.store.updateItem(
      id,
      version,
      before => {
        const edited = parseRequest(
          createItemSchema,
          {
            title: before.title,
            summary: before.summary,
            description: before.description,
            problem: before.problem,
            category: before.category,
            owner: before.owner,
            horizon: before.horizon,
            targetQuarter: before.targetQuarter,
            status: before.status,
            declineReason: before.declineReason,
            links: before.links,
            breakingChange: before.breakingChange,
            ...fields,
          },
          'item',
        );
        const next: Partial<ItemFields> = { ...fields };
        next.declineReason = edited.declineReason;
        return next;
      },
      by,
      this.now(),
    );
    await this.notify(id, changes, by);
    return { item: await this.getItem(id, by), changes };
  }

  private async notify(
    id: string,
    changes: RoadmapChange['changes'],
    by: string,
  ) {
    const message = noticeFor(changes);
    if (!message) return;
    const item = await this.store.getItem(id, by);
    if (item) {
      await this.store.notifySubscribers(
        id,
        item.version,
        message,
        by,
        this.now(),
      );
    }
  }

  /** Moves an item within or between horizons. */
  async moveItem(
    id: string,
    move: z.output<typeof moveItemSchema>,
    by: string,
  ): Promise<{ item: RoadmapItem; changes: RoadmapChange['changes'] }> {
    const { changes } = await this.store.moveItem(
      id,
      move.version,
      move.horizon,
      move.position,
      by,
      this.now(),
    );
    await this.notify(id, changes, by);
    return { item: await this.getItem(id, by), changes };
  }

  /** Soft-deletes an item; it stays in the history. */
  async deleteItem(id: string, version: number, by: string): Promise<void> {
    await this.store.deleteItem(id, version, by, this.now());
  }

  /** "This matters to me": one vote per user; voting also subscribes. */
  async vote(id: string, userRef: string, on: boolean): Promise<RoadmapItem> {
    if (!(await this.store.exists(id))) {
      throw new NotFoundError(`No roadmap item with id ${id}`);
    }
    await this.store.setMark('roadmap_votes', id, userRef, on);
    if (on)
      await this.store.setMark('roadmap_subscriptions', id, userRef, true);
    return this.getItem(id, userRef);
  }

  /** Follows or unfollows an item's changes. */
  async subscribe(
    id: string,
    userRef: string,
    on: boolean,
  ): Promise<RoadmapItem> {
    if (!(await this.store.exists(id))) {
      throw new NotFoundError(`No roadmap item with id ${id}`);
    }
    await this.store.setMark('roadmap_subscriptions', id, userRef, on);
    return this.getItem(id, userRef);
  }

  /** Items that shipped at or after `since`, newest first. */
  shippedSince(since: Date): Promise<ShippedItem[]> {
    return this.store.shippedSince(since);
  }

  /** A page of the user's roadmap inbox, unread first. */
  async notifications(
    userRef: string,
    page: PageRequest,
  ): Promise<Page<RoadmapNotification>> {
    const [items, totalItems] = await Promise.all([
      this.store.notifications(userRef, page),
      this.store.countNotifications(userRef),
    ]);
    return pageOf(items, totalItems, page);
  }

  /** Deletes the notices read more than `retentionDays` ago; returns how many. */
  pruneReadNotifications(retentionDays: number): Promise<number> {
    const cutoff = new Date(this.now().getTime() - retentionDays * 86_400_000);
    return this.store.pruneReadNotifications(cutoff);
  }

  /** Marks the user's inbox read. */
  markNotificationsRead(userRef: string): Promise<void> {
    return this.store.markNotificationsRead(userRef, this.now());
  }

  /** Records a visit: later changes get the "changed since your last visit" marker. */
  recordVisit(userRef: string): Promise<void> {
    return this.store.recordVisit(userRef, this.now());
  }

  /** The quarterly review as Markdown; `since` defaults to the start of the previous quarter. */
  async reviewMarkdown(since?: Date): Promise<string> {
    const now = this.now();
    const from = since ?? quarterBounds(addQuarters(quarterOf(now), -1)).start;
    const [items, changes, themes] = await Promise.all([
      this.store.listItems('service:roadmap-review'),
      this.store.changesBetween(from, now),
      this.store.allThemes(),
    ]);
    // Demand per item: comments in its themes in the latest campaign that has any
    // (under NPS's k, "fewer than k", never a number).
    const demand = new Map<string, ReviewDemand>();
    for (const [itemId, itemThemes] of themes) {
      const { minGroupSize, campaigns } = await this.demandSource.demand(
        itemThemes,
      );
      const latest = campaigns.at(-1);
      if (latest) {
        demand.set(itemId, {
          comments: latest.comments,
          minGroupSize,
          campaign: latest.title,
        });
      }
    }
    const markdown = reviewMarkdown({
      items,
      changes,
      demand,
      since: from,
      now,
      disclaimer: ROADMAP_DISCLAIMER,
    });
    // The public summaries of research studies published in the window.
    const research = researchReviewLines(await this.research.summaries(from));
    return research.length > 0
      ? `${markdown}\n${research.join('\n').trimEnd()}\n`
      : markdown;
  }
}
