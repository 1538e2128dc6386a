import { createApiRef } from '@backstage/core-plugin-api';
import {
  CheckIn,
  CheckInRequest,
  CreateObjectiveRequest,
  HealthTargets,
  Objective,
  ObjectiveHistory,
  QuarterOkrs,
  UpdateObjectiveRequest,
} from '@paved/plugin-platform-health-common';

/** The platform-health backend (targets, OKRs), as the portal uses it. */
export interface PlatformHealthApi {
  /** The targets every metric is judged against. */
  getTargets(): Promise<HealthTargets>;
  /** A quarter's OKRs (default: the current quarter). */
  getOkrs(quarter?: string): Promise<QuarterOkrs>;
  /** Creates an objective (platform PMs). */
  createObjective(objective: CreateObjectiveRequest): Promise<Objective>;
  /** Replaces an objective read at `version`; a stale version is refused (409) (platform PMs). */
  updateObjective(
    id: string,
    objective: UpdateObjectiveRequest,
  ): Promise<Objective>;
  /** An objective's edits, newest first (everyone who reads OKRs). */
  getObjectiveHistory(id: string): Promise<ObjectiveHistory>;
  /** Deletes an objective read at `version` (platform PMs). */
  deleteObjective(id: string, version: number): Promise<void>;
  /** Records a check-in on a key result (platform PMs). */
  checkIn(keyResultId: string, checkIn: CheckInRequest): Promise<CheckIn>;
  /** Records an export of the quarterly review (an audit event). */
  recordReviewExport(
    quarter: string,
    format: 'markdown' | 'print',
  ): Promise<void>;
}

/** Reference to the {@link PlatformHealthApi}. */
export const platformHealthApiRef = createApiRef<PlatformHealthApi>({
  id: 'plugin.platform-health.service',
});
