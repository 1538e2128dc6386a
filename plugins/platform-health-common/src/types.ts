import type { QuarterKey } from '@paved/common';
import type { DoraBand, HealthMetricId } from './metrics';

/** A target value and how far short of it is still "at risk", in the metric's unit. */
export interface NumericTarget {
  value: number;
  atRiskWithin: number;
}

/** Every target the health page judges metrics against, from app-config (`platformHealth.targets`). */
export interface HealthTargets {
  /**
   * The NPS target is the NPS plugin's goal line (`nps.goal`: +10 points a year
   * from the baseline campaign), read from its trend; this is how far below it
   * is still at risk, in points.
   */
  npsAtRiskWithin: number;
  /** Participation in the latest campaign, percent; null: no target. */
  participation: NumericTarget | null;
  /** Golden-path adoption, percent. */
  adoption: NumericTarget;
  /** Median days from start to first production deployment. */
  onboarding: NumericTarget;
  /** The band each DORA metric should reach (at least). */
  doraBands: Record<
    'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'recoveryTime',
    DoraBand
  >;
  /** Rework rate has no published band: a percent target, or none. */
  reworkRate: NumericTarget | null;
}

/** What a key result is measured by: a health metric, or a value the PM enters. */
export type KeyResultMetric = HealthMetricId | 'manual';

/** A check-in: the value at that moment and what the PM noted. */
export interface CheckIn {
  id: string;
  keyResultId: string;
  value: number;
  note: string;
  createdBy: string;
  /** ISO 8601. */
  createdAt: string;
}

/** A key result, bound to a health metric or entered by hand, with its check-ins (newest first). */
export interface KeyResult {
  id: string;
  title: string;
  metric: KeyResultMetric;
  /** For a manual key result: its unit in words ("teams", "%"); null for metric-bound ones. */
  unit: string | null;
  start: number;
  target: number;
  /** YYYY-MM-DD. */
  due: string;
  checkIns: CheckIn[];
}

/** One of the quarter's objectives with its key results. */
export interface Objective {
  id: string;
  quarter: QuarterKey;
  title: string;
  description: string;
  /** Guards against two PMs overwriting each other's edits. */
  version: number;
  keyResults: KeyResult[];
  createdBy: string;
  updatedBy: string;
  /** ISO 8601. */
  updatedAt: string;
}

/** A quarter's OKRs. */
export interface QuarterOkrs {
  quarter: QuarterKey;
  objectives: Objective[];
}

/**
 * What an edit changed: the objective's `title` or `description`; a key result
 * added or removed (`keyResult`: before null = added, after null = removed); or
 * one of a key result's fields.
 */
export type ObjectiveChangeField =
  | 'title'
  | 'description'
  | 'keyResult'
  | 'keyResultTitle'
  | 'metric'
  | 'unit'
  | 'start'
  | 'target'
  | 'due';

/** One field an edit changed, with its value before and after. */
export interface ObjectiveChange {
  field: ObjectiveChangeField;
  /** The key result changed, added or removed; null for the objective's own fields. */
  keyResultId: string | null;
  /** That key result's title after the edit (before it, when removed). */
  keyResultTitle: string | null;
  before: string | number | null;
  after: string | number | null;
}

/** One saved edit of an objective: who, when, and what it changed. */
export interface ObjectiveRevision {
  /** The objective's version this edit produced. */
  version: number;
  changedBy: string;
  /** ISO 8601. */
  changedAt: string;
  changes: ObjectiveChange[];
}

/** An objective's edits, newest first, and who created it when (creation is not an edit). */
export interface ObjectiveHistory {
  objectiveId: string;
  createdBy: string;
  /** ISO 8601. */
  createdAt: string;
  revisions: ObjectiveRevision[];
}
