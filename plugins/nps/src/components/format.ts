import { entityDisplayName } from '@paved/common';
import { formatNumber, formatRange } from '@paved/frontend-utils';

/** An NPS with its sign, e.g. "+12", "−4" (U+2212), "0". */
export function formatNps(nps: number): string {
  return formatNumber(nps, { signed: true });
}

/** A 95% interval, e.g. "−100 to −7" (U+2212, never a hyphen). */
export function formatInterval(interval: { low: number; high: number }) {
  return formatRange(interval.low, interval.high);
}

/** A share 0..1 as a whole percentage. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** A campaign's published answers; below k the count is not shown. */
export function formatAnswers(answers: number | null, k?: number): string {
  if (answers !== null) return String(answers);
  return k ? `fewer than ${k}` : '—';
}

/** Why the live results lag, in plain words (the rule is answersToRelease). */
export function batchingExplanation(k: number, closesAt: string): string {
  const close = new Date(closesAt).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
  });
  return (
    `While this survey is open, answers are published in batches, team by team: ` +
    `a team's answers appear once ${
      2 * k
    } of them have come in, and ${k} are always ` +
    `held back until the survey closes on ${close}. Then everything is counted. ` +
    `This way nobody can work out a colleague's answer by comparing the results ` +
    `before and after they answered, so a new answer does not move the numbers at once.`
  );
}

/** A team entity ref as its name. */
export function teamName(ref: string | null): string {
  return ref === null ? 'No team' : entityDisplayName(ref);
}
