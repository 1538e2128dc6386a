import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { AdoptionCounts, RunStatus } from '@paved/plugin-golden-paths-common';
import { QuarterKey, quarterOf } from '@paved/common';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@paved/plugin-golden-paths-backend',
  'migrations',
);

/** A Component as one catalog scan saw it. */
export type ComponentSighting = {
  entityRef: string;
  title: string;
  ownerRef: string | null;
  sourceTemplateRef: string | null;
  templateVersion: string | null;
  /** From the `paved.dev/created-at` annotation, for imported history. */
  createdAt: Date | null;
};

/** An approved golden-path template as a scan saw it. */
export type TemplateSighting = {
  templateRef: string;
  version: string | null;
};

/** A finished Scaffolder run: the team, never the person. */
export type RunRecord = {
  taskId: string;
  templateRef: string;
  templateVersion: string | null;
  teamRef: string | null;
  status: RunStatus;
  startedAt: Date;
  finishedAt: Date;
  createdEntityRef: string | null;
};

/** A recorded component, for the lists. */
export type ComponentRow = {
  entityRef: string;
  title: string;
  ownerRef: string | null;
  sourceTemplateRef: string | null;
  templateVersion: string | null;
  firstSeenAt: string;
  quarter: QuarterKey;
};

/** Run counts and median duration of one template. */
export type RunStats = {
  completed: number;
  failed: number;
  cancelled: number;
  medianDurationMs: number | null;
};

const toIso = (value: Date | string | number) => new Date(value).toISOString();

// SQLite caps bound variables per statement; rows are written in chunks.
const CHUNK = 50;

/**
 * The SQL of golden paths. Every aggregate (adoption per quarter and team,
 * run counts, medians) is computed by the database, on SQLite and Postgres
 * alike: quarters are stored as "YYYY-Qn" keys so both group the same way.
 */
