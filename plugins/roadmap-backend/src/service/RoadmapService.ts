import { InputError, NotFoundError } from '@backstage/errors';
import {
  RoadmapChange,
  RoadmapItem,
  createItemSchema,
  moveItemSchema,
  updateItemSchema,
} from '@paved/plugin-roadmap-common';
import { z } from 'zod';
import { ItemFields, RoadmapStore } from '../database/RoadmapStore';

/** Holds the rules of the public roadmap. */
export class RoadmapService {
  private readonly now: () => Date;

  constructor(private readonly store: RoadmapStore, now?: () => Date) {
    this.now = now ?? (() => new Date());
  }

  /** The roadmap as `userRef` sees it (their votes and subscriptions marked). */
  listItems(userRef: string): Promise<RoadmapItem[]> {
    return this.store.listItems(userRef);
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
   * Edits an item made from `version`; a stale version is a ConflictError. A declined
   * item keeps a public reason; an item that is not declined carries none.
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
        const status = fields.status ?? before.status;
        const declineReason =
          fields.declineReason !== undefined
            ? fields.declineReason
            : before.declineReason;
        if (status === 'declined' && !declineReason) {
          throw new InputError(
            'declineReason: a declined item needs a public declineReason',
          );
        }
        const next: Partial<ItemFields> = { ...fields };
        next.declineReason = status === 'declined' ? declineReason : null;
        return next;
      },
      by,
      this.now(),
    );
    return { item: await this.getItem(id, by), changes };
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
}
