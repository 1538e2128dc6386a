import { Audience } from '@paved/plugin-nps-common';

/** Who is asking: their entity ref and the refs they own or belong to. */
export interface Caller {
  userRef: string;
  ownershipRefs: string[];
}

/** Counts the developers a campaign asks (catalog users in its audience). */
export interface AudienceDirectory {
  eligibleCount(audience: Audience): Promise<number>;
}

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** True when the caller belongs to the audience. */
export function isInAudience(audience: Audience, caller: Caller): boolean {
  if (audience.type === 'all') return true;
  const mine = new Set(caller.ownershipRefs.map(lower));
  return audience.groups.some(group => mine.has(lower(group)));
}

/** Two audiences overlap when some developer could be in both. */
export function audiencesOverlap(a: Audience, b: Audience): boolean {
  if (a.type === 'all' || b.type === 'all') return true;
  const groups = new Set(a.groups.map(lower));
  return b.groups.some(group => groups.has(lower(group)));
}

/** The caller's team for breakdowns: their first group, or null. */
export function teamOf(caller: Caller): string | null {
  const groups = caller.ownershipRefs
    .filter(ref => lower(ref).startsWith('group:'))
    .map(lower)
    .sort();
  return groups[0] ?? null;
}
