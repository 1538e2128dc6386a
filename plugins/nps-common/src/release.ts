/**
 * How many of one group's waiting answers the release job publishes now.
 *
 * While the campaign is open: none until at least 2k answers wait, then all but k,
 * chosen at random (k always stay back until the campaign closes). So every change
 * anyone can see covers at least k answers, including the last one at close, and a
 * reader who saw a colleague answer cannot tell whether that answer is in a batch.
 * Once the campaign has closed: all of them.
 *
 * The same rule publishes scores (k = the group minimum) and comments (k = the
 * comment minimum); a group is a campaign's team, or its answers without a team.
 */
export function answersToRelease(
  waiting: number,
  k: number,
  campaignOpen: boolean,
): number {
  if (!Number.isSafeInteger(waiting) || waiting < 0) {
    throw new RangeError(
      `waiting must be a non-negative integer, got ${waiting}`,
    );
  }
  if (!Number.isSafeInteger(k) || k < 1) {
    throw new RangeError(`k must be a positive integer, got ${k}`);
  }
  if (!campaignOpen) return waiting;
  return waiting >= 2 * k ? waiting - k : 0;
}
