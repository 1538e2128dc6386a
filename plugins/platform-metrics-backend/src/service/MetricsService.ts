import {
  DEFAULT_MIN_GROUP_SIZE,
  addQuarters,
  quarterBounds,
  quarterOf,
  suppressGroups,
} from '@paved/common';
import { PlatformMetricsSettings } from './settings';
import {
  BackstageCredentials,
  BackstageServicePrincipal,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  BAND_VERSION,
  DAY_MS,
  DEFAULT_IMPACT_DAYS,
  DEFAULT_WINDOW_DAYS,
  DeliveryFilters,
  DeploymentEvent,
  DoraQuery,
  DoraReport,
  EMPTY_AGGREGATE,
  IncidentEvent,
  IngestResult,
  METRICS,
  OnboardingQuery,
  OnboardingReport,
  PlatformRelease,
  ReleaseImpactReport,
  ReleaseMarkerInput,
  Scope,
  ServiceWindows,
  UnmappedService,
  WEEK_EPOCH_MS,
  WEEK_MS,
  deploymentEventSchema,
  doraMetrics,
  fastDeploymentEvent,
  incidentEventSchema,
  metricImpact,
  monthKey,
  parseEventBatch,
  seriesValue,
} from '@paved/plugin-platform-metrics-common';
import { z } from 'zod';
import { ClassificationRow, MetricsStore } from '../database/MetricsStore';
import { ServiceDirectory } from './CatalogDirectory';
import { PlatformSources } from './PluginSources';
import { ReportCache } from './ReportCache';

/** Who sends events: the token's subject, which names its source. */
export type Sender = BackstageServicePrincipal;

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The rules of delivery metrics: what a delivery must look like and who may
 * send it, the DORA figures of a scope and window with their bands, time to
 * first deployment, and what each platform release changed.
 */
export class MetricsService {
  private readonly reports: ReportCache<DoraReport>;

  constructor(
    private readonly store: MetricsStore,
    private readonly directory: ServiceDirectory,
    private readonly sources: PlatformSources,
    private readonly now: () => number = () => Date.now(),
    private readonly settings: Pick<
      PlatformMetricsSettings,
      'minCohortSize' | 'doraCacheMs'
    > = { minCohortSize: DEFAULT_MIN_GROUP_SIZE, doraCacheMs: 0 },
  ) {
    // The organisation, each team and each service, a few windows each.
    this.reports = new ReportCache({
      maxAgeMs: settings.doraCacheMs,
      maxEntries: 2000,
    });
  }

  // An external token's subject names its source: it may not write another
  // tool's events (a corrected event replaces the stored one).
  private checkSources(
    sender: Sender,
    events: ReadonlyArray<{ source: string }>,
  ) {
    if (sender.subject.startsWith('plugin:')) return;
    const subject = sender.subject.toLocaleLowerCase('en-US');
    const index = events.findIndex(e => e.source !== subject);
    if (index >= 0) {
      throw new NotAllowedError(
        `This token's subject is "${sender.subject}": it may send only events whose source is "${subject}", and events[${index}].source is "${events[index].source}"`,
      );
    }
  }

  private parse<S extends z.ZodType>(
    schema: S,
    body: unknown,
    what: string,
    fast?: (item: unknown) => z.output<S> | undefined,
  ) {
    const parsed = parseEventBatch(schema, body, fast);
    if (!parsed.ok) {
      const shown = parsed.problems.slice(0, 50);
      const more = parsed.problems.length - shown.length;
      throw new InputError(
        `Invalid ${what}, nothing was stored: ${shown.join('; ')}${
          more > 0 ? `; and ${more} more` : ''
        }`,
      );
    }
    return parsed.events;
  }

  /** Stores a delivery of deployments; re-deliveries change nothing. */
  async ingestDeployments(
    body: unknown,
    sender: Sender,
  ): Promise<IngestResult> {
    const events = this.parse(
      deploymentEventSchema,
      body,
      'deployments',
      fastDeploymentEvent,
    ) as DeploymentEvent[];
    this.checkSources(sender, events);
    return this.ingest(events, catalog =>
      this.store.ingestDeployments(events, catalog, this.now()),
    );
  }

  /** Stores a delivery of incidents; re-deliveries change nothing. */
  async ingestIncidents(body: unknown, sender: Sender): Promise<IngestResult> {
    const events = this.parse(
      incidentEventSchema,
      body,
      'incidents',
    ) as IncidentEvent[];
    this.checkSources(sender, events);
    return this.ingest(events, catalog =>
      this.store.ingestIncidents(events, catalog, this.now()),
    );
  }

