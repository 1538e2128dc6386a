import { CacheService } from '@backstage/backend-plugin-api';
import { Audience } from '@paved/plugin-nps-common';
import { AudienceDirectory } from './audience';

/** How long an eligible count is reused before the catalog is asked again. */
export const ELIGIBLE_COUNT_TTL_MS = 5 * 60 * 1000;

function cacheKey(audience: Audience): string {
  if (audience.type === 'all') return 'eligible:all';
  const groups = audience.groups.map(g => g.toLocaleLowerCase('en-US')).sort();
  return `eligible:groups:${groups.join(',')}`;
}

/**
 * Eligible counts from Backstage's cache service, so reading results does not ask
 * the catalog on every request; a count is at most five minutes old.
 */
export class CachedAudienceDirectory implements AudienceDirectory {
  constructor(
    private readonly directory: AudienceDirectory,
    private readonly cache: CacheService,
    private readonly ttlMs = ELIGIBLE_COUNT_TTL_MS,
  ) {}

  async eligibleCount(audience: Audience): Promise<number> {
    const key = cacheKey(audience);
    const cached = await this.cache.get<number>(key);
    if (typeof cached === 'number') return cached;
    const count = await this.directory.eligibleCount(audience);
    await this.cache.set(key, count, { ttl: this.ttlMs });
    return count;
  }
}
