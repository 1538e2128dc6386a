import { parseEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import {
  DEPLOYMENT_STATUSES,
  DeploymentStatus,
  MAX_BATCH,
  MAX_COMMITS,
  MAX_WINDOW_DAYS,
} from './model';

// The object's own message for a wrong type; zod's own for unknown keys ("Unrecognized key: …").
const objectError = (message: string) => (issue: { code?: string }) =>
  issue.code === 'invalid_type' ? message : undefined;

// An ISO 8601 time with a zone ("2026-11-24T09:30:00Z", "…+01:00"). A plain
// pattern and Date.parse: deliveries hold thousands of times.
const ISO_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const time = (field: string) =>
  z
    .string({ error: `${field} must be an ISO 8601 time with a zone` })
    .transform((value, ctx) => {
      const at = ISO_TIME.test(value) ? Date.parse(value) : NaN;
      if (Number.isNaN(at)) {
        ctx.addIssue({
          code: 'custom',
          message: `${field} must be an ISO 8601 time with a zone, such as 2026-11-24T09:30:00Z`,
        });
        return z.NEVER;
      }
      return at;
    });

const ENTITY_NAME = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/i;
// Deliveries name the same few services thousands of times.
const normalised = new Map<string, string | null>();

/** Normalises an entity ref of one kind ("checkout-api" → "component:default/checkout-api"), lower case. */
export function normaliseEntityRef(
  value: string,
  kind: 'component' | 'user' | 'group',
): string | undefined {
  const key = `${kind}\u0000${value}`;
  const known = normalised.get(key);
  if (known !== undefined) return known ?? undefined;
  let result: string | null = null;
  try {
    const ref = parseEntityRef(value, {
      defaultKind: kind,
      defaultNamespace: 'default',
    });
    if (
      ref.kind.toLocaleLowerCase('en-US') === kind &&
      ENTITY_NAME.test(ref.name) &&
      ENTITY_NAME.test(ref.namespace)
    ) {
      result = `${kind}:${ref.namespace}/${ref.name}`.toLocaleLowerCase(
        'en-US',
      );
    }
  } catch {
    result = null;
  }
  if (normalised.size > 10_000) normalised.clear();
  normalised.set(key, result);
  return result ?? undefined;
}

const EXAMPLE_REFS = {
  component: 'component:default/checkout-api',
  user: 'user:default/jonas.weber',
  group: 'group:default/checkout',
};

const entityRef = (field: string, kind: 'component' | 'user' | 'group') =>
  z
    .string({ error: `${field} must be a ${kind} entity ref` })
    .max(255, { error: `${field} is longer than 255 characters` })
    .transform((value, ctx) => {
      const ref = normaliseEntityRef(value, kind);
      if (!ref) {
        ctx.addIssue({
          code: 'custom',
          message: `${field} must be a ${kind} entity ref such as ${EXAMPLE_REFS[kind]}, got "${value}"`,
        });
        return z.NEVER;
      }
      return ref;
    });

const source = z
  .string({ error: 'source must be a text naming the sending tool' })
  .regex(/^[a-z0-9][a-z0-9_.:-]*$/i, {
    error: 'source must be letters, digits and - _ . : (e.g. github-actions)',
  })
  .max(100, { error: 'source is longer than 100 characters' })
  .transform(s => s.toLocaleLowerCase('en-US'));

const externalId = z
  .string({
    error: 'externalId must be the id the sending tool gave the event',
  })
  .min(1, { error: 'externalId must not be empty' })
  .max(255, { error: 'externalId is longer than 255 characters' });

const deploymentKey = (field: string) =>
  z.strictObject(
    { source, externalId },
    {
      error: objectError(
        `${field} must be { source, externalId } of a deployment`,
      ),
    },
  );

const commitSchema = z.strictObject(
  {
    sha: z
      .string({ error: 'sha must be a commit hash' })
      .regex(/^[0-9a-f]{7,64}$/i, {
        error: 'sha must be 7 to 64 hexadecimal characters',
      })
      .transform(s => s.toLowerCase()),
    committedAt: time('committedAt'),
  },
  { error: objectError('a commit must be { sha, committedAt }') },
);

/** One deployment as a CI/CD tool sends it. */
export const deploymentEventSchema = z
  .strictObject(
    {
      source,
      externalId,
      service: entityRef('service', 'component'),
      environment: z
        .string({ error: 'environment must be a name such as production' })
        .regex(/^[a-z0-9][a-z0-9_.-]*$/i, {
          error: 'environment must be a name such as production or staging',
        })
        .max(40, { error: 'environment is longer than 40 characters' })
        .transform(s => s.toLocaleLowerCase('en-US')),
      status: z.enum(DEPLOYMENT_STATUSES, {
        error: `status must be one of ${DEPLOYMENT_STATUSES.join(', ')}`,
      }),
      startedAt: time('startedAt'),
      finishedAt: time('finishedAt'),
      commits: z
        .array(commitSchema, { error: 'commits must be a list' })
        .max(MAX_COMMITS, {
          error: `commits holds at most ${MAX_COMMITS} commits`,
        })
        .default([]),
      rework: z
        .boolean({ error: 'rework must be true or false' })
        .default(false),
      deployer: entityRef('deployer', 'user').optional(),
    },
    { error: objectError('a deployment must be a JSON object') },
  )
  .superRefine((d, ctx) => {
    if (d.finishedAt < d.startedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['finishedAt'],
        message: 'finishedAt must not be before startedAt',
      });
    }
    const seen = new Set<string>();
    d.commits.forEach((c, i) => {
      if (seen.has(c.sha)) {
        ctx.addIssue({
          code: 'custom',
          path: ['commits', i, 'sha'],
          message: `commit ${c.sha} is listed twice`,
        });
      }
      seen.add(c.sha);
    });
  });