  private async ingest(
    events: ReadonlyArray<{ service: string }>,
    write: (catalog: Map<string, any>) => Promise<number>,
  ): Promise<IngestResult> {
    const services = [...new Set(events.map(e => e.service))].sort();
    const catalog = await this.directory.lookup(services);
    const stored = await write(catalog);
    return {
      received: events.length,
      stored,
      unchanged: events.length - stored,
      unknownServices: services.filter(s => catalog.get(s) === null),
    };
  }

  private scopeOf(query: DoraQuery): Scope {
    if (query.service) return { kind: 'service', ref: query.service };
    if (query.team) return { kind: 'team', ref: query.team };
    return { kind: 'organisation' };
  }

  /**
   * The five metrics of a scope over the window ending now, or with the day
   * `end` (UTC, included) when it is given (default 90 days),
   * each with its band and band version, and the weekly series (Monday to
   * Monday, UTC; the first and last weeks may be partial and are rated by
   * the days they cover).
   */
  async dora(query: DoraQuery): Promise<DoraReport> {
    const days = query.windowDays ?? DEFAULT_WINDOW_DAYS;
    const now = this.now();
    let endOfDay: number | undefined;
    if (query.end) {
      endOfDay = Date.parse(`${query.end}T00:00:00Z`) + DAY_MS;
      if (endOfDay - DAY_MS > now) {
        throw new InputError(
          `end must not be in the future: ${query.end} is after today (${isoDay(
            now,
          )})`,
        );
      }
    }
    const scope = this.scopeOf(query);
    // Computed again only after a write changed the figures (on any replica)
    // or once the report is older than the cache time.
    const key = JSON.stringify([scope, days, query.end ?? null]);
    const revision = await this.store.revision();
    return this.reports.get(key, revision, now, () =>
      this.computeDora(scope, days, endOfDay, now),
    );
  }

  private async computeDora(
    scope: Scope,
    days: number,
    endOfDay: number | undefined,
    now: number,
  ): Promise<DoraReport> {
    // Today's window ends now, as without an end.
    const to = endOfDay === undefined ? now : Math.min(endOfDay, now);
    const from = to - days * DAY_MS;
    const [{ total: aggregate, weeks }, services] = await Promise.all([
      this.store.aggregateWithWeeks(from, to, scope),
      scope.kind === 'service' ? this.store.services() : undefined,
    ]);

    const series = [];
    const firstWeek = Math.floor((from - WEEK_EPOCH_MS) / WEEK_MS);
    const lastWeek = Math.floor((to - 1 - WEEK_EPOCH_MS) / WEEK_MS);
    for (let week = firstWeek; week <= lastWeek; week++) {
      const start = WEEK_EPOCH_MS + week * WEEK_MS;
      const covered =
        (Math.min(start + WEEK_MS, to) - Math.max(start, from)) / DAY_MS;
      const a = weeks.get(String(week)) ?? EMPTY_AGGREGATE;
      series.push({
        weekStart: new Date(start).toISOString(),
        days: covered,
        deployments: a.deployments,
        values: Object.fromEntries(
          METRICS.map(m => [m, seriesValue(m, a, covered)]),
        ) as DoraReport['series'][number]['values'],
      });
    }

    const report: DoraReport = {
      scope,
      window: {
        from: new Date(from).toISOString(),
        to: new Date(to).toISOString(),
        days,
      },
      bandVersion: BAND_VERSION,
      metrics: doraMetrics(aggregate, days),
      pipelineFailures: aggregate.pipelineFailures,
      series,
    };
    if (scope.kind === 'service') {
      report.inCatalog =
        services?.find(s => s.ref === scope.ref)?.inCatalog ?? null;
    }
    return report;
  }

  /** Services events name that the catalog does not know. */
  unmapped(limit = 50): Promise<UnmappedService[]> {
    return this.store.unmappedServices(limit);
  }

  /** The teams and services the Delivery page can filter by. */
  async filters(): Promise<DeliveryFilters> {
    const services = (await this.store.services()).filter(s => s.inCatalog);
    return {
      teams: [
        ...new Set(services.flatMap(s => (s.owner ? [s.owner] : []))),
      ].sort(),
      services: services.map(s => ({ ref: s.ref, owner: s.owner })),
    };
  }

  /** Records a user's first sign-in (later ones change nothing). */
  recordSignIn(userRef: string): Promise<boolean> {
    return this.store.recordSignIn(
      userRef.toLocaleLowerCase('en-US'),
      this.now(),
    );
  }

