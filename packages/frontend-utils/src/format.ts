/** The minus sign (U+2212) Paved shows numbers with, never a hyphen. */
export const MINUS = '\u2212';

/** A number with a true minus sign, e.g. -7 → "−7"; `signed` adds "+" to positives. */
export function formatNumber(value: number, options?: { signed?: boolean }) {
  if (value < 0) return `${MINUS}${Math.abs(value)}`;
  if (value > 0 && options?.signed) return `+${value}`;
  return String(value);
}

/** A range of numbers, e.g. (-100, -7) → "−100 to −7". */
export function formatRange(low: number, high: number): string {
  return `${formatNumber(low)} to ${formatNumber(high)}`;
}
