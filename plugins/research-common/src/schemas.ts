import { z } from 'zod';
import { isValidQuarter } from '@paved/common';
import { DEFAULT_GUIDE } from './guide';
import { PARTICIPANT_GOAL, STUDY_STATUSES } from './model';

const text = (field: string, max: number) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .max(max, { error: `${field} must be at most ${max} characters` });

const required = (field: string, max: number) =>
  text(field, max).min(1, { error: `${field} is required` });

/** A person, as an entity ref: user:default/jonas.weber. */
export const userRefSchema = z
  .string({ error: 'people must be user entity refs' })
  .regex(/^user:[a-z0-9._-]+\/[a-z0-9._-]+$/i, {
    error: 'people must be user entity refs like user:default/jonas.weber',
  });

/** A theme of the shared list (the same themes as survey comments), e.g. "ci speed". */
export const themeSchema = z
  .string({ error: 'theme must be text' })
  .trim()
  .min(1, { error: 'theme is required' })
  .max(60, { error: 'theme must be at most 60 characters' });

/** An interview guide: the questions, in order. */
export const guideSchema = z
  .array(required('a question', 500), {
    error: 'guide must be a list of questions',
  })
  .min(1, { error: 'guide needs at least one question' })
  .max(30, { error: 'guide can hold at most 30 questions' });

const goalSchema = z
  .number({ error: 'goal must be a number' })
  .int({ error: 'goal must be a whole number' })
  .min(PARTICIPANT_GOAL.min, {
    error: `goal must be between ${PARTICIPANT_GOAL.min} and ${PARTICIPANT_GOAL.max} participants`,
  })
  .max(PARTICIPANT_GOAL.max, {
    error: `goal must be between ${PARTICIPANT_GOAL.min} and ${PARTICIPANT_GOAL.max} participants`,
  });

/** Body of a new study. */
export const createStudySchema = z.strictObject({
  title: required('title', 200),
  quarter: z
    .string({ error: 'quarter must be a quarter such as 2027-Q1' })
    .refine(isValidQuarter, {
      error: 'quarter must be a quarter such as 2027-Q1',
    }),
  goal: goalSchema.default(PARTICIPANT_GOAL.default),
  guide: guideSchema.default([...DEFAULT_GUIDE]),
});

/** Body of a study edit. */
export const updateStudySchema = z
  .strictObject({
    title: required('title', 200).optional(),
    goal: goalSchema.optional(),
    guide: guideSchema.optional(),
    status: z
      .enum(STUDY_STATUSES, {
        error: `status must be one of ${STUDY_STATUSES.join(', ')}`,
      })
      .optional(),
  })
  .refine(patch => Object.keys(patch).length > 0, {
    error: 'nothing to change',
  });

/** Body of a study's public summary: no names, what we heard and what we will (not) do. */
export const summarySchema = z.strictObject({
  heard: required('heard', 5000),
  willDo: required('willDo', 5000),
  willNotDo: required('willNotDo', 5000),
  publish: z.boolean({ error: 'publish must be true or false' }).default(false),
});

const slotSchema = z.iso.datetime({
  offset: true,
  error: 'slots must be ISO 8601 date-times, e.g. 2026-12-08T10:00:00Z',
});

/** Body of invitations: who, the slots they can choose from, an optional note. */
export const inviteSchema = z.strictObject({
  people: z
    .array(userRefSchema)
    .min(1, { error: 'invite at least one person' })
    .max(20, { error: 'invite at most 20 people at once' })
    .transform(people => [...new Set(people)]),
  slots: z
    .array(slotSchema)
    .min(1, { error: 'propose at least one slot' })
    .max(6, { error: 'propose at most 6 slots' })
    .transform(slots => [
      ...new Set(slots.map(s => new Date(s).toISOString())),
    ]),
  message: text('message', 1000).default(''),
});

/** Body of an acceptance: one of the proposed slots. */
export const acceptSchema = z.strictObject({ slot: slotSchema });

/** Body of an interview's raw notes (visible with research.notes.read only). */
export const rawNotesSchema = z.strictObject({
  rawNotes: text('rawNotes', 20000),
});

const observationFields = {
  text: required('text', 2000),
  theme: themeSchema,
  rootCause: text('rootCause', 1000).default(''),
  quote: z.boolean({ error: 'quote must be true or false' }).default(false),
  roadmapItemId: z
    .uuid({ error: 'roadmapItemId must be a roadmap item id' })
    .nullable()
    .default(null),
};

// An observation names its root cause; a quote is the participant's words and may not.
const rootCauseUnlessQuote = (o: { quote?: boolean; rootCause?: string }) =>
  Boolean(o.quote) || Boolean(o.rootCause);

/** Body of a new observation in an interview's notes. */
export const observationSchema = z
  .strictObject(observationFields)
  .refine(rootCauseUnlessQuote, {
    error: 'an observation needs a rootCause (quotes may leave it empty)',
    path: ['rootCause'],
  });

/** Body of an observation edit: the whole observation again. */
export const updateObservationSchema = observationSchema;

/** Body of "I'd talk to the platform team": nothing, so no survey answer can ride along. */
export const volunteerSchema = z.strictObject({});

/** Body of a new developer preview of a roadmap item. */
export const openPreviewSchema = z.strictObject({
  itemId: z.uuid({ error: 'itemId must be a roadmap item id' }),
  description: text('description', 2000).default(''),
});

/** Body of a notice to a preview's participants. */
export const previewNoticeSchema = z.strictObject({
  message: required('message', 1000),
});

/** Body of a participant's feedback on a preview. */
export const feedbackSchema = z.strictObject({
  text: required('text', 2000),
});

/** Body of a feedback note's themes: the whole new set. */
export const feedbackThemesSchema = z.strictObject({
  themes: z
    .array(themeSchema)
    .max(10, { error: 'at most 10 themes per feedback note' })
    .transform(themes => [...new Set(themes)]),
});

/** An id in a path: a UUID. */
export const idSchema = z.uuid({ error: 'id must be a UUID' });

/** Query of a roadmap item's interview demand. */
export const itemDemandQuerySchema = z.strictObject({
  item: z.uuid({ error: 'item must be a roadmap item id' }),
});

/** Query of the public summaries: those published since a day. */
export const summariesQuerySchema = z.strictObject({
  since: z.iso
    .date({ error: 'since must be a date like 2026-10-01' })
    .optional(),
});

/** Query of the previews: all, or the one of a roadmap item. */
export const previewsQuerySchema = z.strictObject({
  item: z.uuid({ error: 'item must be a roadmap item id' }).optional(),
});

/** Body of a new study, as sent. */
export type CreateStudyRequest = z.input<typeof createStudySchema>;
/** Body of a study edit, as sent. */
export type UpdateStudyRequest = z.input<typeof updateStudySchema>;
/** Body of a public summary, as sent. */
export type SummaryRequest = z.input<typeof summarySchema>;
/** Body of invitations, as sent. */
export type InviteRequest = z.input<typeof inviteSchema>;
/** Body of an observation, as sent. */
export type ObservationRequest = z.input<typeof observationSchema>;
/** Body of a new preview, as sent. */
export type OpenPreviewRequest = z.input<typeof openPreviewSchema>;
