/**
 * Lead-time buckets: the integer boundaries ⌊2^e · (16 + m) / 16⌋ for
 * e = 0…44 and m = 0…15 (each octave cut into 16, about 4–6% wide, up to
 * 2^44 ms ≈ 557 years). A value's bucket is how many boundaries are ≤ it, so
 * buckets are ordered exactly like the values: every value of a bucket is
 * smaller than every value of the next. That is what lets an exact median be
 * found from per-day bucket counts plus the values of one or two buckets.
 * The migration `20261130170000_delivery_rollups.js` computes the same
 * boundaries (a test checks that they agree).
 */
export const LEAD_TIME_BUCKET_BOUNDS: readonly number[] = (() => {
  const bounds = new Set<number>();
  for (let e = 0; e <= 44; e++) {
    for (let m = 0; m < 16; m++) {
      bounds.add(Math.floor((2 ** e * (16 + m)) / 16));
    }
  }
  return [...bounds].sort((a, b) => a - b);
})();

/** The bucket of a lead time in milliseconds: 0 for values below 1 ms, else how many boundaries are ≤ it. */
export function leadTimeBucket(ms: number): number {
  let lo = 0;
  let hi = LEAD_TIME_BUCKET_BOUNDS.length;
  // The first boundary greater than ms.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (LEAD_TIME_BUCKET_BOUNDS[mid] <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
