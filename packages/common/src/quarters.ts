/** A calendar quarter key, e.g. "2026-Q4". */
export type QuarterKey = string;

/** What a quarter key looks like: four-digit year, "-Q", 1 to 4. */
export const QUARTER_KEY_PATTERN = /^(\d{4})-Q([1-4])$/;

/** The first year a quarter may name: earlier ones are typos, not data. */
export const MIN_QUARTER_YEAR = 2000;
/** The last year a quarter may name. */
export const MAX_QUARTER_YEAR = 2100;

/** A quarter with its bounds (UTC): start included, end excluded. */
export interface Quarter {
  key: QuarterKey;
  /** As people read it, e.g. "Q4 2026". */
  label: string;
  start: Date;
  end: Date;
}

function toIndex(key: QuarterKey): number {
  const match = QUARTER_KEY_PATTERN.exec(key);
  if (!match) {
    throw new RangeError(`"${key}" is not a quarter such as 2026-Q4`);
  }
  return Number(match[1]) * 4 + Number(match[2]) - 1;
}

function fromIndex(index: number): QuarterKey {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** True when `value` is a quarter key within the years Paved accepts (2000 to 2100). */
export function isValidQuarter(value: string): boolean {
  const match = QUARTER_KEY_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  return year >= MIN_QUARTER_YEAR && year <= MAX_QUARTER_YEAR;
}

/** The quarter key (UTC) a moment falls in, e.g. 2026-11-24 → "2026-Q4". */
export function quarterOf(date: Date): QuarterKey {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** A quarter key with its label and bounds (UTC). */
export function quarterBounds(key: QuarterKey): Quarter {
  const index = toIndex(key);
  const year = Math.floor(index / 4);
  const q = index % 4;
  return {
    key,
    label: `Q${q + 1} ${year}`,
    start: new Date(Date.UTC(year, q * 3, 1)),
    end: new Date(Date.UTC(year, q * 3 + 3, 1)),
  };
}

/** A quarter key as people read it, e.g. "2027-Q1" → "Q1 2027". */
export function quarterLabel(key: QuarterKey): string {
  return quarterBounds(key).label;
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

/** The quarters touched by the next `months` months from `from` (UTC), current quarter first. */
export function upcomingQuarters(from: Date, months = 6): QuarterKey[] {
  const first = quarterOf(from);
  const last = quarterOf(
    new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1)),
  );
  return quartersBetween(first, last);
}
