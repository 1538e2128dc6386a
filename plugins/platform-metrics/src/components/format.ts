import {
  BAND_LABELS,
  Band,
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  MetricId,
} from '@paved/plugin-platform-metrics-common';

/** A duration as people read it: "35 min", "5.2 hours", "3.4 days". */
export function formatDuration(ms: number): string {
  if (ms < HOUR_MS) return `${Math.max(1, Math.round(ms / MINUTE_MS))} min`;
  if (ms < DAY_MS) {
    const hours = ms / HOUR_MS;
    return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} hours`;
  }
  const days = ms / DAY_MS;
  return `${days < 10 ? days.toFixed(1) : Math.round(days)} days`;
}

/** A share as a percentage with one decimal below 10%: "5.0%", "12%". */
export function formatPercent(ratio: number): string {
  const percent = ratio * 100;
  return `${percent < 10 ? percent.toFixed(1) : Math.round(percent)}%`;
}

/** Deployments per day as a rate: "4.2 per day", or per week below one a day. */
export function formatFrequency(perDay: number): string {
  if (perDay >= 1) return `${perDay.toFixed(1)} per day`;
  const perWeek = perDay * 7;
  return `${perWeek < 10 ? perWeek.toFixed(1) : Math.round(perWeek)} per week`;
}

/** A metric's value in its unit. */
export function formatMetric(metric: MetricId, value: number | null): string {
  if (value === null) return '—';
  switch (metric) {
    case 'deploymentFrequency':
      return formatFrequency(value);
    case 'leadTime':
    case 'recoveryTime':
      return formatDuration(value);
    default:
      return formatPercent(value);
  }
}

/** A change in a metric's unit, with its sign: "+1.2 days", "−3.0%", "+0.4 per day". */
export function formatChange(metric: MetricId, value: number): string {
  let sign = '±';
  if (value > 0) sign = '+';
  if (value < 0) sign = '−';
  const size = Math.abs(value);
  if (metric === 'deploymentFrequency')
    return `${sign}${size.toFixed(2)} per day`;
  if (metric === 'leadTime' || metric === 'recoveryTime') {
    return `${sign}${formatDuration(size)}`;
  }
  return `${sign}${(size * 100).toFixed(1)} pts`;
}

/** An interval of changes, the unit once: "−0.04 to +0.09 per day", "−2.1 to −0.3 days". */
export function formatInterval(
  metric: MetricId,
  [low, high]: [number, number],
): string {
  const lowText = formatChange(metric, low);
  const highText = formatChange(metric, high);
  const unit = (text: string) => text.replace(/^[+−±][\d.]+\s?/, '');
  const number = (text: string) =>
    text.slice(0, text.length - unit(text).length).trim();
  return unit(lowText) === unit(highText)
    ? `${number(lowText)} to ${number(highText)} ${unit(highText)}`
    : `${lowText} to ${highText}`;
}

/**
 * A band chip's colours: dark shades, so white text keeps a contrast of at
 * least 4.5:1 (the theme's light info and warning chips do not).
 */
export function bandChipSx(band: Band) {
  const background = {
    elite: '#1b5e20',
    high: '#0d47a1',
    medium: '#8a4b00',
    low: '#b71c1c',
  }[band];
  return { backgroundColor: background, color: '#ffffff' };
}

/** A band's label. */
export const bandLabel = (band: Band) => BAND_LABELS[band];

/** "Jan 2026" from a "2026-01" cohort key, "Q3 2026" from "2026-Q3". */
export function cohortLabel(key: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const [year, month] = key.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "24 Nov 2026" from an ISO time. */
export function dateLabel(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The catalog page of an entity ref. */
export function catalogPath(ref: string): string {
  const match = /^([^:]+):([^/]+)\/(.+)$/.exec(ref);
  if (!match) return '/catalog';
  return `/catalog/${match[2]}/${match[1]}/${match[3]}`;
}
