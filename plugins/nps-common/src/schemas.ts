import { z } from 'zod';
import { COMMENT_MAX_LENGTH, NPS_FOLLOW_UP, NPS_QUESTION } from './constants';

/** A score on the 0–10 scale: an integer, never a string or a fraction. */
export const scoreSchema = z
  .number({ error: 'score must be a number from 0 to 10' })
  .int({ error: 'score must be a whole number from 0 to 10' })
  .min(0, { error: 'score must be at least 0' })
  .max(10, { error: 'score must be at most 10' });

/** Body of an answer: the score and the optional follow-up comment. */
export const submitAnswerSchema = z.strictObject({
  score: scoreSchema,
  comment: z
    .string({ error: 'comment must be text' })
    .max(COMMENT_MAX_LENGTH, {
      error: `comment must be at most ${COMMENT_MAX_LENGTH} characters`,
    })
    .optional()
    .transform(comment => comment?.trim() || undefined),
});

/** Body of an answer, as sent. */
export type SubmitAnswerRequest = z.input<typeof submitAnswerSchema>;

const groupRefSchema = z.string().regex(/^group:[a-z0-9._-]+\/[a-z0-9._-]+$/i, {
  error:
    'audience groups must be group entity refs like group:default/checkout',
});

/** Who a campaign asks: everyone, or the members of some groups. */
export const audienceSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('all') }),
  z.strictObject({
    type: z.literal('groups'),
    groups: z
      .array(groupRefSchema)
      .min(1, { error: 'a group audience needs at least one group' })
      .max(100),
  }),
]);

const isoDate = (field: string) =>
  z.iso.datetime({
    offset: true,
    error: `${field} must be an ISO 8601 date-time, e.g. 2026-01-05T09:00:00Z`,
  });

const campaignFields = {
  title: z.string().trim().min(1, { error: 'title is required' }).max(200),
  question: z.string().trim().min(1).max(500).default(NPS_QUESTION),
  followUp: z.string().trim().min(1).max(500).default(NPS_FOLLOW_UP),
  opensAt: isoDate('opensAt'),
  closesAt: isoDate('closesAt'),
  audience: audienceSchema.default({ type: 'all' }),
};

const closesAfterOpens = (c: { opensAt?: string; closesAt?: string }) =>
  !c.opensAt || !c.closesAt || Date.parse(c.closesAt) > Date.parse(c.opensAt);

// The window is checked even when another field is wrong, so a form can show
// every problem at once; only when both dates are dates.
const bothDates = (payload: { value: unknown }) => {
  const c = payload.value as { opensAt?: unknown; closesAt?: unknown };
  return [c?.opensAt, c?.closesAt].every(
    d =>
      d === undefined ||
      (typeof d === 'string' && !Number.isNaN(Date.parse(d))),
  );
};

/** Body of a new campaign. */
export const createCampaignSchema = z
  .strictObject(campaignFields)
  .refine(closesAfterOpens, {
    error: 'closesAt must be after opensAt',
    path: ['closesAt'],
    when: bothDates,
  });

/** Body of a campaign edit (only before it opens). */
export const updateCampaignSchema = z
  .strictObject({
    title: campaignFields.title.optional(),
    question: z.string().trim().min(1).max(500).optional(),
    followUp: z.string().trim().min(1).max(500).optional(),
    opensAt: campaignFields.opensAt.optional(),
    closesAt: campaignFields.closesAt.optional(),
    audience: audienceSchema.optional(),
  })
  .refine(closesAfterOpens, {
    error: 'closesAt must be after opensAt',
    path: ['closesAt'],
    when: bothDates,
  });

/** Body of a new campaign, as sent. */
export type CreateCampaignRequest = z.input<typeof createCampaignSchema>;
/** Body of a campaign edit, as sent. */
export type UpdateCampaignRequest = z.input<typeof updateCampaignSchema>;

/** A campaign id in a path: a UUID. */
export const campaignIdSchema = z.uuid({ error: 'campaign id must be a UUID' });

/** A theme a platform PM tags comments with, e.g. "ci speed". */
export const themeSchema = z
  .string({ error: 'themes must be text' })
  .trim()
  .min(1, { error: 'a theme cannot be empty' })
  .max(60, { error: 'a theme must be at most 60 characters' });

/** Body of a comment's themes: the whole new set. */
export const setThemesSchema = z.strictObject({
  themes: z
    .array(themeSchema)
    .max(10, { error: 'at most 10 themes per comment' })
    .transform(themes => [...new Set(themes)]),
});

/** Body of a comment's themes, as sent. */
export type SetThemesRequest = z.input<typeof setThemesSchema>;

/** A response id in a path: a UUID. */
export const responseIdSchema = z.uuid({ error: 'response id must be a UUID' });

/** Query of the theme demand: one or more themes (`?theme=a&theme=b`). */
export const themeDemandQuerySchema = z.strictObject({
  theme: z
    .union([themeSchema, z.array(themeSchema).min(1).max(20)])
    .transform(t => (Array.isArray(t) ? t : [t])),
});

/**
 * Body of `POST /theme-demand/latest`: the themes to rank (up to 500, e.g. every
 * theme linked to a roadmap item) and how many to return.
 */
export const latestThemeDemandSchema = z.strictObject({
  themes: z
    .array(themeSchema, { error: 'themes must be a list' })
    .min(1, { error: 'themes needs at least one theme' })
    .max(500, { error: 'at most 500 themes' })
    .transform(t => [...new Set(t)]),
  limit: z
    .number({ error: 'limit must be a number' })
    .int({ error: 'limit must be a whole number' })
    .min(1, { error: 'limit must be at least 1' })
    .max(50, { error: 'limit must be at most 50' })
    .default(5),
});
/** Body of `POST /theme-demand/latest`, as sent. */
export type LatestThemeDemandRequest = z.input<typeof latestThemeDemandSchema>;
