import { z } from 'zod';
import { CATEGORIES, HORIZONS, STATUSES } from './model';
import { isValidQuarter } from '@paved/common';

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, { error: `${field} must be at most ${max} characters` });

/** A link from an item to docs, an ADR or an issue: http(s) only. */
export const linkSchema = z.strictObject({
  title: text('link title', 100).min(1, { error: 'link title is required' }),
  url: z
    .url({
      protocol: /^https?$/,
      error: 'links must be http(s) URLs',
    })
    .max(2000),
});

/** Advance notice of a breaking change and the day it takes effect. */
export const breakingChangeSchema = z.strictObject({
  notice: text('notice', 2000).min(1, { error: 'notice is required' }),
  effectiveDate: z.iso.date({
    error: 'effectiveDate must be a date like 2027-03-31',
  }),
});

const itemFields = {
  title: text('title', 200).min(1, { error: 'title is required' }),
  summary: text('summary', 500).min(1, { error: 'summary is required' }),
  description: text('description', 20000).default(''),
  problem: text('problem', 2000).default(''),
  category: z.enum(CATEGORIES, {
    error: `category must be one of ${CATEGORIES.join(', ')}`,
  }),
  owner: z.string().regex(/^group:[a-z0-9._-]+\/[a-z0-9._-]+$/i, {
    error: 'owner must be a group entity ref like group:default/platform-team',
  }),
  horizon: z.enum(HORIZONS, {
    error: `horizon must be one of ${HORIZONS.join(', ')}`,
  }),
  targetQuarter: z
    .string()
    .refine(isValidQuarter, {
      error: 'targetQuarter must be a quarter such as 2027-Q1',
    })
    .nullable()
    .default(null),
  status: z.enum(STATUSES, {
    error: `status must be one of ${STATUSES.join(', ')}`,
  }),
  declineReason: text('declineReason', 2000).nullable().default(null),
  links: z.array(linkSchema).max(20).default([]),
  breakingChange: breakingChangeSchema.nullable().default(null),
};

const declinedNeedsReason = (item: {
  status?: string;
  declineReason?: string | null;
}) => item.status !== 'declined' || Boolean(item.declineReason);

/**
 * A whole roadmap item: the body of a new one, and what an edit must leave behind
 * (the service checks the edited item against it). A declined item says why,
 * publicly; any other item carries no reason.
 */
export const createItemSchema = z
  .strictObject(itemFields)
  .refine(declinedNeedsReason, {
    error: 'a declined item needs a public declineReason',
    path: ['declineReason'],
    // Checked even when another field is wrong: a form shows every problem at once.
    when: payload =>
      typeof payload.value === 'object' && payload.value !== null,
  })
  .transform(item => ({
    ...item,
    declineReason: item.status === 'declined' ? item.declineReason : null,
  }));

/** Body of an item edit: the changed fields and the version it was based on. */
export const updateItemSchema = z.strictObject({
  version: z.number().int().min(1, { error: 'version is required' }),
  title: itemFields.title.optional(),
  summary: itemFields.summary.optional(),
  description: text('description', 20000).optional(),
  problem: text('problem', 2000).optional(),
  category: itemFields.category.optional(),
  owner: itemFields.owner.optional(),
  horizon: itemFields.horizon.optional(),
  targetQuarter: itemFields.targetQuarter.optional(),
  status: itemFields.status.optional(),
  declineReason: text('declineReason', 2000).nullable().optional(),
  links: z.array(linkSchema).max(20).optional(),
  breakingChange: breakingChangeSchema.nullable().optional(),
});

/** Body of a move: into a horizon, at a position (0 = top), based on a version. */
export const moveItemSchema = z.strictObject({
  version: z.number().int().min(1),
  horizon: itemFields.horizon,
  position: z.number().int().min(0).max(10000),
});

/** A roadmap item id in a path: a UUID. */
export const itemIdSchema = z.uuid({ error: 'item id must be a UUID' });

/** Body of a new item, as sent. */
export type CreateItemRequest = z.input<typeof createItemSchema>;
/** Body of an item edit, as sent. */
export type UpdateItemRequest = z.input<typeof updateItemSchema>;
/** Body of a move, as sent. */
export type MoveItemRequest = z.input<typeof moveItemSchema>;

/** Body of an item's theme links: the whole new set of NPS comment themes. */
export const setItemThemesSchema = z.strictObject({
  themes: z
    .array(
      z
        .string({ error: 'themes must be text' })
        .trim()
        .min(1, { error: 'a theme cannot be empty' })
        .max(60, { error: 'a theme must be at most 60 characters' }),
    )
    .max(20, { error: 'at most 20 themes per item' })
    .transform(themes => [...new Set(themes)]),
});

/** The largest page of items or notices one request returns. */
export const MAX_PAGE_SIZE = 200;

// A query parameter that is a whole number in [min, max].
const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string({ error: `${name} must be a whole number` })
    .regex(/^\d{1,9}$/, { error: `${name} must be a whole number` })
    .transform(Number)
    .refine(n => n >= min && n <= max, {
      error: `${name} must be between ${min} and ${max}`,
    });

/**
 * Query of a paged list: `limit` (1-200) items from `offset` (0 = the first).
 * `defaultLimit` applies when `limit` is absent.
 */
export const pageQuerySchema = (defaultLimit: number) =>
  z.strictObject({
    limit: wholeNumber('limit', 1, MAX_PAGE_SIZE).default(defaultLimit),
    offset: wholeNumber('offset', 0, 1_000_000_000).default(0),
  });

/** Query of `GET /top-themes`: how many themes (1-20, default 5). */
export const topThemesQuerySchema = z.strictObject({
  limit: wholeNumber('limit', 1, 20).default(5),
});

/** A page of a list, as the backend asks the store for it. */
export type PageRequest = { limit: number; offset: number };
