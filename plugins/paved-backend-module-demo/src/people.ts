import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** A person of the demo organisation and their team. */
export interface DemoPerson {
  userRef: string;
  /** The first group they are a member of, or null. */
  teamRef: string | null;
}

/**
 * The catalog's users with their teams, sorted by entity ref: the catalog's own
 * order varies between starts, and the demo story must not.
 */
export async function catalogPeople(
  catalog: CatalogService,
  auth: AuthService,
): Promise<DemoPerson[]> {
  const { items } = await catalog.getEntities(
    {
      filter: { kind: 'User' },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
    },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  return items
    .map(user => ({
      userRef: stringifyEntityRef(user),
      teamRef:
        user.relations?.find(relation => relation.type === 'memberOf')
          ?.targetRef ?? null,
    }))
    .sort((a, b) => a.userRef.localeCompare(b.userRef));
}

/**
 * The catalog's people once it has finished ingesting them: the same people (at
 * least one, each with a team) on two calls in a row. Until then, undefined; a
 * catalog still processing the organisation would otherwise give a demo of three.
 */
export function settledPeople(
  catalog: CatalogService,
  auth: AuthService,
): () => Promise<DemoPerson[] | undefined> {
  let previous = '';
  return async () => {
    const people = await catalogPeople(catalog, auth);
    const seen = JSON.stringify(people);
    const settled =
      people.length > 0 && people.every(p => p.teamRef) && seen === previous;
    previous = seen;
    return settled ? people : undefined;
  };
}

/**
 * Tries `load` every 15 seconds on one replica, e.g. until the catalog has the demo
 * organisation; `load` returns true when it loaded something (then `loaded` is
 * logged), false when it is not ready yet or the data is there already.
 */
export async function loadWhenReady(options: {
  scheduler: SchedulerService;
  logger: LoggerService;
  id: string;
  loaded: string;
  load: () => Promise<boolean>;
  /** Seconds before the first try (default 5). */
  initialDelaySeconds?: number;
}): Promise<void> {
  await options.scheduler.scheduleTask({
    id: options.id,
    frequency: { seconds: 15 },
    timeout: { minutes: 2 },
    initialDelay: { seconds: options.initialDelaySeconds ?? 5 },
    scope: 'global',
    fn: async () => {
      if (await options.load()) options.logger.info(options.loaded);
    },
  });
}
