import { useRouteRef } from '@backstage/core-plugin-api';
import { quarterLabel } from '@paved/common';
import { LABELS } from '@paved/plugin-roadmap-common';
import { rootRouteRef } from '../routes';

/** Shown on every roadmap page (the same sentence the backend puts in exports). */
export const ROADMAP_DISCLAIMER =
  'This roadmap shows our current direction, not commitments: priorities, scope and dates can change as we learn.';

/** The owner a new item gets. */
export const DEFAULT_OWNER = 'group:default/platform-team';

/** A status, horizon or category as people read it. */
export function label(value: string): string {
  return LABELS[value as keyof typeof LABELS] ?? value;
}

/** A target quarter as people read it, e.g. "2027-Q1" → "Q1 2027"; null → "No target quarter". */
export function targetQuarterLabel(quarter: string | null): string {
  return quarter ? quarterLabel(quarter) : 'No target quarter';
}

/** A day (local time) as YYYY-MM-DD, comparable with effective dates. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}`;
}

/** A timestamp or YYYY-MM-DD date as a readable day. */
export function formatDate(value: string | null): string {
  if (!value) return '—';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T00:00:00`)
    : new Date(value);
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** True for a 409: the item changed since it was loaded. */
export function isConflict(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    ((error as { statusCode?: number }).statusCode === 409 ||
      (error as { response?: { status?: number } }).response?.status === 409)
  );
}

/** A link to an item's page. */
export function useItemLink(): (id: string) => string {
  const root = useRouteRef(rootRouteRef);
  return (id: string) => `${root()}/items/${encodeURIComponent(id)}`;
}

/**
 * A Markdown link target made safe: http(s), mailto and relative links pass;
 * anything else (javascript:, data:, …) becomes no link at all.
 */
export function safeLinkUri(href: string): string {
  const trimmed = href.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    // Relative, unless control characters hide a scheme ("java\tscript:").
    return [...trimmed].some(c => c.charCodeAt(0) < 0x20) ? '' : trimmed;
  }
  return ['http', 'https', 'mailto'].includes(scheme) ? trimmed : '';
}

/**
 * A Markdown image source made safe: only images from the portal's own origin
 * (relative or same-origin URLs) load; any other host could count who reads an
 * item (a tracking pixel), so its image is not fetched at all.
 */
export function safeImageUri(
  src: string,
  origin: string = window.location.origin,
): string {
  const trimmed = src.trim();
  if (!trimmed || [...trimmed].some(c => c.charCodeAt(0) < 0x20)) return '';
  try {
    const url = new URL(trimmed, `${origin}/`);
    return url.origin === origin ? url.href : '';
  } catch {
    return '';
  }
}
