import { createApiRef } from '@backstage/core-plugin-api';
import {
  CreateItemRequest,
  ItemDemand,
  MoveItemRequest,
  RoadmapChange,
  RoadmapItem,
  RoadmapNotification,
  TopThemes,
  UpdateItemRequest,
} from '@paved/plugin-roadmap-common';

/** The roadmap backend, as the portal uses it. */
export interface RoadmapApi {
  /** Every roadmap item, by horizon and rank, with the user's votes and follows. */
  listItems(): Promise<RoadmapItem[]>;
  /** One item. */
  getItem(id: string): Promise<RoadmapItem>;
  /** An item's history, oldest first. */
  getHistory(id: string): Promise<RoadmapChange[]>;
  /** Creates an item at the bottom of its horizon (platform PMs). */
  createItem(item: CreateItemRequest): Promise<RoadmapItem>;
  /** Edits an item; a stale `version` is refused (409) (platform PMs). */
  updateItem(id: string, patch: UpdateItemRequest): Promise<RoadmapItem>;
  /** Moves an item within or between horizons (platform PMs). */
  moveItem(id: string, move: MoveItemRequest): Promise<RoadmapItem>;
  /** Deletes an item; a stale `version` is refused (409) (platform PMs). */
  deleteItem(id: string, version: number): Promise<void>;
  /** "This matters to me", on or off; voting also follows the item. */
  vote(id: string, on: boolean): Promise<RoadmapItem>;
  /** Follows or unfollows an item's changes. */
  subscribe(id: string, on: boolean): Promise<RoadmapItem>;
  /** The user's roadmap inbox, unread first. */
  listNotifications(): Promise<RoadmapNotification[]>;
  /** Marks the user's roadmap inbox read. */
  markNotificationsRead(): Promise<void>;
  /** Records a visit: later changes are marked "changed since your last visit". */
  recordVisit(): Promise<void>;
  /** The quarterly review as Markdown. */
  getReviewMarkdown(): Promise<string>;
  /** The NPS comment themes an item answers and the demand behind them, per campaign. */
  getDemand(id: string): Promise<ItemDemand>;
  /**
   * The survey's `limit` most commented themes (in their newest campaign, from
   * NPS's k comments) that items on the roadmap answer, with those items.
   */
  getTopThemes(limit?: number): Promise<TopThemes>;
  /** Replaces the NPS themes linked to an item (platform PMs). */
  setThemes(id: string, themes: string[]): Promise<ItemDemand>;
}

/** Reference to the {@link RoadmapApi}. */
export const roadmapApiRef = createApiRef<RoadmapApi>({
  id: 'plugin.roadmap.service',
});
