import {
  DAY_MS,
  DeploymentEvent,
  HOUR_MS,
  IncidentEvent,
  MINUTE_MS,
  seededRandom,
} from '@paved/plugin-platform-metrics-common';

/** A demo service: a component of the catalog that deploys. */
export interface DemoService {
  ref: string;
  owner: string;
  /** Its `paved.dev/created-at`, when it has one (epoch ms). */
  createdAt: number | null;
  goldenPath: boolean;
}

/** A demo person: their team and, for new joiners, their start. */
export interface DemoDeveloper {
  ref: string;
  team: string;
  joinedAt: number | null;
}

/** How a team delivers in the demo. */
interface TeamProfile {
  /** Production deployments per service per day. */
  perDay: number;
  /** Median commit → production, in hours. */
  leadHours: number;
  /** Share of production deployments that fail. */
  failureRate: number;
  /** Median time to restore, in hours. */
  recoveryHours: number;
  /** Days a new joiner takes to their first production deployment. */
  onboardingDays: number;
}

// Teams at different DORA bands: platform elite, checkout and customer apps
// high, routing and fleet medium, data low.
const PROFILES: Record<string, TeamProfile> = {
  'group:default/platform-team': {
    perDay: 1.1,
    leadHours: 5,
    failureRate: 0.03,
    recoveryHours: 0.6,
    onboardingDays: 3,
  },
  'group:default/checkout': {
    perDay: 0.5,
    leadHours: 40,
    failureRate: 0.08,
    recoveryHours: 5,
    onboardingDays: 6,
  },
  'group:default/customer-apps': {
    perDay: 0.35,
    leadHours: 30,
    failureRate: 0.07,
    recoveryHours: 9,
    onboardingDays: 8,
  },
  'group:default/routing': {
    perDay: 0.25,
    leadHours: 110,
    failureRate: 0.12,
    recoveryHours: 40,
    onboardingDays: 12,
  },
  'group:default/fleet-ops': {
    perDay: 0.15,
    leadHours: 230,
    failureRate: 0.13,
    recoveryHours: 60,
    onboardingDays: 16,
  },
  'group:default/data-insights': {
    perDay: 0.03,
    leadHours: 1400,
    failureRate: 0.22,
    recoveryHours: 200,
    onboardingDays: 35,
  },
};
const DEFAULT_PROFILE = PROFILES['group:default/routing'];

/** The sources demo events come from. */
export const DEMO_CI = 'demo-ci';
/** The incident tool of the demo. */
export const DEMO_PAGER = 'demo-pager';

/**
 * A year of deployments and incidents for the demo services, the same for
 * the same inputs: teams at different bands, a few rework deployments,
 * pipeline failures, rollbacks and incidents (some naming their cause, most
 * not), new joiners' first deployments, and a platform release after which
 * golden-path services get faster and fail less while the rest do not.
 */
