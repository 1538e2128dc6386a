import { entityDisplayName } from '@paved/common';
/** An NPS with its sign, e.g. "+12", "−4", "0". */
export function formatNps(nps: number): string {
  if (nps > 0) return `+${nps}`;
  if (nps < 0) return `−${Math.abs(nps)}`;
  return '0';
}

/** A share 0..1 as a whole percentage. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** A team entity ref as its name. */
export function teamName(ref: string | null): string {
  return ref === null ? 'No team' : entityDisplayName(ref);
}
