import { quarterLabel } from '@paved/common';
import { RESEARCH_LABELS, Tenure } from '@paved/plugin-research-common';

/** A status as people read it. */
export function statusLabel(status: string): string {
  return RESEARCH_LABELS[status as keyof typeof RESEARCH_LABELS] ?? status;
}

/** A quarter key as people read it, e.g. "Q4 2026". */
export { quarterLabel };

/** A moment as people read it in their own time zone, e.g. "Thu 3 Dec 2026, 14:00". */
export function formatSlot(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A day as people read it, e.g. "3 Dec 2026". */
export function formatDay(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/**
 * A count with its noun, singular or plural ("1 participant", "3 participants"),
 * joined by a no-break space so the number never wraps away from its noun.
 */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n}\u00a0${n === 1 ? noun : plural}`;
}

/** How long someone has been here, in words. */
export function tenureLabel(tenure: Tenure): string {
  if (tenure === 'new-joiner') return 'New joiner';
  if (tenure === 'long-standing') return 'Long-standing';
  return 'Start date unknown';
}

/** A `datetime-local` input value (local time) as an ISO 8601 instant. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An instant as a `datetime-local` input value, in local time. */
export function isoToLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(
    date.getDate(),
  )}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The link to a roadmap item's page (the roadmap plugin's own address scheme). */
export function roadmapItemPath(itemId: string): string {
  return `/roadmap/items/${encodeURIComponent(itemId)}`;
}
