import { parseEntityRef } from '@backstage/catalog-model';
import {
  AdoptionRate,
  RunSummary,
  formatRate,
} from '@paved/plugin-golden-paths-common';

/** An entity reference split into its parts. */
export type EntityRefParts = { kind: string; namespace: string; name: string };

/**
 * Splits "kind:namespace/name" (kind and namespace optional), e.g. an owner
 * "group:default/platform-team" or "platform-team".
 */
export function parseRef(ref: string, defaultKind: string): EntityRefParts {
  const { kind, namespace, name } = parseEntityRef(ref, {
    defaultKind,
    defaultNamespace: 'default',
  });
  return { kind: kind.toLocaleLowerCase('en-US'), namespace, name };
}

/** An entity's page in the catalog, e.g. "/catalog/default/group/platform-team". */
export function catalogPath(ref: string, defaultKind: string): string {
  const { kind, namespace, name } = parseRef(ref, defaultKind);
  return `/catalog/${[namespace, kind, name]
    .map(encodeURIComponent)
    .join('/')}`;
}

/** Where the Scaffolder runs a template. */
export function scaffolderPath(namespace: string, name: string): string {
  return `/create/templates/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}

/** A timestamp as a readable day, e.g. "24 Nov 2026". */
export function formatDate(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
}

/** A 95% interval as whole percentages, e.g. "35–83%". */
export function intervalLabel(adoption: NonNullable<AdoptionRate>): string {
  return `${Math.round(adoption.low * 100)}–${Math.round(
    adoption.high * 100,
  )}%`;
}

/**
 * An adoption rate with its n and interval, e.g. "62% of 13 new components
 * (95% interval 35–83%)".
 */
export function adoptionSentence(
  adoption: NonNullable<AdoptionRate>,
  newComponents: number,
): string {
  const noun = newComponents === 1 ? 'new component' : 'new components';
  return `${formatRate(
    adoption.rate,
  )} of ${newComponents} ${noun} (95% interval ${intervalLabel(adoption)})`;
}

/** A count with its noun, e.g. "1 service", "3 services". */
export function plural(count: number, singular: string, pluralForm?: string) {
  return `${count} ${count === 1 ? singular : pluralForm ?? `${singular}s`}`;
}

/** How the recorded Scaffolder runs went, e.g. "94% of 48 runs succeeded". */
export function runsLabel(runs: RunSummary): string {
  const finished = runs.completed + runs.failed;
  const cancelled = runs.total - finished;
  if (runs.total === 0) return 'No runs yet';
  if (finished === 0 || runs.successRate === null) {
    return `No finished runs yet (${plural(cancelled, 'cancelled run')})`;
  }
  const label = `${formatRate(runs.successRate)} of ${plural(
    finished,
    'run',
  )} succeeded`;
  return cancelled > 0
    ? `${label} (${plural(cancelled, 'cancelled run')} not counted)`
    : label;
}

/** A run time in milliseconds as people read it, e.g. 80000 → "1 min 20 s". */
export function formatRunTime(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const seconds = Math.round(ms / 1000);
  if (seconds < 1) return 'under 1 s';
  const h = Math.floor(seconds / 3600);
  const min = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return min > 0 ? `${h} h ${min} min` : `${h} h`;
  if (min > 0) return s > 0 ? `${min} min ${s} s` : `${min} min`;
  return `${s} s`;
}

/** The parts of an ISO 8601 duration such as "P1DT2H30M". */
export type IsoDuration = {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
};

const ISO_DURATION =
  /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

/** Parses an ISO 8601 duration ("PT6H", "P1DT30M"); undefined when it is not one. */
export function parseIsoDuration(value: string): IsoDuration | undefined {
  const text = value.trim().toUpperCase();
  const match = ISO_DURATION.exec(text);
  // "P" and "P1DT" match the pattern but name no amount.
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  if (match.slice(1).every(part => part === undefined)) return undefined;
  const [years, months, weeks, days, hours, minutes, seconds] = match
    .slice(1)
    .map(part => (part === undefined ? 0 : Number(part.replace(',', '.'))));
  return { years, months, weeks, days, hours, minutes, seconds };
}

const UNITS = [
  { seconds: 86400, singular: 'day', plural: 'days' },
  { seconds: 3600, singular: 'hour', plural: 'hours' },
  { seconds: 60, singular: 'minute', plural: 'minutes' },
  { seconds: 1, singular: 'second', plural: 'seconds' },
];

/**
 * A template's `backstage.io/time-saved` as people read it, e.g. "PT6H" →
 * "about 6 hours", "PT90M" → "about 1.5 hours"; undefined when the value is
 * missing, not an ISO 8601 duration, or zero.
 */
export function humaniseTimeSaved(
  value: string | null | undefined,
): string | undefined {
  if (!value) return undefined;
  const d = parseIsoDuration(value);
  if (!d) return undefined;
  // Calendar units as Backstage's own time-saved reports count them.
  const total =
    d.years * 365 * 86400 +
    d.months * 30 * 86400 +
    d.weeks * 7 * 86400 +
    d.days * 86400 +
    d.hours * 3600 +
    d.minutes * 60 +
    d.seconds;
  if (total <= 0) return undefined;
  const unit = UNITS.find(u => total >= u.seconds) ?? UNITS[UNITS.length - 1];
  const amount = total / unit.seconds;
  const rounded =
    amount < 10 ? Math.round(amount * 10) / 10 : Math.round(amount);
  return `about ${rounded} ${rounded === 1 ? unit.singular : unit.plural}`;
}

/**
 * A Markdown link target made safe: http(s), mailto and relative links pass;
 * anything else (javascript:, data:, …) becomes no link at all.
 */
export function safeLinkUri(href: string): string {
  const trimmed = href.trim();
  // Control characters can hide a scheme ("java\tscript:").
  if ([...trimmed].some(c => c.charCodeAt(0) < 0x20)) return '';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) return trimmed;
  return ['http', 'https', 'mailto'].includes(scheme) ? trimmed : '';
}

/** An image in a guide: http(s) and relative sources only. */
export function safeImageUri(src: string): string {
  const safe = safeLinkUri(src);
  return safe.toLowerCase().startsWith('mailto:') ? '' : safe;
}
