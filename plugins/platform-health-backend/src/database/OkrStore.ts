import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  CheckIn,
  KeyResult,
  KeyResultInput,
  KeyResultMetric,
  Objective,
  ObjectiveChange,
  ObjectiveHistory,
  ObjectiveRevision,
} from '@paved/plugin-platform-health-common';
import { randomUUID } from 'node:crypto';
import { Knex } from 'knex';
import { objectiveChanges } from './objectiveChanges';

const migrationsDir = resolvePackagePath(
  '@paved/plugin-platform-health-backend',
  'migrations',
);

const toIso = (value: Date | string | number) => new Date(value).toISOString();

/** An objective's fields as the service hands them to the store. */
export interface ObjectiveFields {
  title: string;
  description: string;
  keyResults: KeyResultInput[];
}

function checkInFromRow(row: any): CheckIn {
  return {
    id: row.id,
    keyResultId: row.key_result_id,
    value: Number(row.value),
    note: row.note,
    createdBy: row.created_by,
    createdAt: toIso(row.created_at),
  };
}

/** The OKR tables: objectives, key results and check-ins. */
export class OkrStore {
  /** Connects and migrates (unless the backend skips migrations). */
  static async create(database: DatabaseService): Promise<OkrStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: migrationsDir });
    }
    return new OkrStore(knex);
  }

  constructor(private readonly db: Knex) {}

  /** A quarter's objectives, oldest first, each with key results and check-ins (newest first). */
  async listObjectives(quarter: string): Promise<Objective[]> {
    const rows = await this.db('health_objectives')
      .where({ quarter })
      .orderBy([
        { column: 'created_at', order: 'asc' },
        { column: 'title', order: 'asc' },
        { column: 'id', order: 'asc' },
      ]);
    return this.withKeyResults(this.db, rows);
  }

  /** One objective, or a 404. */
  async getObjective(id: string, db: Knex = this.db): Promise<Objective> {
    const row = await db('health_objectives').where({ id }).first();
    if (!row) throw new NotFoundError(`No objective ${id}`);
    const [objective] = await this.withKeyResults(db, [row]);
    return objective;
  }

  private async withKeyResults(db: Knex, rows: any[]): Promise<Objective[]> {
    if (rows.length === 0) return [];
    const ids = rows.map(r => r.id);
    const krRows = await db('health_key_results')
      .whereIn('objective_id', ids)
      .orderBy([{ column: 'objective_id' }, { column: 'position' }]);
    const checkInRows = krRows.length
      ? await db('health_check_ins')
          .whereIn(
            'key_result_id',
            krRows.map(r => r.id),
          )
          .orderBy([
            { column: 'created_at', order: 'desc' },
            { column: 'id', order: 'desc' },
          ])
      : [];
    const checkIns = new Map<string, CheckIn[]>();
    for (const row of checkInRows) {
      const list = checkIns.get(row.key_result_id) ?? [];
      list.push(checkInFromRow(row));
      checkIns.set(row.key_result_id, list);
    }
    const keyResults = new Map<string, KeyResult[]>();
    for (const row of krRows) {
      const list = keyResults.get(row.objective_id) ?? [];
      list.push({
        id: row.id,
        title: row.title,
        metric: row.metric as KeyResultMetric,
        unit: row.unit ?? null,
        start: Number(row.start_value),
        target: Number(row.target_value),
        due: row.due,
        checkIns: checkIns.get(row.id) ?? [],
      });
      keyResults.set(row.objective_id, list);
    }
    return rows.map(row => ({
      id: row.id,
      quarter: row.quarter,
      title: row.title,
      description: row.description,
      version: Number(row.version),
      keyResults: keyResults.get(row.id) ?? [],
      createdBy: row.created_by,
      updatedBy: row.updated_by,
      updatedAt: toIso(row.updated_at),
    }));
  }

  private async writeKeyResults(
    tx: Knex.Transaction,
    objectiveId: string,
    keyResults: KeyResultInput[],
  ): Promise<string[]> {
    const existing = new Set(
      (
        await tx('health_key_results')
          .where({ objective_id: objectiveId })
          .select('id')
      ).map(r => r.id as string),
    );
    keyResults.forEach((kr, index) => {
      if (kr.id && !existing.has(kr.id)) {
        throw new InputError(
          `Invalid request body: keyResults.${index}.id: not a key result of this objective`,
        );
      }
    });
    const kept = new Set(keyResults.map(kr => kr.id).filter(Boolean));
    const removed = [...existing].filter(id => !kept.has(id));
    if (removed.length > 0) {
      // Children first: SQLite enforces foreign keys only when asked to.
      await tx('health_check_ins').whereIn('key_result_id', removed).delete();
      await tx('health_key_results').whereIn('id', removed).delete();
    }
    const ids: string[] = [];
    for (const [position, kr] of keyResults.entries()) {
      const fields = {
        position,
        title: kr.title,
        metric: kr.metric,
        unit: kr.metric === 'manual' ? kr.unit ?? null : null,
        start_value: kr.start,
        target_value: kr.target,
        due: kr.due,
      };
      if (kr.id) {
        await tx('health_key_results').where({ id: kr.id }).update(fields);
        ids.push(kr.id);
      } else {
        const id = randomUUID();
        await tx('health_key_results').insert({
          id,
          objective_id: objectiveId,
          ...fields,
        });
        ids.push(id);
      }
    }
    return ids;
  }

  /** Creates an objective with its key results. */
  async createObjective(
    quarter: string,
    fields: ObjectiveFields,
    userRef: string,
    now: Date,
  ): Promise<Objective> {
    return this.db.transaction(async tx => {
      const id = randomUUID();
      await tx('health_objectives').insert({
        id,
        quarter,
        title: fields.title,
        description: fields.description,
        version: 1,
        created_by: userRef,
        created_at: now,
        updated_by: userRef,
        updated_at: now,
      });
      await this.writeKeyResults(tx, id, fields.keyResults);
      return this.getObjective(id, tx);
    });
  }

  /**
   * Replaces an objective's fields and key results when `version` is the
   * stored one (409 otherwise); key results kept by id keep their check-ins.
   * What the edit changed is recorded as the revision `version + 1`.
   */
  async updateObjective(
    id: string,
    version: number,
    fields: ObjectiveFields,
    userRef: string,
    now: Date,
  ): Promise<Objective> {
    return this.db.transaction(async tx => {
      const before = await this.getObjective(id, tx);
      const updated = await tx('health_objectives')
        .where({ id, version })
        .update({
          title: fields.title,
          description: fields.description,
          version: version + 1,
          updated_by: userRef,
          updated_at: now,
        });
      if (updated === 0) await this.refuseStale(tx, id);
      const ids = await this.writeKeyResults(tx, id, fields.keyResults);
      const changes = objectiveChanges(before, fields, ids);
      if (changes.length > 0) {
        await tx('health_objective_changes').insert(
          changes.map((change, position) => ({
            id: randomUUID(),
            objective_id: id,
            version: version + 1,
            position,
            changed_by: userRef,
            changed_at: now,
            field: change.field,
            key_result_id: change.keyResultId,
            key_result_title: change.keyResultTitle,
            before_value: JSON.stringify(change.before),
            after_value: JSON.stringify(change.after),
          })),
        );
      }
      return this.getObjective(id, tx);
    });
  }

  /**
   * Deletes an objective with its key results, check-ins and edit history, when
   * `version` is the stored one (the audit log keeps who deleted it).
   */
  async deleteObjective(id: string, version: number): Promise<void> {
    await this.db.transaction(async tx => {
      const row = await tx('health_objectives').where({ id }).first();
      if (!row) throw new NotFoundError(`No objective ${id}`);
      if (Number(row.version) !== version) await this.refuseStale(tx, id);
      const krIds = tx('health_key_results')
        .where({ objective_id: id })
        .select('id');
      await tx('health_check_ins').whereIn('key_result_id', krIds).delete();
      await tx('health_key_results').where({ objective_id: id }).delete();
      await tx('health_objective_changes').where({ objective_id: id }).delete();
      await tx('health_objectives').where({ id }).delete();
    });
  }

  /** An objective's edits, newest first, or a 404. */
  async history(id: string): Promise<ObjectiveHistory> {
    const objective = await this.db('health_objectives')
      .where({ id })
      .first('created_by', 'created_at');
    if (!objective) throw new NotFoundError(`No objective ${id}`);
    const rows = await this.db('health_objective_changes')
      .where({ objective_id: id })
      .orderBy([
        { column: 'version', order: 'desc' },
        { column: 'position', order: 'asc' },
      ]);
    const revisions: ObjectiveRevision[] = [];
    for (const row of rows) {
      const version = Number(row.version);
      let revision = revisions.at(-1);
      if (!revision || revision.version !== version) {
        revision = {
          version,
          changedBy: row.changed_by,
          changedAt: toIso(row.changed_at),
          changes: [],
        };
        revisions.push(revision);
      }
      const change: ObjectiveChange = {
        field: row.field,
        keyResultId: row.key_result_id ?? null,
        keyResultTitle: row.key_result_title ?? null,
        before: JSON.parse(row.before_value ?? 'null'),
        after: JSON.parse(row.after_value ?? 'null'),
      };
      revision.changes.push(change);
    }
    return {
      objectiveId: id,
      createdBy: objective.created_by,
      createdAt: toIso(objective.created_at),
      revisions,
    };
  }

  private async refuseStale(tx: Knex, id: string): Promise<never> {
    const row = await tx('health_objectives').where({ id }).first();
    if (!row) throw new NotFoundError(`No objective ${id}`);
    throw new ConflictError(
      `The objective was changed by ${row.updated_by} since you opened it (now version ${row.version}); reload and edit again`,
    );
  }

  /** Records a check-in on a key result (404 when there is none). */
  async addCheckIn(
    keyResultId: string,
    value: number,
    note: string,
    userRef: string,
    now: Date,
  ): Promise<CheckIn> {
    return this.db.transaction(async tx => {
      const kr = await tx('health_key_results')
        .where({ id: keyResultId })
        .first();
      if (!kr) throw new NotFoundError(`No key result ${keyResultId}`);
      const row = {
        id: randomUUID(),
        key_result_id: keyResultId,
        value,
        note,
        created_by: userRef,
        created_at: now,
      };
      await tx('health_check_ins').insert(row);
      return checkInFromRow(row);
    });
  }
}
