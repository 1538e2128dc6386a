import { QuarterKey, addQuarters, isQuarterBefore } from '@paved/common';
import { DEFAULT_NEW_JOINER_MONTHS, REST_QUARTERS } from './model';

/** How long someone has been here, as recruiting balances it. */
export type Tenure = 'new-joiner' | 'long-standing' | 'unknown';

/** A developer recruiting may propose, as the catalog and past studies describe them. */
export interface RecruitablePerson {
  userRef: string;
  /** Their team (first group they are a member of), or null. */
  teamRef: string | null;
  /** YYYY-MM-DD from the catalog, or null when unknown. */
  startDate: string | null;
  /** They volunteered ("I'd talk to the platform team for 30 minutes"). */
  volunteer: boolean;
  /** The latest quarter they accepted an interview in, or null. */
  lastInterviewed: QuarterKey | null;
}

/** What recruiting is asked for. */
export interface RecruitingRequest {
  people: readonly RecruitablePerson[];
  /** The study's quarter. */
  quarter: QuarterKey;
  /** How many participants the study wants. */
  goal: number;
  /** The day tenure is measured on. */
  today: Date;
  /** People already invited to this study (never proposed twice). */
  alreadyInvited?: Iterable<string>;
  /** A new joiner is someone who started less than this many months ago. */
  newJoinerMonths?: number;
}

/** A person recruiting proposes. */
export interface Candidate {
  userRef: string;
  teamRef: string | null;
  tenure: Tenure;
  volunteer: boolean;
}

/** A balanced set of candidates, and why the others were left out. */
export interface RecruitingProposal {
  candidates: Candidate[];
  /** People who could have been proposed. */
  eligible: number;
  /** People left out because they were interviewed in the last two quarters. */
  resting: number;
  /** People left out because they are already invited to this study. */
  alreadyInvited: number;
}

/** New joiner, long-standing, or unknown (no start date) on `today`. */
export function tenureOf(
  startDate: string | null,
  today: Date,
  newJoinerMonths = DEFAULT_NEW_JOINER_MONTHS,
): Tenure {
  if (!startDate || !/^\d{4}-\d{2}-\d{2}$/.test(startDate)) return 'unknown';
  const start = new Date(`${startDate}T00:00:00Z`);
  if (Number.isNaN(start.getTime())) return 'unknown';
  const cutoff = new Date(
    Date.UTC(
      today.getUTCFullYear(),
      today.getUTCMonth() - newJoinerMonths,
      today.getUTCDate(),
    ),
  );
  return start > cutoff ? 'new-joiner' : 'long-standing';
}

/** True when someone last interviewed in `lastInterviewed` rests from a study in `quarter`. */
export function isResting(
  lastInterviewed: QuarterKey | null,
  quarter: QuarterKey,
): boolean {
  if (!lastInterviewed) return false;
  return !isQuarterBefore(
    lastInterviewed,
    addQuarters(quarter, -REST_QUARTERS),
  );
}

// FNV-1a: a stable, well-spread order that changes with the quarter, so the same
// people are not always first.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Proposes up to `goal` candidates, balanced the way the practice asks: spread over
 * teams (each pick goes to a team with the fewest picks so far), half new joiners and
 * half long-standing developers as far as the team spread allows, nobody interviewed
 * in the last two quarters or already invited, volunteers first within their team and
 * tenure. Survey answers are never
 * an input: they are confidential. The result does not depend on the input order.
 */
export function proposeCandidates(
  request: RecruitingRequest,
): RecruitingProposal {
  const invited = new Set(request.alreadyInvited ?? []);
  let resting = 0;
  let alreadyInvited = 0;
  const seen = new Set<string>();
  const pool: Array<Candidate & { order: number }> = [];
  for (const person of request.people) {
    if (seen.has(person.userRef)) continue;
    seen.add(person.userRef);
    if (invited.has(person.userRef)) {
      alreadyInvited++;
      continue;
    }
    if (isResting(person.lastInterviewed, request.quarter)) {
      resting++;
      continue;
    }
    pool.push({
      userRef: person.userRef,
      teamRef: person.teamRef,
      tenure: tenureOf(
        person.startDate,
        request.today,
        request.newJoinerMonths,
      ),
      volunteer: person.volunteer,
      order: hash(`${request.quarter}/${person.userRef}`),
    });
  }
  const eligible = pool.length;
  const size = Math.max(0, Math.min(Math.floor(request.goal), eligible));
  const want: Record<Tenure, number> = {
    'new-joiner': Math.floor(size / 2),
    'long-standing': size - Math.floor(size / 2),
    unknown: 0,
  };
  const got: Record<Tenure, number> = {
    'new-joiner': 0,
    'long-standing': 0,
    unknown: 0,
  };
  const perTeam = new Map<string, number>();
  const teamKey = (c: Candidate) => c.teamRef ?? '';
  const picks = (team: string) => perTeam.get(team) ?? 0;
  const candidates: Candidate[] = [];

  // Within a team: the needed tenure, then known tenures, volunteers first, then
  // the quarter's order.
  const better = (
    a: (typeof pool)[number],
    b: (typeof pool)[number],
    needed: Tenure | undefined,
  ) => {
    const key = (c: (typeof pool)[number]) =>
      [
        c.tenure === needed ? 0 : 1,
        c.tenure === 'unknown' ? 1 : 0,
        c.volunteer ? 0 : 1,
        c.order,
      ] as const;
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] !== kb[i]) return ka[i] < kb[i];
    }
    return a.userRef < b.userRef;
  };

  while (candidates.length < size) {
    const deficit = (t: Tenure) =>
      pool.some(c => c.tenure === t) ? want[t] - got[t] : 0;
    const newDeficit = deficit('new-joiner');
    const longDeficit = deficit('long-standing');
    let needed: Tenure | undefined;
    if (newDeficit > 0 || longDeficit > 0) {
      needed = newDeficit >= longDeficit ? 'new-joiner' : 'long-standing';
    }
    // The team: one with the fewest picks, preferring one that has the needed tenure.
    const fewest = Math.min(...pool.map(c => picks(teamKey(c))));
    const open = pool.filter(c => picks(teamKey(c)) === fewest);
    const withNeeded = open.filter(c => c.tenure === needed);
    const teams = [
      ...new Set((withNeeded.length ? withNeeded : open).map(teamKey)),
    ];
    const team = teams.reduce((a, b) => {
      const ha = hash(`${request.quarter}/${a}`);
      const hb = hash(`${request.quarter}/${b}`);
      return ha < hb || (ha === hb && a < b) ? a : b;
    });
    let chosen: (typeof pool)[number] | undefined;
    for (const c of pool) {
      if (teamKey(c) !== team) continue;
      if (!chosen || better(c, chosen, needed)) chosen = c;
    }
    pool.splice(pool.indexOf(chosen!), 1);
    got[chosen!.tenure]++;
    perTeam.set(team, picks(team) + 1);
    candidates.push({
      userRef: chosen!.userRef,
      teamRef: chosen!.teamRef,
      tenure: chosen!.tenure,
      volunteer: chosen!.volunteer,
    });
  }
  return { candidates, eligible, resting, alreadyInvited };
}