export class GoldenPathsStore {
  static async create(database: DatabaseService): Promise<GoldenPathsStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: migrationsDir });
    }
    return new GoldenPathsStore(knex);
  }

  constructor(private readonly db: Knex) {}

  /**
   * Records the approved templates of a scan. Templates no longer approved
   * stay (their services still count as created from a golden path) but are
   * marked as not approved now.
   */
  async recordTemplates(templates: TemplateSighting[], now: Date) {
    await this.db.transaction(async tx => {
      for (const t of templates) {
        await tx('golden_path_templates')
          .insert({
            template_ref: t.templateRef,
            version: t.version,
            approved_since: now,
            last_seen_at: now,
            approved: true,
          })
          .onConflict('template_ref')
          .merge({ version: t.version, last_seen_at: now, approved: true });
      }
      const refs = templates.map(t => t.templateRef);
      await tx('golden_path_templates')
        .where('approved', true)
        .modify(q => {
          if (refs.length) q.whereNotIn('template_ref', refs);
        })
        .update({ approved: false });
    });
  }

  /** The moment of the first scan that found any component, if any. */
  async firstScanAt(): Promise<Date | undefined> {
    const row = await this.db('golden_path_scans')
      .where('components', '>', 0)
      .min({ at: 'finished_at' })
      .first();
    return row?.at ? new Date(row.at) : undefined;
  }

  /**
   * Records one complete catalog scan: new components with their first-seen
   * moment, the latest owner and template of known ones, and which are gone.
   * A component with no creation date seen while `baseline` is true was
   * already there before Paved: it is kept out of adoption.
   */
  async recordScan(
    sightings: ComponentSighting[],
    now: Date,
    baseline: boolean,
  ) {
    await this.db.transaction(async tx => {
      for (let i = 0; i < sightings.length; i += CHUNK) {
        const rows = sightings.slice(i, i + CHUNK).map(s => {
          const firstSeen = s.createdAt ?? now;
          return {
            entity_ref: s.entityRef,
            title: s.title,
            owner_ref: s.ownerRef,
            source_template_ref: s.sourceTemplateRef,
            template_version: s.templateVersion,
            first_seen_at: firstSeen,
            first_seen_quarter: quarterOf(firstSeen),
            baseline: baseline && !s.createdAt,
            last_seen_at: now,
            removed_at: null,
          };
        });
        // First seen and baseline never change once recorded.
        await tx('golden_path_components')
          .insert(rows)
          .onConflict('entity_ref')
          .merge([
            'title',
            'owner_ref',
            'source_template_ref',
            'template_version',
            'last_seen_at',
            'removed_at',
          ]);
      }
      await tx('golden_path_components')
        .whereNull('removed_at')
        .where('last_seen_at', '<', now)
        .update({ removed_at: now });
      await tx('golden_path_scans').insert({
        finished_at: now,
        components: sightings.length,
      });
    });
  }

  /** Records a finished run once; recording it again changes nothing. */
  async recordRun(run: RunRecord) {
    await this.db('golden_path_runs')
      .insert({
        task_id: run.taskId,
        template_ref: run.templateRef,
        template_version: run.templateVersion,
        team_ref: run.teamRef,
        status: run.status,
        started_at: run.startedAt,
        finished_at: run.finishedAt,
        duration_ms: Math.max(
          0,
          run.finishedAt.getTime() - run.startedAt.getTime(),
        ),
        created_entity_ref: run.createdEntityRef,
      })
      .onConflict('task_id')
      .ignore();
  }

  /** Which of these Scaffolder task ids are already recorded. */
  async recordedRuns(taskIds: string[]): Promise<Set<string>> {
    if (!taskIds.length) return new Set();
    const rows = await this.db('golden_path_runs')
      .whereIn('task_id', taskIds)
      .select('task_id');
    return new Set(rows.map(r => r.task_id));
  }

  // Components that are not part of the baseline, each with its template (`t`)
  // when it came from a golden path.
  private nonBaselineComponents() {
    return this.db('golden_path_components as c')
      .leftJoin(
        'golden_path_templates as t',
        't.template_ref',
        'c.source_template_ref',
      )
      .where('c.baseline', false);
  }

  // New components of a window: not part of the baseline, first seen in it.
  private newComponents(from: QuarterKey, to: QuarterKey) {
    return this.nonBaselineComponents().whereBetween('c.first_seen_quarter', [
      from,
      to,
    ]);
  }

  private countsColumns() {
    return [
      this.db.raw('count(*) as new_components'),
      this.db.raw(
        'sum(case when t.template_ref is not null then 1 else 0 end) as from_golden_paths',
      ),
    ];
  }

  /** New components and those from golden paths, per quarter with any. */
  async adoptionByQuarter(
    from: QuarterKey,
    to: QuarterKey,
  ): Promise<Array<AdoptionCounts & { quarter: QuarterKey }>> {
    const rows = await this.newComponents(from, to)
      .select('c.first_seen_quarter as quarter', ...this.countsColumns())
      .groupBy('c.first_seen_quarter')
      .orderBy('c.first_seen_quarter');
    return rows.map((r: any) => ({
      quarter: r.quarter,
      ...toAdoptionCounts(r),
    }));
  }

  /**
   * New components and those from golden paths, per month with any. `months`
   * are the months' bounds, oldest first and adjacent ([key, start, end) in
   * UTC): each component falls in the month its first sighting does.
   */
  async adoptionByMonth(
    months: ReadonlyArray<{ key: string; start: Date; end: Date }>,
  ): Promise<Array<AdoptionCounts & { month: string }>> {
    if (months.length === 0) return [];
    // Bounds as bindings, so each database compares its own timestamps.
    const month = `case ${months
      .map(() => 'when c.first_seen_at >= ? and c.first_seen_at < ? then ?')
      .join(' ')} end`;
    const rows = await this.nonBaselineComponents()
      .where('c.first_seen_at', '>=', months[0].start)
      .where('c.first_seen_at', '<', months[months.length - 1].end)
      .select(
        this.db.raw(
          `${month} as month`,
          months.flatMap(m => [m.start, m.end, m.key]),
        ),
        ...this.countsColumns(),
      )
      .groupBy('month')
      .orderBy('month');
    return rows.map((r: any) => ({
      month: String(r.month),
      ...toAdoptionCounts(r),
    }));
  }

  /** New components and those from golden paths, per owning team. */
  async adoptionByTeam(
    from: QuarterKey,
    to: QuarterKey,
  ): Promise<Array<AdoptionCounts & { team: string }>> {
    const rows = await this.newComponents(from, to)
      .whereNotNull('c.owner_ref')
      .select('c.owner_ref as team', ...this.countsColumns())
      .groupBy('c.owner_ref')
      .orderBy('c.owner_ref');
    return rows.map((r: any) => ({
      team: r.team,
      ...toAdoptionCounts(r),
    }));
  }

  /** The newest new components that did not come from a golden path. */
  async offPath(limit: number): Promise<ComponentRow[]> {
    const rows = await this.nonBaselineComponents()
      .whereNull('c.removed_at')
      .whereNull('t.template_ref')
      .orderBy([
        { column: 'c.first_seen_at', order: 'desc' },
        { column: 'c.entity_ref', order: 'asc' },
      ])
      .limit(limit)
      .select('c.*');
    return rows.map(toComponentRow);
  }

  /** The components in the catalog now that were created from a template. */
  async servicesFrom(templateRef: string): Promise<ComponentRow[]> {
    const rows = await this.db('golden_path_components')
      .where('source_template_ref', templateRef)
      .whereNull('removed_at')
      .orderBy([
        { column: 'first_seen_at', order: 'desc' },
        { column: 'entity_ref', order: 'asc' },
      ]);
    return rows.map(toComponentRow);
  }

  /** Whether any demo run is recorded (their task ids start with "demo-"). */
  async hasDemoRuns(): Promise<boolean> {
    const row = await this.db('golden_path_runs')
      .where('task_id', 'like', 'demo-%')
      .first('task_id');
    return Boolean(row);
  }

  /** Every recorded component that names an approved (or once approved) path. */
  async componentsFromGoldenPaths(): Promise<ComponentRow[]> {
    const rows = await this.db('golden_path_components as c')
      .join(
        'golden_path_templates as t',
        't.template_ref',
        'c.source_template_ref',
      )
      .orderBy('c.entity_ref')
      .select('c.*');
    return rows.map(toComponentRow);
  }

  /** How many components in the catalog now came from each template. */
  async servicesCreated(templateRefs: string[]): Promise<Map<string, number>> {
    if (!templateRefs.length) return new Map();
    const rows = await this.db('golden_path_components')
      .whereIn('source_template_ref', templateRefs)
      .whereNull('removed_at')
      .select('source_template_ref as ref')
      .count({ n: '*' })
      .groupBy('source_template_ref');
    return new Map(rows.map((r: any) => [r.ref, Number(r.n)]));
  }

  /** Run counts by outcome and the median duration of completed runs. */
  async runStats(templateRefs: string[]): Promise<Map<string, RunStats>> {
    const stats = new Map<string, RunStats>();
    if (!templateRefs.length) return stats;
    // Runs refused at the name check wrote nothing: they are not the path's runs.
    const counts = await this.db('golden_path_runs')
      .whereIn('template_ref', templateRefs)
      .whereIn('status', ['completed', 'failed', 'cancelled'])
      .select('template_ref', 'status')
      .count({ n: '*' })
      .groupBy('template_ref', 'status');
    for (const r of counts as any[]) {
      const s = stats.get(r.template_ref) ?? {
        completed: 0,
        failed: 0,
        cancelled: 0,
        medianDurationMs: null,
      };
      if (r.status in s) (s as any)[r.status] = Number(r.n);
      stats.set(r.template_ref, s);
    }
    // The median in SQL on both databases: the middle row (or the mean of
    // the two middle rows) by rank within each template.
    const ranked = this.db('golden_path_runs')
      .where('status', 'completed')
      .whereIn('template_ref', templateRefs)
      .select(
        'template_ref',
        'duration_ms',
        this.db.raw(
          'row_number() over (partition by template_ref order by duration_ms) as rn',
        ),
        this.db.raw('count(*) over (partition by template_ref) as cnt'),
      )
      .as('r');
    const medians = await this.db
      .from(ranked)
      .whereRaw('r.rn in ((r.cnt + 1) / 2, (r.cnt + 2) / 2)')
      .select('r.template_ref')
      .avg({ median: 'r.duration_ms' })
      .groupBy('r.template_ref');
    for (const m of medians as any[]) {
      const s = stats.get(m.template_ref);
      if (s) s.medianDurationMs = Math.round(Number(m.median));
    }
    return stats;
  }
}

// The counts that countsColumns() selects; Postgres returns them as strings.
function toAdoptionCounts(r: any): AdoptionCounts {
  return {
    newComponents: Number(r.new_components),
    fromGoldenPaths: Number(r.from_golden_paths ?? 0),
  };
}

function toComponentRow(r: any): ComponentRow {
  return {
    entityRef: r.entity_ref,
    title: r.title,
    ownerRef: r.owner_ref,
    sourceTemplateRef: r.source_template_ref,
    templateVersion: r.template_version,
    firstSeenAt: toIso(r.first_seen_at),
    quarter: r.first_seen_quarter,
  };
}
