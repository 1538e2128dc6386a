/** A calendar quarter key, e.g. "2026-Q4". */
export type QuarterKey = string;

export const QUARTER_KEY_PATTERN = /^(\d{4})-Q([1-4])$/;

/** The quarter (UTC) a moment falls in, e.g. 2026-11-24 → "2026-Q4". */
export function quarterOf(date: Date): QuarterKey {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

function toIndex(key: QuarterKey): number {
  const match = QUARTER_KEY_PATTERN.exec(key);
  if (!match) {
    throw new Error(`"${key}" is not a quarter such as 2026-Q4`);
  }
  return Number(match[1]) * 4 + Number(match[2]) - 1;
}

function fromIndex(index: number): QuarterKey {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The quarter `offset` quarters after (or, negative, before) `key`. */
export function addQuarters(key: QuarterKey, offset: number): QuarterKey {
  return fromIndex(toIndex(key) + offset);
}

/** Every quarter from `from` to `to`, both included, oldest first. */
export function quartersBetween(
  from: QuarterKey,
  to: QuarterKey,
): QuarterKey[] {
  const start = toIndex(from);
  const end = toIndex(to);
  const keys: QuarterKey[] = [];
  for (let i = start; i <= end; i++) keys.push(fromIndex(i));
  return keys;
}

/** Whether quarter `a` comes before `b`. */
export function isQuarterBefore(a: QuarterKey, b: QuarterKey): boolean {
  return toIndex(a) < toIndex(b);
}
