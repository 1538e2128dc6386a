import { z } from 'zod';
import {
  MAX_QUARTER_YEAR,
  MIN_QUARTER_YEAR,
  isQuarterBefore,
  isValidQuarter,
} from '@paved/common';

const quarter = (field: string) => {
  const error = `${field} must be a quarter from ${MIN_QUARTER_YEAR}-Q1 to ${MAX_QUARTER_YEAR}-Q4, such as 2026-Q4`;
  return z.string({ error }).refine(isValidQuarter, { error });
};

/** At most this many quarters in one adoption query (ten years). */
export const MAX_ADOPTION_QUARTERS = 40;

/** Query of the adoption endpoints: a window of quarters, both ends included. */
export const adoptionQuerySchema = z
  .strictObject({
    from: quarter('from').optional(),
    to: quarter('to').optional(),
  })
  .refine(q => !q.from || !q.to || !isQuarterBefore(q.to, q.from), {
    error: 'from must not be after to',
    path: ['from'],
  });
export type AdoptionQuery = z.infer<typeof adoptionQuerySchema>;

/** A month key (UTC), e.g. "2026-11". */
export type MonthKey = string;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True when `value` is a month key within the years Paved accepts (2000 to 2100). */
export function isValidMonth(value: string): boolean {
  const match = MONTH_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  return year >= MIN_QUARTER_YEAR && year <= MAX_QUARTER_YEAR;
}

const month = (field: string) => {
  const error = `${field} must be a month from ${MIN_QUARTER_YEAR}-01 to ${MAX_QUARTER_YEAR}-12, such as 2026-11`;
  return z.string({ error }).refine(isValidMonth, { error });
};

/** At most this many months in one monthly adoption query (three years). */
export const MAX_ADOPTION_MONTHS = 36;

/** Query of the monthly adoption endpoint: a window of months, both ends included. */
export const monthlyAdoptionQuerySchema = z
  .strictObject({
    from: month('from').optional(),
    to: month('to').optional(),
  })
  .refine(q => !q.from || !q.to || q.from <= q.to, {
    error: 'from must not be after to',
    path: ['from'],
  });
export type MonthlyAdoptionQuery = z.infer<typeof monthlyAdoptionQuerySchema>;

/** Query of the off-path list: how many of the newest. */
export const offPathQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int({ error: 'limit must be a whole number' })
    .min(1, { error: 'limit must be at least 1' })
    .max(200, { error: 'limit must be at most 200' })
    .optional(),
});

/** Path parameters naming a golden path. */
export const pathParamsSchema = z.object({
  namespace: z
    .string()
    .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/i, {
      error: 'namespace is not an entity namespace',
    })
    .max(63, { error: 'namespace is too long' }),
  name: z
    .string()
    .regex(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/i, {
      error: 'name is not a template name',
    })
    .max(63, { error: 'name is too long' }),
});

/** Path parameter of the name check: any text up to 200 characters (the rule says why a name is refused). */
export const nameParamsSchema = z.strictObject({
  name: z
    .string()
    .min(1, { error: 'name is required' })
    .max(200, { error: 'name must be at most 200 characters' }),
});
