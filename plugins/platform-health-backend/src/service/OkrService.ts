import { InputError } from '@backstage/errors';
import { quarterBounds, quarterOf } from '@paved/common';
import {
  CheckIn,
  CheckInRequest,
  CreateObjectiveRequest,
  KeyResultInput,
  Objective,
  ObjectiveHistory,
  QuarterOkrs,
  UpdateObjectiveRequest,
} from '@paved/plugin-platform-health-common';
import { OkrStore } from '../database/OkrStore';

/** The rules of OKRs: which quarter, what a key result may say. */
export class OkrService {
  constructor(
    private readonly store: OkrStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A quarter's OKRs (default: the current quarter). */
  async list(quarter?: string): Promise<QuarterOkrs> {
    const key = quarter ?? quarterOf(this.now());
    return { quarter: key, objectives: await this.store.listObjectives(key) };
  }

  // A key result is due inside its quarter or within the next one (reviews slip).
  private checkDueDates(quarter: string, keyResults: KeyResultInput[]) {
    const { start } = quarterBounds(quarter);
    keyResults.forEach((kr, index) => {
      if (Date.parse(`${kr.due}T00:00:00Z`) < start.getTime()) {
        throw new InputError(
          `Invalid request body: keyResults.${index}.due: the due date is before the quarter ${quarter} starts`,
        );
      }
    });
  }

  /** Creates an objective for a quarter. */
  async create(
    request: CreateObjectiveRequest,
    userRef: string,
  ): Promise<Objective> {
    this.checkDueDates(request.quarter, request.keyResults);
    return this.store.createObjective(
      request.quarter,
      request,
      userRef,
      this.now(),
    );
  }

  /** Replaces an objective read at `request.version`. */
  async update(
    id: string,
    request: UpdateObjectiveRequest,
    userRef: string,
  ): Promise<Objective> {
    const current = await this.store.getObjective(id);
    this.checkDueDates(current.quarter, request.keyResults);
    return this.store.updateObjective(
      id,
      request.version,
      request,
      userRef,
      this.now(),
    );
  }

  /** An objective's edits, newest first (404 for an unknown objective). */
  history(id: string): Promise<ObjectiveHistory> {
    return this.store.history(id);
  }

  /** Deletes an objective read at `version`. */
  async delete(id: string, version: number): Promise<void> {
    await this.store.deleteObjective(id, version);
  }

  /** Records a check-in on a key result. */
  async checkIn(
    keyResultId: string,
    request: CheckInRequest,
    userRef: string,
  ): Promise<CheckIn> {
    return this.store.addCheckIn(
      keyResultId,
      request.value,
      request.note,
      userRef,
      this.now(),
    );
  }
}
