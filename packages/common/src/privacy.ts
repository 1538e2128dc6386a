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