const DEPLOYMENT_KEYS = new Set([
  'source',
  'externalId',
  'service',
  'environment',
  'status',
  'startedAt',
  'finishedAt',
  'commits',
  'rework',
  'deployer',
]);
const SOURCE = /^[a-z0-9][a-z0-9_.:-]*$/i;
const ENVIRONMENT = /^[a-z0-9][a-z0-9_.-]*$/i;
const SHA = /^[0-9a-f]{7,64}$/i;

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const prototype = Object.getPrototypeOf(v);
  return prototype === Object.prototype || prototype === null;
};

// The epoch milliseconds of an ISO time, or NaN (as the schema's `time`).
const fastTime = (v: unknown) =>
  typeof v === 'string' && ISO_TIME.test(v) ? Date.parse(v) : NaN;

/**
 * {@link deploymentEventSchema}'s common case, checked by hand: the same
 * event (same keys in the same order, so the same content hash) when the
 * schema would accept it, undefined whenever anything is off or unusual.
 * Deliveries hold thousands of events, and zod's machinery cost about a
 * fifth of ingestion's Node CPU; the schema stays the rule and writes every
 * message: {@link parseEventBatch} falls back to it for any event this
 * refuses (a property test checks the two agree).
 */
export function fastDeploymentEvent(
  item: unknown,
): DeploymentEvent | undefined {
  if (!isPlainObject(item)) return undefined;
  for (const key in item) {
    if (!DEPLOYMENT_KEYS.has(key) || item[key] === undefined) return undefined;
  }
  const { source: src, externalId: id, service, environment, status } = item;
  if (
    typeof src !== 'string' ||
    src.length > 100 ||
    !SOURCE.test(src) ||
    typeof id !== 'string' ||
    id.length < 1 ||
    id.length > 255 ||
    typeof service !== 'string' ||
    service.length > 255 ||
    typeof environment !== 'string' ||
    environment.length > 40 ||
    !ENVIRONMENT.test(environment) ||
    (status !== 'success' && status !== 'failed' && status !== 'rolled_back')
  ) {
    return undefined;
  }
  const serviceRef = normaliseEntityRef(service, 'component');
  const startedAt = fastTime(item.startedAt);
  const finishedAt = fastTime(item.finishedAt);
  // NaN fails every comparison: an unreadable time falls back too.
  if (!serviceRef || !(finishedAt >= startedAt)) return undefined;
  // Only a missing field takes its default: null is refused.
  const rework = item.rework === undefined ? false : item.rework;
  if (typeof rework !== 'boolean') return undefined;
  let deployer: string | undefined;
  if ('deployer' in item) {
    const d = item.deployer;
    if (typeof d !== 'string' || d.length > 255) return undefined;
    deployer = normaliseEntityRef(d, 'user');
    if (!deployer) return undefined;
  }
  const given = item.commits === undefined ? [] : item.commits;
  if (!Array.isArray(given) || given.length > MAX_COMMITS) return undefined;
  const commits = new Array<{ sha: string; committedAt: number }>(given.length);
  for (let i = 0; i < given.length; i++) {
    const c = given[i];
    if (!isPlainObject(c)) return undefined;
    let keys = 0;
    for (const key in c) {
      if (key === 'sha' || key === 'committedAt') keys++;
      else return undefined;
    }
    const sha = c.sha;
    const committedAt = fastTime(c.committedAt);
    if (
      keys !== 2 ||
      typeof sha !== 'string' ||
      !SHA.test(sha) ||
      Number.isNaN(committedAt)
    ) {
      return undefined;
    }
    const lower = sha.toLowerCase();
    // A commit listed twice: the schema names it (rare, so a scan).
    for (let j = 0; j < i; j++) {
      if (commits[j].sha === lower) return undefined;
    }
    commits[i] = { sha: lower, committedAt };
  }
  const event: DeploymentEvent = {
    source: src.toLocaleLowerCase('en-US'),
    externalId: id,
    service: serviceRef,
    environment: environment.toLocaleLowerCase('en-US'),
    status,
    startedAt,
    finishedAt,
    commits,
    rework,
  };
  if (deployer !== undefined) event.deployer = deployer;
  return event;
}

