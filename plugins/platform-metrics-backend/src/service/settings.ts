import { Config } from '@backstage/config';
import { cacheSecondsSetting } from '@paved/backend-router-utils';
import { effectiveMinGroupSize } from '@paved/common';

/** Every setting of the delivery-metrics plugin, from `platformMetrics`. */
export interface PlatformMetricsSettings {
  /** How often services and people are checked against the catalog. */
  catalogSyncSeconds: number;
  /**
   * The smallest joining cohort whose deployed counts are shown, and the fewest
   * first deployments a median is shown for (never below 3): with fewer, one
   * person's time to first deployment could be read off.
   */
  minCohortSize: number;
  /**
   * How long a DORA report is served again without computing it, in
   * milliseconds, while no write has changed the figures (0: never).
   */
  doraCacheMs: number;
}

/** Reads and validates `platformMetrics`: the one place its config is read. */
export function readPlatformMetricsSettings(
  config: Config,
): PlatformMetricsSettings {
  const section = config.getOptionalConfig('platformMetrics');
  const catalogSyncSeconds =
    section?.getOptionalNumber('catalogSync.frequencySeconds') ?? 300;
  if (!Number.isInteger(catalogSyncSeconds) || catalogSyncSeconds < 1) {
    throw new Error(
      'platformMetrics.catalogSync.frequencySeconds must be a whole number of seconds, at least 1',
    );
  }
  return {
    catalogSyncSeconds,
    doraCacheMs: cacheSecondsSetting(
      config,
      'platformMetrics.dora.cacheSeconds',
      60_000,
    ),
    minCohortSize: effectiveMinGroupSize(
      section?.getOptionalNumber('onboarding.minCohortSize'),
    ),
  };
}
