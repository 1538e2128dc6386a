/** Compares two version strings "major.minor.patch" numerically; -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) =>
    v
      .trim()
      .replace(/^v/i, '')
      .split(/[.+-]/)
      .slice(0, 3)
      .map(part => (/^\d+$/.test(part) ? Number(part) : 0));
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * Whether a service made from `serviceVersion` of a golden path is behind the
 * path's `currentVersion`. Unknown versions are not flagged.
 */
export function isOlderVersion(
  serviceVersion: string | null | undefined,
  currentVersion: string | null | undefined,
): boolean {
  if (!serviceVersion || !currentVersion) return false;
  return compareVersions(serviceVersion, currentVersion) < 0;
}
