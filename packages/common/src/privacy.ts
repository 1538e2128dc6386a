/** Smallest group any Paved view shows unless configured otherwise. */
export const DEFAULT_MIN_GROUP_SIZE = 5;

/** No configuration may go below this: with fewer people one can be singled out. */
export const MIN_GROUP_SIZE_FLOOR = 3;

/** Validates a configured minimum: undefined → default; throws RangeError when not an integer or below the floor (3). */
export function effectiveMinGroupSize(
  configured?: number,
  fallback = DEFAULT_MIN_GROUP_SIZE,
): number {
  const value = configured ?? fallback;
  if (!Number.isSafeInteger(value) || value < MIN_GROUP_SIZE_FLOOR) {
    throw new RangeError(
      `The minimum group size must be an integer of at least ${MIN_GROUP_SIZE_FLOOR}, got ${value}`,
    );
  }
  return value;
}

/** How many people (answers, joiners) one group of a breakdown (e.g. a team) holds. */
export interface GroupSize {
  key: string;
  n: number;
}

/** Why a group is hidden: too small itself, or hidden to protect another hidden group. */
export type SuppressionReason = 'too-few-answers' | 'complementary';

/** Whether a group may be shown, and if not, why. */
export interface GroupVisibility {
  key: string;
  n: number;
  visible: boolean;
  reason?: SuppressionReason;
}

function checkGroups(groups: GroupSize[]): void {
  const keys = new Set<string>();
  for (const { key, n } of groups) {
    if (keys.has(key)) {
      throw new RangeError(`Group "${key}" appears more than once`);
    }
    keys.add(key);
    // An empty group would count towards the two hidden groups the rule
    // demands without protecting anyone, so it must be left out instead.
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new RangeError(
        `Group "${key}" must have a positive integer answer count, got ${n}`,
      );
    }
  }
}

// Key order uses code units rather than the locale so every server and
// browser picks the same group on a tie.
function smallestFirst(a: GroupSize, b: GroupSize): number {
  if (a.n !== b.n) {
    return a.n - b.n;
  }
  if (a.key === b.key) {
    return 0;
  }
  return a.key < b.key ? -1 : 1;
}

/** Decides which groups of a breakdown may be shown, hiding extra groups so no hidden one can be recovered by subtraction; same order as the input. */
export function suppressGroups(
  groups: GroupSize[],
  minGroupSize: number,
): GroupVisibility[] {
  const min = effectiveMinGroupSize(minGroupSize);
  checkGroups(groups);

  const reasons = new Map<string, SuppressionReason>();
  let hiddenAnswers = 0;
  for (const group of groups) {
    if (group.n < min) {
      reasons.set(group.key, 'too-few-answers');
      hiddenAnswers += group.n;
    }
  }

  if (reasons.size > 0) {
    // A single hidden group equals the parent total minus the visible ones,
    // and several tiny ones together would reveal a total below the minimum.
    const candidates = groups
      .filter(group => !reasons.has(group.key))
      .sort(smallestFirst);
    for (const group of candidates) {
      if (reasons.size >= 2 && hiddenAnswers >= min) {
        break;
      }
      reasons.set(group.key, 'complementary');
      hiddenAnswers += group.n;
    }
  }

  return groups.map(({ key, n }) => {
    const reason = reasons.get(key);
    return reason
      ? { key, n, visible: false, reason }
      : { key, n, visible: true };
  });
}
