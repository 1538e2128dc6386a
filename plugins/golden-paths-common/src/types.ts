import { AdoptionRate } from './adoption';
import { QuarterKey } from '@paved/common';

/**
 * Scaffolder run outcomes Paved records. `refused`: the run stopped at the name
 * check before anything was written; not counted in a path's success rate.
 */
export type RunStatus = 'completed' | 'failed' | 'cancelled' | 'refused';

/** A golden path as the catalog page shows it. */
export type GoldenPath = {
  /** The Template entity ref, e.g. "template:default/typescript-service". */
  templateRef: string;
  namespace: string;
  name: string;
  title: string;
  description: string;
  /** The owning group's entity ref. */
  owner: string;
  /** e.g. "production", "beta", "deprecated". */
  lifecycle: string;
  version: string | null;
  tags: string[];
  /** The template's `backstage.io/time-saved` (ISO 8601), per service created. */
  timeSaved: string | null;
  /** The guide, in Markdown. */
  guide: string;
  /** Components created from it, as the catalog shows them. */
  servicesCreated: number;
  runs: RunSummary;
};

/** What the recorded Scaffolder runs of a template say. */
export type RunSummary = {
  total: number;
  completed: number;
  failed: number;
  /** completed ÷ (completed + failed); cancelled runs do not count; null without runs. */
  successRate: number | null;
  /** Median duration of completed runs, in milliseconds; null without any. */
  medianDurationMs: number | null;
};

/** A component created from a golden path. */
export type GoldenPathService = {
  entityRef: string;
  title: string;
  owner: string | null;
  /** The golden-path version it was created from, when known. */
  templateVersion: string | null;
  /** Behind the path's current version. */
  outdated: boolean;
  firstSeenAt: string;
};

/** A golden path with its guide and the services created from it. */
export type GoldenPathDetail = GoldenPath & {
  services: GoldenPathService[];
};

/** Adoption in one quarter. */
export type QuarterAdoption = {
  quarter: QuarterKey;
  newComponents: number;
  fromGoldenPaths: number;
  /** The rate with its 95% interval; null in a quarter without new components. */
  adoption: AdoptionRate;
};

/** Adoption per quarter, oldest first, with the goal. */
export type AdoptionTrend = {
  goal: number;
  quarters: QuarterAdoption[];
};

/** Adoption in one month (UTC). */
export type MonthAdoption = {
  /** "YYYY-MM". */
  month: string;
  newComponents: number;
  fromGoldenPaths: number;
  /** The rate with its 95% interval; null in a month without new components. */
  adoption: AdoptionRate;
};

/** Adoption per month, oldest first, with the goal. */
export type MonthlyAdoptionTrend = {
  goal: number;
  months: MonthAdoption[];
};

/** Adoption of one team (the owner of the new components) over a window. */
export type TeamAdoption = {
  team: string;
  newComponents: number;
  fromGoldenPaths: number;
  adoption: AdoptionRate;
};

/** Adoption per team over a window of quarters, lowest rate first. */
export type AdoptionByTeam = {
  from: QuarterKey;
  to: QuarterKey;
  goal: number;
  teams: TeamAdoption[];
};

/** A new component that did not come from an approved golden path. */
export type OffPathService = {
  entityRef: string;
  title: string;
  owner: string | null;
  /** The template it names, when it names one that is not an approved path. */
  sourceTemplate: string | null;
  firstSeenAt: string;
  quarter: QuarterKey;
};
