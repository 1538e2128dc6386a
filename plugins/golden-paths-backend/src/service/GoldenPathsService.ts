import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ADOPTION_GOAL,
  AdoptionByTeam,
  AdoptionTrend,
  GOLDEN_PATH_GUIDE_ANNOTATION,
  GOLDEN_PATH_VERSION_ANNOTATION,
  GoldenPath,
  GoldenPathDetail,
  MAX_ADOPTION_MONTHS,
  MAX_ADOPTION_QUARTERS,
  MonthKey,
  MonthlyAdoptionTrend,
  NameAvailability,
  OffPathService,
  RunSummary,
  TIME_SAVED_ANNOTATION,
  adoptionRate,
  componentNameProblem,
  takenNameProblem,
  isGoldenPathTemplate,
  isOlderVersion,
} from '@paved/plugin-golden-paths-common';
import {
  addQuarters,
  QuarterKey,
  quarterOf,
  quartersBetween,
} from '@paved/common';
import { GoldenPathsStore, RunStats } from '../database/GoldenPathsStore';
import {
  GoldenPathTemplates,
  LiveGoldenPathTemplates,
} from './GoldenPathTemplates';

/** Where a path's lifecycle is read when `spec.lifecycle` is absent. */
export const LIFECYCLE_ANNOTATION = 'paved.dev/golden-path-lifecycle';

/** The default adoption windows: 8 quarters of trend, 4 of teams. */
const TREND_QUARTERS = 8;
const TEAM_QUARTERS = 4;
/** The default monthly window: the last 6 months, this one included. */
const TREND_MONTHS = 6;

// A month key's index (months since year 0) and back.
const monthIndex = (key: MonthKey) =>
  Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
const monthAt = (index: number) =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

function runSummary(stats: RunStats | undefined): RunSummary {
  const completed = stats?.completed ?? 0;
  const failed = stats?.failed ?? 0;
  const total = completed + failed + (stats?.cancelled ?? 0);
  return {
    total,
    completed,
    failed,
    successRate:
      completed + failed > 0 ? completed / (completed + failed) : null,
    medianDurationMs: stats?.medianDurationMs ?? null,
  };
}

/**
 * The rules of golden paths: which templates are paths (from the catalog, as
 * the caller may read it; cached in production), what
 * their runs and services say, and adoption over windows of quarters.
 */
export class GoldenPathsService {
  constructor(
    private readonly store: GoldenPathsStore,
    private readonly catalog: CatalogService,
    private readonly now: () => Date = () => new Date(),
    private readonly templates: GoldenPathTemplates = new LiveGoldenPathTemplates(
      catalog,
    ),
  ) {}

  private toPath(
    entity: Entity,
    created: Map<string, number>,
    runs: Map<string, RunStats>,
  ): GoldenPath {
    const ref = stringifyEntityRef(entity);
    const annotations = entity.metadata.annotations ?? {};
    const spec = (entity.spec ?? {}) as { owner?: string; lifecycle?: string };
    return {
      templateRef: ref,
      namespace: entity.metadata.namespace ?? 'default',
      name: entity.metadata.name,
      title: entity.metadata.title ?? entity.metadata.name,
      description: entity.metadata.description ?? '',
      owner: spec.owner ?? '',
      lifecycle:
        spec.lifecycle ?? annotations[LIFECYCLE_ANNOTATION] ?? 'production',
      version: annotations[GOLDEN_PATH_VERSION_ANNOTATION] ?? null,
      tags: entity.metadata.tags ?? [],
      timeSaved: annotations[TIME_SAVED_ANNOTATION] ?? null,
      guide: annotations[GOLDEN_PATH_GUIDE_ANNOTATION] ?? '',
      servicesCreated: created.get(ref) ?? 0,
      runs: runSummary(runs.get(ref)),
    };
  }

  /** The approved golden paths, by title. */
  async listPaths(credentials: BackstageCredentials): Promise<GoldenPath[]> {
    const templates = await this.templates.list(credentials);
    const refs = templates.map(t => stringifyEntityRef(t));
    const [created, runs] = await Promise.all([
      this.store.servicesCreated(refs),
      this.store.runStats(refs),
    ]);
    return templates
      .map(t => this.toPath(t, created, runs))
      .sort((a, b) => a.title.localeCompare(b.title));
  }