/** A deployment event after validation: refs normalised, times in epoch ms. */
export type DeploymentEvent = z.output<typeof deploymentEventSchema> & {
  status: DeploymentStatus;
};
/** A deployment as the sending tool writes it (times as ISO 8601 text). */
export type DeploymentEventInput = z.input<typeof deploymentEventSchema>;

/** One incident as an incident tool sends it. */
export const incidentEventSchema = z
  .strictObject(
    {
      source,
      externalId,
      service: entityRef('service', 'component'),
      openedAt: time('openedAt'),
      resolvedAt: time('resolvedAt').nullable().optional(),
      causedBy: deploymentKey('causedBy').optional(),
      restoredBy: deploymentKey('restoredBy').optional(),
    },
    { error: objectError('an incident must be a JSON object') },
  )
  .superRefine((i, ctx) => {
    if (typeof i.resolvedAt === 'number' && i.resolvedAt < i.openedAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['resolvedAt'],
        message: 'resolvedAt must not be before openedAt',
      });
    }
  });

/** An incident event after validation. */
export type IncidentEvent = z.output<typeof incidentEventSchema>;
/** An incident as the sending tool writes it. */
export type IncidentEventInput = z.input<typeof incidentEventSchema>;

/** The outcome of reading a delivery: every event, or every problem. */
export type BatchParse<T> =
  | { ok: true; events: T[] }
  | { ok: false; problems: string[] };

function path(index: number, issuePath: ReadonlyArray<PropertyKey>): string {
  let text = `events[${index}]`;
  for (const part of issuePath) {
    text += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
  }
  return text;
}

/**
 * Reads a delivery: one event (a JSON object) or a batch (a JSON array of up
 * to {@link MAX_BATCH}). Any invalid event refuses the whole delivery; each
 * problem names the event's index and the field ("events[3].finishedAt: …").
 * The same (source, externalId) twice with different content is refused too:
 * which one is meant cannot be known. Identical repeats collapse into one.
 */
export function parseEventBatch<S extends z.ZodType>(
  schema: S,
  body: unknown,
  fast?: (item: unknown) => z.output<S> | undefined,
): BatchParse<z.output<S>> {
  const items = Array.isArray(body) ? body : [body];
  if (body === null || typeof body !== 'object') {
    return {
      ok: false,
      problems: [
        'the body must be one event (a JSON object) or a JSON array of events',
      ],
    };
  }
  if (items.length === 0) {
    return { ok: false, problems: ['the batch is empty'] };
  }
  if (items.length > MAX_BATCH) {
    return {
      ok: false,
      problems: [
        `a batch holds at most ${MAX_BATCH} events; this one has ${items.length}`,
      ],
    };
  }
  const problems: string[] = [];
  const events: Array<z.output<S>> = [];
  const byKey = new Map<string, { index: number; event: unknown }>();
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    // The hand-written check when given, the schema for anything it refuses.
    let data = fast?.(item);
    if (data === undefined) {
      const result = schema.safeParse(item);
      if (!result.success) {
        for (const issue of result.error.issues) {
          problems.push(`${path(index, issue.path)}: ${issue.message}`);
        }
        continue;
      }
      data = result.data;
    }
    const event = data as { source: string; externalId: string };
    const key = `${event.source}\u0000${event.externalId}`;
    const earlier = byKey.get(key);
    if (earlier) {
      // Contents are compared only for a repeated id (rare): batches hold thousands.
      if (JSON.stringify(earlier.event) !== JSON.stringify(event)) {
        problems.push(
          `events[${index}].externalId: "${event.externalId}" from ${event.source} is also events[${earlier.index}], with different content`,
        );
      }
      continue;
    }
    byKey.set(key, { index, event });
    events.push(data);
  }
  return problems.length ? { ok: false, problems } : { ok: true, events };
}