export function generateDeliveryHistory(options: {
  services: readonly DemoService[];
  developers: readonly DemoDeveloper[];
  releaseAt: number;
  now: number;
  seed?: string;
}): { deployments: DeploymentEvent[]; incidents: IncidentEvent[] } {
  const { services, developers, releaseAt, now } = options;
  const random = seededRandom(options.seed ?? 'lumen-freight');
  const start = now - 365 * DAY_MS;
  const deployments: DeploymentEvent[] = [];
  const incidents: IncidentEvent[] = [];
  // A log-normal spread around a median: most near it, a long tail.
  const around = (median: number) =>
    median * Math.exp((random() + random() + random() - 1.5) * 1.1);
  let run = 0;
  let sha = 0;
  let incidentId = 0;

  // Who deploys each team's services; a joiner only from their first deployment.
  const firstDeployOf = new Map<string, number>();
  for (const d of developers) {
    if (d.joinedAt === null) continue;
    // Joined in the last three weeks: still onboarding, no deployment yet.
    if (d.joinedAt > now - 21 * DAY_MS) {
      firstDeployOf.set(d.ref, Infinity);
      continue;
    }
    const profile = PROFILES[d.team] ?? DEFAULT_PROFILE;
    firstDeployOf.set(
      d.ref,
      d.joinedAt + around(profile.onboardingDays) * DAY_MS,
    );
  }
  const deployerAt = (team: string, at: number) => {
    const candidates = developers.filter(
      d => d.team === team && (firstDeployOf.get(d.ref) ?? -Infinity) <= at,
    );
    if (candidates.length === 0) return undefined;
    return candidates[Math.floor(random() * candidates.length)].ref;
  };

  const deploy = (
    service: DemoService,
    finishedAt: number,
    patch: Partial<DeploymentEvent>,
  ): DeploymentEvent => {
    const event: DeploymentEvent = {
      source: DEMO_CI,
      externalId: `run-${++run}`,
      service: service.ref,
      environment: 'production',
      status: 'success',
      startedAt: Math.round(finishedAt - (4 + random() * 14) * MINUTE_MS),
      finishedAt: Math.round(finishedAt),
      commits: [],
      rework: false,
      ...patch,
    };
    deployments.push(event);
    return event;
  };

  for (const service of [...services].sort((a, b) =>
    a.ref.localeCompare(b.ref),
  )) {
    const profile = PROFILES[service.owner] ?? DEFAULT_PROFILE;
    let t = Math.max(start, service.createdAt ?? start);
    for (;;) {
      t += (-Math.log(1 - random()) / profile.perDay) * DAY_MS;
      if (t >= now - HOUR_MS) break;
      // After the release, golden-path services ship faster and fail less.
      const improved = service.goldenPath && t >= releaseAt;
      const leadHours = profile.leadHours * (improved ? 0.45 : 1);
      const failureRate = profile.failureRate * (improved ? 0.5 : 1);
      const commits = [];
      for (let c = 1 + Math.floor(random() * 4); c > 0; c--) {
        commits.push({
          sha: (++sha).toString(16).padStart(12, 'a'),
          committedAt: t - around(leadHours) * HOUR_MS,
        });
      }
      const deployer = deployerAt(service.owner, t);

      if (random() < 0.05) {
        // A pipeline failure: never reached production; the commits ship next time.
        deploy(service, t - 30 * MINUTE_MS, {
          status: 'failed',
          environment: 'production',
          commits,
          deployer,
        });
      }
      if (random() < 0.3) {
        deploy(service, t - 3 * HOUR_MS, {
          environment: 'staging',
          commits,
          deployer,
        });
      }
      const failing = random() < failureRate;
      const rolledBack = failing && random() < 0.5;
      const d = deploy(service, t, {
        status: rolledBack ? 'rolled_back' : 'success',
        commits,
        rework: !failing && random() < 0.04,
        deployer,
      });
      const restoreAt = t + around(profile.recoveryHours) * HOUR_MS;
      if (rolledBack) {
        // The fix: the next successful production deployment.
        if (restoreAt < now) {
          deploy(service, restoreAt, {
            rework: true,
            deployer,
            commits: [
              {
                sha: (++sha).toString(16).padStart(12, 'a'),
                committedAt: restoreAt - 20 * MINUTE_MS,
              },
            ],
          });
          t = restoreAt;
        }
      } else if (failing) {
        const openedAt = t + (10 + random() * 120) * MINUTE_MS;
        if (openedAt < now) {
          incidents.push({
            source: DEMO_PAGER,
            externalId: `INC-${++incidentId}`,
            service: service.ref,
            openedAt,
            resolvedAt:
              restoreAt < now
                ? Math.max(restoreAt, openedAt + MINUTE_MS)
                : null,
            ...(random() < 0.3
              ? { causedBy: { source: DEMO_CI, externalId: d.externalId } }
              : {}),
          });
        }
      }
    }
  }

  // Each joiner's first production deployment, on a service of their team.
  for (const d of [...developers].sort((a, b) => a.ref.localeCompare(b.ref))) {
    const at = firstDeployOf.get(d.ref);
    if (at === undefined || at >= now) continue;
    const own = services.filter(s => s.owner === d.team);
    if (own.length === 0) continue;
    const service = own[Math.floor(random() * own.length)];
    deploy(service, at, {
      deployer: d.ref,
      commits: [
        {
          sha: (++sha).toString(16).padStart(12, 'a'),
          committedAt: at - 6 * HOUR_MS,
        },
      ],
    });
  }
  return { deployments, incidents };
}

/**
 * Events for services the catalog does not know (a renamed service still
 * deploying under its old name), so the Delivery page lists them for a PM.
 */
export function unmappedDemoEvents(now: number): DeploymentEvent[] {
  return [0, 1, 2].map(i => ({
    source: DEMO_CI,
    externalId: `legacy-${i}`,
    service: 'component:default/payments-gw',
    environment: 'production',
    status: 'success',
    startedAt: now - (i * 9 + 2) * DAY_MS - 10 * MINUTE_MS,
    finishedAt: now - (i * 9 + 2) * DAY_MS,
    commits: [],
    rework: false,
  }));
}
