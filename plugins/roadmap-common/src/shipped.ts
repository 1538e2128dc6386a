import { z } from 'zod';
import type { RoadmapStatus } from './model';

/**
 * The status that means an item has shipped: generally available. The one place
 * "shipped" is decided; the board, the Shipped view, the store, the quarterly
 * review and the survey prompt all ask here.
 */
export const SHIPPED_STATUS: RoadmapStatus = 'generally-available';

/** Whether an item has shipped (is generally available). */
export function isShipped(item: { status: RoadmapStatus | string }): boolean {
  return item.status === SHIPPED_STATUS;
}

/** Query of `GET /shipped`: items shipped at or after `since` (ISO 8601). */
export const shippedSinceQuerySchema = z.strictObject({
  since: z.iso.datetime({
    offset: true,
    error: 'since must be an ISO 8601 date-time, e.g. 2026-10-01T00:00:00Z',
  }),
});

/** A shipped item, as `GET /shipped` lists it (newest first). */
export interface ShippedItem {
  id: string;
  title: string;
  /** ISO 8601, when it became generally available. */
  shippedAt: string;
}
