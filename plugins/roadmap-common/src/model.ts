/** Where an item sits on the 6-month roadmap. */
export const HORIZONS = ['now', 'next', 'later'] as const;
/** Where an item sits on the roadmap. */
export type Horizon = (typeof HORIZONS)[number];

/** The delivery stages, in order; `declined` leaves the sequence and needs a reason. */
export const STATUSES = [
  'exploring',
  'in-design',
  'building',
  'alpha',
  'beta',
  'generally-available',
  'declined',
] as const;
/** An item's delivery stage. */
export type RoadmapStatus = (typeof STATUSES)[number];

/** What part of the platform an item is about. */
export const CATEGORIES = [
  'ci-cd',
  'observability',
  'golden-paths',
  'infrastructure',
  'developer-portal',
  'security',
  'data',
] as const;
/** What part of the platform an item is about. */
export type Category = (typeof CATEGORIES)[number];

/** Human labels for statuses, horizons and categories. */
export const LABELS: Record<RoadmapStatus | Horizon | Category, string> = {
  exploring: 'Exploring',
  'in-design': 'In design',
  building: 'Building',
  alpha: 'Alpha',
  beta: 'Beta',
  'generally-available': 'Generally available',
  declined: 'Not doing',
  now: 'Now',
  next: 'Next',
  later: 'Later',
  'ci-cd': 'CI/CD',
  observability: 'Observability',
  'golden-paths': 'Golden paths',
  infrastructure: 'Infrastructure',
  'developer-portal': 'Developer portal',
  security: 'Security',
  data: 'Data',
};
