import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  GOLDEN_PATH_VERSION_ANNOTATION,
  RunStatus,
} from '@paved/plugin-golden-paths-common';
import { GoldenPathsStore, RunRecord } from '../database/GoldenPathsStore';

/** A task as the Scaffolder's `GET /v2/tasks` lists it. */
export type ScaffolderTask = {
  id: string;
  status: string;
  createdAt: string;
  createdBy?: string | null;
  spec: {
    steps?: Array<{ id: string; action: string }>;
    templateInfo?: {
      entityRef?: string;
      entity?: { metadata?: { annotations?: Record<string, string> } };
    };
  };
};

/** A task event as `GET /v2/tasks/:id/events` returns it. */
export type ScaffolderTaskEvent = {
  type: string;
  createdAt: string;
  body: { output?: Record<string, unknown>; [key: string]: unknown };
};

/** The part of the Scaffolder's API the recorder reads. */
export interface ScaffolderTasks {
  list(offset: number, limit: number): Promise<ScaffolderTask[]>;
  events(taskId: string): Promise<ScaffolderTaskEvent[]>;
}

const FINISHED: readonly string[] = ['completed', 'failed', 'cancelled'];

/** The Scaffolder action that refuses a name before anything is written. */
export const CHECK_NAME_ACTION = 'paved:component:check-name';

/**
 * Whether a failed run stopped at the name check: the form's job, not a failure
 * of the golden path, so it is recorded as refused and not counted.
 */
export function refusedAtNameCheck(
  task: ScaffolderTask,
  events: ScaffolderTaskEvent[],
): boolean {
  const checks = new Set(
    (task.spec.steps ?? [])
      .filter(s => s.action === CHECK_NAME_ACTION)
      .map(s => s.id),
  );
  return events.some(
    e =>
      e.type === 'log' &&
      e.body.status === 'failed' &&
      typeof e.body.stepId === 'string' &&
      checks.has(e.body.stepId),
  );
}
const PAGE = 50;

/** The Scaffolder's task API, called with the golden-paths plugin's own token. */
export class ScaffolderTasksClient implements ScaffolderTasks {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
  ) {}

  private async get<T>(path: string): Promise<T> {
    const base = await this.discovery.getBaseUrl('scaffolder');
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'scaffolder',
    });
    const res = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return (await res.json()) as T;
  }

  async list(offset: number, limit: number) {
    const { tasks } = await this.get<{ tasks: ScaffolderTask[] }>(
      `/v2/tasks?order=desc:created_at&limit=${limit}&offset=${offset}`,
    );
    return tasks;
  }

  async events(taskId: string) {
    return this.get<ScaffolderTaskEvent[]>(
      `/v2/tasks/${encodeURIComponent(taskId)}/events`,
    );
  }
}

/**
 * Records every finished Scaffolder run of any template (template, version,
 * the user's team, outcome, duration, created entity). It reconciles against
 * the Scaffolder's own task list, which the Scaffolder keeps in its database,
 * so a restart of either plugin loses no run: whatever finished while Paved
 * was down is recorded on the next pass. Newest first, stopping at the first
 * page whose tasks are all recorded.
 */
export class RunRecorder {
  constructor(
    private readonly deps: {
      store: GoldenPathsStore;
      tasks: ScaffolderTasks;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async sync(): Promise<number> {
    const { store, tasks } = this.deps;
    const teams = new Map<string, string | null>();
    let recorded = 0;
    for (let offset = 0; ; offset += PAGE) {
      const page = await tasks.list(offset, PAGE);
      const known = await store.recordedRuns(page.map(t => t.id));
      const unknown = page.filter(t => !known.has(t.id));
      for (const task of unknown) {
        if (!FINISHED.includes(task.status)) continue;
        const run = await this.toRun(task, teams);
        if (run) {
          await store.recordRun(run);
          recorded++;
        }
      }
      if (unknown.length === 0 || page.length < PAGE) break;
    }
    return recorded;
  }

  private async toRun(
    task: ScaffolderTask,
    teams: Map<string, string | null>,
  ): Promise<RunRecord | undefined> {
    const templateRef = task.spec.templateInfo?.entityRef;
    if (!templateRef) return undefined;
    const events = await this.deps.tasks.events(task.id);
    const completion = [...events].reverse().find(e => e.type === 'completion');
    const startedAt = new Date(task.createdAt);
    const finishedAt = completion ? new Date(completion.createdAt) : startedAt;
    const output = completion?.body.output;
    const entityRef =
      task.status === 'completed' && typeof output?.entityRef === 'string'
        ? output.entityRef
        : null;
    return {
      taskId: task.id,
      templateRef,
      templateVersion:
        task.spec.templateInfo?.entity?.metadata?.annotations?.[
          GOLDEN_PATH_VERSION_ANNOTATION
        ] ?? null,
      teamRef: task.createdBy ? await this.teamOf(task.createdBy, teams) : null,
      status:
        task.status === 'failed' && refusedAtNameCheck(task, events)
          ? 'refused'
          : (task.status as RunStatus),
      startedAt,
      finishedAt,
      createdEntityRef: entityRef,
    };
  }

  // The user's team: the first group they are a member of, by name.
  private async teamOf(userRef: string, cache: Map<string, string | null>) {
    if (!cache.has(userRef)) {
      const user = await this.deps.catalog.getEntityByRef(userRef, {
        credentials: await this.deps.auth.getOwnServiceCredentials(),
      });
      const groups = (user?.relations ?? [])
        .filter(r => r.type === 'memberOf')
        .map(r => r.targetRef)
        .sort();
      cache.set(userRef, groups[0] ?? null);
    }
    return cache.get(userRef) ?? null;
  }
}