  /** One golden path with its guide and services; 404 when it is not one. */
  async getPath(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<GoldenPathDetail> {
    const entity = await this.templates.get(
      { kind: 'template', namespace, name },
      credentials,
    );
    if (!entity || !isGoldenPathTemplate(entity)) {
      throw new NotFoundError(
        `template:${namespace}/${name} is not an approved golden path`,
      );
    }
    const ref = stringifyEntityRef(entity);
    const [created, runs, services] = await Promise.all([
      this.store.servicesCreated([ref]),
      this.store.runStats([ref]),
      this.store.servicesFrom(ref),
    ]);
    const path = this.toPath(entity, created, runs);
    return {
      ...path,
      services: services.map(s => ({
        entityRef: s.entityRef,
        title: s.title,
        owner: s.ownerRef,
        templateVersion: s.templateVersion,
        outdated: isOlderVersion(s.templateVersion, path.version),
        firstSeenAt: s.firstSeenAt,
      })),
    };
  }

  /**
   * Whether `name` can be used for a new component: the golden paths' name rule,
   * then the catalog, read with the caller's credentials (what the Scaffolder's
   * check-name step will find).
   */
  async nameAvailability(
    name: string,
    credentials: BackstageCredentials,
  ): Promise<NameAvailability> {
    const problem = componentNameProblem(name);
    if (problem) return { name, available: false, problem };
    const ref = stringifyEntityRef({ kind: 'component', name });
    const existing = await this.catalog.getEntityByRef(ref, { credentials });
    if (existing) {
      const owner = (existing.spec as { owner?: string } | undefined)?.owner;
      return {
        name,
        available: false,
        problem: takenNameProblem(name, { ref, owner }),
      };
    }
    return { name, available: true, problem: null };
  }

  private window(
    span: number,
    from?: QuarterKey,
    to?: QuarterKey,
  ): [QuarterKey, QuarterKey] {
    const end =
      to ?? (from ? addQuarters(from, span - 1) : quarterOf(this.now()));
    const start = from ?? addQuarters(end, -(span - 1));
    if (quartersBetween(start, end).length > MAX_ADOPTION_QUARTERS) {
      throw new InputError(
        `A window is at most ${MAX_ADOPTION_QUARTERS} quarters; ${start} to ${end} is longer`,
      );
    }
    return [start, end];
  }

  /** Adoption per quarter, every quarter of the window included. */
  async adoptionTrend(
    from?: QuarterKey,
    to?: QuarterKey,
  ): Promise<AdoptionTrend> {
    const [start, end] = this.window(TREND_QUARTERS, from, to);
    const counts = new Map(
      (await this.store.adoptionByQuarter(start, end)).map(c => [c.quarter, c]),
    );
    return {
      goal: ADOPTION_GOAL,
      quarters: quartersBetween(start, end).map(quarter => {
        const c = counts.get(quarter) ?? {
          newComponents: 0,
          fromGoldenPaths: 0,
        };
        return {
          quarter,
          newComponents: c.newComponents,
          fromGoldenPaths: c.fromGoldenPaths,
          adoption: adoptionRate(c),
        };
      }),
    };
  }

  /**
   * Adoption per month (UTC), every month of the window included (default
   * the last 6, this one included): for the monthly review, where a quarter
   * is too coarse.
   */
  async adoptionByMonth(
    from?: MonthKey,
    to?: MonthKey,
  ): Promise<MonthlyAdoptionTrend> {
    const now = this.now();
    const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
    // As with quarters: `to` alone ends the default span, `from` alone starts it.
    let last = current;
    if (to !== undefined) last = monthIndex(to);
    else if (from !== undefined) last = monthIndex(from) + TREND_MONTHS - 1;
    const first =
      from !== undefined ? monthIndex(from) : last - TREND_MONTHS + 1;
    if (last - first + 1 > MAX_ADOPTION_MONTHS) {
      throw new InputError(
        `A window is at most ${MAX_ADOPTION_MONTHS} months; ${monthAt(
          first,
        )} to ${monthAt(last)} is longer`,
      );
    }
    const months = [];
    for (let i = first; i <= last; i++) {
      months.push({
        key: monthAt(i),
        start: new Date(Date.UTC(Math.floor(i / 12), i % 12, 1)),
        end: new Date(Date.UTC(Math.floor(i / 12), (i % 12) + 1, 1)),
      });
    }
    const counts = new Map(
      (await this.store.adoptionByMonth(months)).map(c => [c.month, c]),
    );
    return {
      goal: ADOPTION_GOAL,
      months: months.map(({ key }) => {
        const c = counts.get(key) ?? { newComponents: 0, fromGoldenPaths: 0 };
        return {
          month: key,
          newComponents: c.newComponents,
          fromGoldenPaths: c.fromGoldenPaths,
          adoption: adoptionRate(c),
        };
      }),
    };
  }

  /** Adoption per owning team over the window, lowest rate first. */
  async adoptionByTeam(
    from?: QuarterKey,
    to?: QuarterKey,
  ): Promise<AdoptionByTeam> {
    const [start, end] = this.window(TEAM_QUARTERS, from, to);
    const teams = (await this.store.adoptionByTeam(start, end)).map(t => ({
      ...t,
      adoption: adoptionRate(t),
    }));
    teams.sort(
      (a, b) =>
        (a.adoption?.rate ?? 0) - (b.adoption?.rate ?? 0) ||
        b.newComponents - a.newComponents ||
        a.team.localeCompare(b.team),
    );
    return { from: start, to: end, goal: ADOPTION_GOAL, teams };
  }

  /** The newest services created off the golden paths: the PM's follow-up list. */
  async offPath(limit = 20): Promise<OffPathService[]> {
    return (await this.store.offPath(limit)).map(c => ({
      entityRef: c.entityRef,
      title: c.title,
      owner: c.ownerRef,
      sourceTemplate: c.sourceTemplateRef,
      firstSeenAt: c.firstSeenAt,
      quarter: c.quarter,
    }));
  }
}