const windowDays = z.coerce
  .number({ error: 'windowDays must be a number of days' })
  .int({ error: 'windowDays must be a whole number of days' })
  .min(7, { error: 'windowDays must be at least 7' })
  .max(MAX_WINDOW_DAYS, {
    error: `windowDays must be at most ${MAX_WINDOW_DAYS}`,
  });

/**
 * Query of the DORA endpoint: one scope (organisation, a team or a service) and
 * the window, `windowDays` long, ending with the day `end` (UTC, included;
 * default today). The service refuses an `end` after today.
 */
export const doraQuerySchema = z
  .strictObject({
    team: entityRef('team', 'group').optional(),
    service: entityRef('service', 'component').optional(),
    windowDays: windowDays.optional(),
    end: z.iso
      .date({ error: 'end must be a real date like 2026-09-30' })
      .optional(),
  })
  .refine(q => !(q.team && q.service), {
    error: 'choose a team or a service, not both',
    path: ['team'],
  });
/** A DORA query after validation. */
export type DoraQuery = z.output<typeof doraQuerySchema>;

const cohortCount = (field: string, max: number) =>
  z.coerce
    .number({ error: `${field} must be a number` })
    .int({ error: `${field} must be a whole number` })
    .min(1, { error: `${field} must be at least 1` })
    .max(max, { error: `${field} must be at most ${max}` });

/**
 * Query of the onboarding endpoint: how many monthly cohorts (`months`), or
 * cohorts pooled by joining quarter (`quarters`); not both.
 */
export const onboardingQuerySchema = z
  .strictObject({
    months: cohortCount('months', 36).optional(),
    quarters: cohortCount('quarters', 12).optional(),
  })
  .refine(q => q.months === undefined || q.quarters === undefined, {
    error: 'choose months or quarters, not both',
    path: ['quarters'],
  });
/** An onboarding query after validation. */
export type OnboardingQuery = z.output<typeof onboardingQuerySchema>;

/** Query of the release-impact endpoint. */
export const releaseImpactQuerySchema = z.strictObject({
  release: z
    .string({ error: 'release must name a release' })
    .regex(/^(roadmap|marker):[A-Za-z0-9_-]{1,64}$/, {
      error: 'release must be an id such as marker:12 or roadmap:<item id>',
    }),
  days: z.coerce
    .number({ error: 'days must be a number' })
    .int({ error: 'days must be a whole number' })
    .min(7, { error: 'days must be at least 7' })
    .max(180, { error: 'days must be at most 180' })
    .optional(),
});

/** Body of a release marker a platform PM adds. */
export const releaseMarkerSchema = z.strictObject({
  title: z
    .string({ error: 'title is required' })
    .trim()
    .min(1, { error: 'title must not be empty' })
    .max(200, { error: 'title is longer than 200 characters' }),
  releasedAt: z
    .string({ error: 'releasedAt must be a date such as 2026-10-01' })
    .pipe(
      z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
        error: 'releasedAt must be a date such as 2026-10-01',
      }),
    )
    .transform(s => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)),
  description: z
    .string({ error: 'description must be text' })
    .max(2000, { error: 'description is longer than 2000 characters' })
    .optional(),
});
/** A release marker's body after validation. */
export type ReleaseMarkerInput = z.output<typeof releaseMarkerSchema>;

/** Path parameter naming a marker. */
export const markerIdSchema = z.coerce
  .number({ error: 'marker id must be a number' })
  .int({ error: 'marker id must be a whole number' })
  .positive({ error: 'marker id must be positive' });

/** Query of the unmapped-services list. */
export const unmappedQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int({ error: 'limit must be a whole number' })
    .min(1, { error: 'limit must be at least 1' })
    .max(500, { error: 'limit must be at most 500' })
    .optional(),
});
