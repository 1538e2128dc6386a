/** The metrics the health page shows, each read from the plugin that owns it. */
export const HEALTH_METRIC_IDS = [
  'nps',
  'participation',
  'adoption',
  'onboarding',
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recoveryTime',
  'reworkRate',
] as const;

/** One health metric. */
export type HealthMetricId = (typeof HEALTH_METRIC_IDS)[number];

/** Which way a metric gets better. */
export type Direction = 'up' | 'down';

/** The unit a health metric (and every OKR bound to it) is expressed in. */
export type HealthUnit = 'points' | 'percent' | 'days' | 'hours' | 'perWeek';

/** What the health page and OKRs need to know about a metric. */
export interface HealthMetricDefinition {
  id: HealthMetricId;
  label: string;
  /** Leading metrics are reviewed monthly; lagging metrics (DORA) around releases. */
  kind: 'leading' | 'lagging';
  unit: HealthUnit;
  direction: Direction;
  /** The portal page that shows the metric in detail. */
  detailPath: string;
  /** The plugin whose API the value is read from. */
  owner: 'nps' | 'golden-paths' | 'platform-metrics';
}

/** Every health metric, in the order the page shows them. */
export const HEALTH_METRICS: Record<HealthMetricId, HealthMetricDefinition> = {
  nps: {
    id: 'nps',
    label: 'Platform NPS',
    kind: 'leading',
    unit: 'points',
    direction: 'up',
    detailPath: '/nps',
    owner: 'nps',
  },
  participation: {
    id: 'participation',
    label: 'Survey participation',
    kind: 'leading',
    unit: 'percent',
    direction: 'up',
    detailPath: '/nps',
    owner: 'nps',
  },
  adoption: {
    id: 'adoption',
    label: 'Golden-path adoption',
    kind: 'leading',
    unit: 'percent',
    direction: 'up',
    detailPath: '/golden-paths?tab=adoption',
    owner: 'golden-paths',
  },
  onboarding: {
    id: 'onboarding',
    label: 'Time to first deployment (median)',
    kind: 'leading',
    unit: 'days',
    direction: 'down',
    detailPath: '/delivery',
    owner: 'platform-metrics',
  },
  deploymentFrequency: {
    id: 'deploymentFrequency',
    label: 'Deployment frequency',
    kind: 'lagging',
    unit: 'perWeek',
    direction: 'up',
    detailPath: '/delivery',
    owner: 'platform-metrics',
  },
  leadTime: {
    id: 'leadTime',
    label: 'Lead time for changes',
    kind: 'lagging',
    unit: 'hours',
    direction: 'down',
    detailPath: '/delivery',
    owner: 'platform-metrics',
  },
  changeFailureRate: {
    id: 'changeFailureRate',
    label: 'Change failure rate',
    kind: 'lagging',
    unit: 'percent',
    direction: 'down',
    detailPath: '/delivery',
    owner: 'platform-metrics',
  },
  recoveryTime: {
    id: 'recoveryTime',
    label: 'Failed-deployment recovery time',
    kind: 'lagging',
    unit: 'hours',
    direction: 'down',
    detailPath: '/delivery',
    owner: 'platform-metrics',
  },
  reworkRate: {
    id: 'reworkRate',
    label: 'Deployment rework rate',
    kind: 'lagging',
    unit: 'percent',
    direction: 'down',
    detailPath: '/delivery',
    owner: 'platform-metrics',
  },
};

/** The DORA metrics among the health metrics, as platform-metrics names them. */
export const DORA_HEALTH_METRICS = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recoveryTime',
  'reworkRate',
] as const satisfies readonly HealthMetricId[];

/** One DORA metric on the health page. */
export type DoraHealthMetric = (typeof DORA_HEALTH_METRICS)[number];

/** The DORA 2023 bands, best first (the same names platform-metrics classifies with). */
export const DORA_BAND_ORDER = ['elite', 'high', 'medium', 'low'] as const;
/** One DORA band. */
export type DoraBand = (typeof DORA_BAND_ORDER)[number];

/** A band as a number on which higher is better: elite 4 … low 1. */
export function bandScore(band: DoraBand): number {
  return DORA_BAND_ORDER.length - DORA_BAND_ORDER.indexOf(band);
}

/** A value with its unit, as people read it: "+23", "67%", "9.5 days". */
export function formatHealthValue(value: number, unit: HealthUnit): string {
  const minus = '\u2212';
  const sign = (v: number) => (v < 0 ? minus : '');
  const abs = Math.abs(value);
  switch (unit) {
    case 'points':
      return `${value > 0 ? '+' : sign(value)}${Math.round(abs)}`;
    case 'percent':
      return `${sign(value)}${Math.round(abs)}%`;
    case 'days':
      return `${sign(value)}${round1(abs)} ${abs === 1 ? 'day' : 'days'}`;
    case 'hours':
      return abs >= 48
        ? `${sign(value)}${round1(abs / 24)} days`
        : `${sign(value)}${round1(abs)} h`;
    case 'perWeek':
      return `${sign(value)}${round1(abs)}/week`;
    default:
      return String(value);
  }
}

function round1(value: number): string {
  return String(Math.round(value * 10) / 10);
}
