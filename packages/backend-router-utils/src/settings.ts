/**
 * A cache time setting (`paved.auth.userTokenCacheSeconds`,
 * `platformMetrics.dora.cacheSeconds`): configured in seconds, from 0 (off) to
 * 300, returned in milliseconds; `defaultMs` when unset. A value out of range
 * stops the backend, naming the key.
 */
export function cacheSecondsSetting(
  config: { getOptionalNumber(key: string): number | undefined },
  key: string,
  defaultMs: number,
): number {
  const seconds = config.getOptionalNumber(key);
  if (seconds === undefined) return defaultMs;
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 300) {
    throw new Error(
      `${key} must be a number of seconds from 0 (off) to 300, got ${seconds}`,
    );
  }
  return Math.round(seconds * 1000);
}
