import { z } from 'zod';
import { isValidQuarter } from '@paved/common';
import { HEALTH_METRIC_IDS } from './metrics';

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, { error: `${field} must be at most ${max} characters` });

const quarter = z
  .string({ error: 'quarter must be a quarter such as 2026-Q4' })
  .refine(isValidQuarter, {
    error: 'quarter must be a quarter such as 2026-Q4',
  });

const finite = (field: string) =>
  z
    .number({ error: `${field} must be a number` })
    .refine(Number.isFinite, { error: `${field} must be a finite number` })
    .refine(v => Math.abs(v) <= 1e9, {
      error: `${field} must be between -1e9 and 1e9`,
    });

/** An OKR id in a path. */
export const okrIdSchema = z.uuid({ error: 'id must be a UUID' });

/** GET /okrs: which quarter (default: the current one). */
export const okrQuerySchema = z.strictObject({
  quarter: quarter.optional(),
});

/** One key result as a PM writes it. */
export const keyResultInputSchema = z
  .strictObject({
    /** Present when editing an existing key result: keeps its check-ins. */
    id: okrIdSchema.optional(),
    title: text('title', 200).min(1, { error: 'title is required' }),
    metric: z.enum([...HEALTH_METRIC_IDS, 'manual'], {
      error: `metric must be one of ${[...HEALTH_METRIC_IDS, 'manual'].join(
        ', ',
      )}`,
    }),
    unit: text('unit', 20).nullable().optional(),
    start: finite('start'),
    target: finite('target'),
    due: z.iso.date({ error: 'due must be a date like 2026-12-31' }),
  })
  .refine(kr => kr.metric === 'manual' || kr.start !== kr.target, {
    error: 'target must differ from start',
    path: ['target'],
  });
/** A key result after validation. */
export type KeyResultInput = z.output<typeof keyResultInputSchema>;

const objectiveFields = {
  title: text('title', 200).min(1, { error: 'title is required' }),
  description: text('description', 2000).default(''),
  keyResults: z
    .array(keyResultInputSchema, { error: 'keyResults must be a list' })
    .min(1, { error: 'an objective needs at least one key result' })
    .max(8, { error: 'an objective has at most 8 key results' }),
};

/** POST /objectives. */
export const createObjectiveSchema = z.strictObject({
  quarter,
  ...objectiveFields,
});
/** A new objective after validation. */
export type CreateObjectiveRequest = z.output<typeof createObjectiveSchema>;

/** PUT /objectives/:id: the whole objective, with the version it was read at. */
export const updateObjectiveSchema = z.strictObject({
  version: z
    .number({ error: 'version must be a number' })
    .int({ error: 'version must be a whole number' })
    .min(1, { error: 'version must be at least 1' }),
  ...objectiveFields,
});
/** An objective's edit after validation. */
export type UpdateObjectiveRequest = z.output<typeof updateObjectiveSchema>;

/** POST /key-results/:id/check-ins. */
export const checkInSchema = z.strictObject({
  value: finite('value'),
  note: text('note', 2000).default(''),
});
/** A check-in after validation. */
export type CheckInRequest = z.output<typeof checkInSchema>;

/** DELETE /objectives/:id?version=n. */
export const deleteObjectiveQuerySchema = z.strictObject({
  version: z.coerce
    .number({ error: 'version must be a number' })
    .int({ error: 'version must be a whole number' })
    .min(1, { error: 'version must be at least 1' }),
});

/** POST /review-exports: records that someone exported the quarterly review (audit only). */
export const reviewExportSchema = z.strictObject({
  quarter,
  format: z.enum(['markdown', 'print'], {
    error: 'format must be markdown or print',
  }),
});
/** A review export after validation. */
export type ReviewExportRequest = z.output<typeof reviewExportSchema>;