  /**
   * Time to first deployment per joining cohort: the monthly cohorts of the
   * last `months` months (default 12), or with `quarters` the cohorts pooled
   * by joining quarter, the current one included. A pooled quarter's median
   * is the exact median of everyone in it, not a median of monthly medians.
   */
  async onboarding(query: OnboardingQuery = {}): Promise<OnboardingReport> {
    const now = new Date(this.now());
    const bounds = [];
    if (query.quarters !== undefined) {
      const current = quarterOf(now);
      for (let i = query.quarters - 1; i >= 0; i--) {
        const q = quarterBounds(addQuarters(current, -i));
        bounds.push({
          key: q.key,
          start: q.start.getTime(),
          end: q.end.getTime(),
        });
      }
    } else {
      // Whole quarters: the months of the first one before the window count
      // in the suppression below, then only the window's months are returned.
      const months = query.months ?? 12;
      const firstMonth = Date.UTC(
        now.getUTCFullYear(),
        now.getUTCMonth() - (months - 1),
        1,
      );
      const from = quarterBounds(quarterOf(new Date(firstMonth))).start;
      for (
        let m = 0;
        Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + m, 1) <=
        Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
        m++
      ) {
        const start = Date.UTC(
          from.getUTCFullYear(),
          from.getUTCMonth() + m,
          1,
        );
        const end = Date.UTC(
          from.getUTCFullYear(),
          from.getUTCMonth() + m + 1,
          1,
        );
        bounds.push({ key: monthKey(start), start, end });
      }
    }
    const rows = new Map(
      (await this.store.cohorts(bounds)).map(r => [r.cohort, r]),
    );
    const k = this.settings.minCohortSize;
    // Below k people, who has deployed (and how fast) is one person's data;
    // and a month's counts must not be recoverable as its quarter's (which
    // ?quarters shows) minus the months shown: within each quarter, more
    // months are hidden until the hidden ones hold at least k people.
    const hidden = new Set<string>();
    const byQuarter = new Map<string, Array<{ key: string; n: number }>>();
    for (const b of bounds) {
      const joined = rows.get(b.key)?.joined ?? 0;
      if (joined === 0) continue;
      const quarter =
        query.quarters !== undefined ? b.key : quarterOf(new Date(b.start));
      byQuarter.set(quarter, [
        ...(byQuarter.get(quarter) ?? []),
        { key: b.key, n: joined },
      ]);
    }
    for (const groups of byQuarter.values()) {
      for (const g of suppressGroups(groups, k)) {
        if (!g.visible) hidden.add(g.key);
      }
    }
    const shownBounds =
      query.quarters !== undefined
        ? bounds
        : bounds.slice(bounds.length - (query.months ?? 12));
    return {
      period: query.quarters !== undefined ? 'quarter' : 'month',
      minCohortSize: k,
      cohorts: shownBounds.map(b => {
        const r = rows.get(b.key);
        const joined = r?.joined ?? 0;
        const deployed = r?.deployed ?? 0;
        const countsShown = !hidden.has(b.key);
        return {
          cohort: b.key,
          joined,
          deployed: countsShown ? deployed : null,
          notYetDeployed: countsShown ? joined - deployed : null,
          medianDays:
            countsShown &&
            deployed >= k &&
            r?.medianMs !== null &&
            r?.medianMs !== undefined
              ? r.medianMs / DAY_MS
              : null,
        };
      }),
    };
  }

  /** Platform releases: generally available roadmap items and PM markers, newest first. */
  async releases(
    credentials: BackstageCredentials,
  ): Promise<PlatformRelease[]> {
    const [roadmap, markers] = await Promise.all([
      this.sources.roadmapReleases(credentials),
      this.store.markers(),
    ]);
    const releases: PlatformRelease[] = [
      ...roadmap.map(r => ({
        id: `roadmap:${r.id}`,
        kind: 'roadmap' as const,
        title: r.title,
        releasedAt: new Date(r.shippedAt).toISOString(),
        description: r.summary,
      })),
      ...markers.map(m => ({
        id: `marker:${m.id}`,
        kind: 'marker' as const,
        title: m.title,
        releasedAt: new Date(m.releasedAt).toISOString(),
        description: m.description,
      })),
    ];
    return releases.sort(
      (a, b) =>
        b.releasedAt.localeCompare(a.releasedAt) || a.id.localeCompare(b.id),
    );
  }

  /**
   * What a release changed: for each metric, golden-path services against
   * the rest, each service compared with itself in the `days` before and
   * after, with the 95% bootstrap interval of the difference.
   */
  async releaseImpact(
    releaseId: string,
    days: number | undefined,
    credentials: BackstageCredentials,
  ): Promise<ReleaseImpactReport> {
    const span = days ?? DEFAULT_IMPACT_DAYS;
    const release = (await this.releases(credentials)).find(
      r => r.id === releaseId,
    );
    if (!release) throw new NotFoundError(`No platform release ${releaseId}`);
    const at = Date.parse(release.releasedAt);
    const organisation: Scope = { kind: 'organisation' };
    const [before, after, goldenPaths] = await Promise.all([
      this.store.aggregate(at - span * DAY_MS, at, organisation, 'service'),
      this.store.aggregate(at, at + span * DAY_MS, organisation, 'service'),
      this.sources.goldenPathServices(credentials),
    ]);
    const services: ServiceWindows[] = [
      ...new Set([...before.keys(), ...after.keys()]),
    ]
      .sort()
      .map(service => ({
        service,
        goldenPath: goldenPaths.has(service),
        before: before.get(service) ?? EMPTY_AGGREGATE,
        after: after.get(service) ?? EMPTY_AGGREGATE,
      }));
    const afterDays = Math.max(1, Math.min(span, (this.now() - at) / DAY_MS));
    return {
      release,
      days: span,
      complete: at + span * DAY_MS <= this.now(),
      goldenPathServices: services.filter(s => s.goldenPath).length,
      otherServices: services.filter(s => !s.goldenPath).length,
      metrics: METRICS.map(metric =>
        metricImpact(
          metric,
          services,
          { before: span, after: afterDays },
          release.id,
        ),
      ),
    };
  }

  /** Adds a release marker. */
  async addMarker(
    input: ReleaseMarkerInput,
    createdBy: string,
  ): Promise<PlatformRelease> {
    if (input.releasedAt > this.now() + 366 * DAY_MS) {
      throw new InputError('releasedAt is more than a year ahead');
    }
    const id = await this.store.addMarker(
      {
        title: input.title,
        description: input.description ?? null,
        releasedAt: input.releasedAt,
        createdBy,
      },
      this.now(),
    );
    return {
      id: `marker:${id}`,
      kind: 'marker',
      title: input.title,
      releasedAt: new Date(input.releasedAt).toISOString(),
      description: input.description ?? null,
    };
  }

  /** Removes a release marker; 404 when there is none. */
  async deleteMarker(id: number): Promise<void> {
    if (!(await this.store.deleteMarker(id))) {
      throw new NotFoundError(`No release marker ${id}`);
    }
  }

  /** Refreshes what the catalog says of the services and people. */
  async syncCatalog(): Promise<{ services: number; users: number }> {
    const refs = (await this.store.services()).map(s => s.ref);
    const entries = await this.directory.lookup(refs);
    await this.store.updateCatalog(entries);
    const users = await this.directory.users();
    if (users.length > 0) {
      await this.store.recordCatalogUsers(users, this.now());
    }
    return { services: refs.length, users: users.length };
  }

  /**
   * Keeps today's classification of every metric for the organisation, each
   * team and each known service, with the band version it was made under.
   */
  async snapshotClassifications(
    windowDays = DEFAULT_WINDOW_DAYS,
  ): Promise<number> {
    const computedAt = this.now();
    const { teams, services } = await this.filters();
    const scopes: Scope[] = [
      { kind: 'organisation' },
      ...teams.map(ref => ({ kind: 'team' as const, ref })),
      ...services.map(s => ({ kind: 'service' as const, ref: s.ref })),
    ];
    const rows: ClassificationRow[] = [];
    for (const scope of scopes) {
      const to = computedAt;
      const from = to - windowDays * DAY_MS;
      const a =
        (await this.store.aggregate(from, to, scope, 'total')).get('all') ??
        EMPTY_AGGREGATE;
      const metrics = doraMetrics(a, windowDays);
      for (const m of METRICS) {
        rows.push({
          day: isoDay(computedAt),
          scopeKind: scope.kind,
          scopeRef: scope.kind === 'organisation' ? '' : scope.ref,
          windowDays,
          metric: m,
          value: metrics[m].value,
          status: metrics[m].status,
          band: metrics[m].classification?.band ?? null,
          bandVersion: BAND_VERSION,
          computedAt,
        });
      }
    }
    await this.store.saveClassifications(rows);
    return rows.length;
  }
}
