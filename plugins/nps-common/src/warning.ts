import { NpsSummary, exactNps } from './nps';

/** The shadow-IT warning: the latest NPS is below the threshold. */
export interface NpsWarning {
  threshold: number;
  nps: number;
  interval: NpsSummary['interval'];
  /** True when even the top of the 95% interval is below the threshold. */
  certain: boolean;
}

/**
 * The warning for the latest summarised results, or null when the exact NPS is at
 * or above the threshold (below +20, developers start building workarounds).
 */
export function npsWarning(
  latest: NpsSummary | null,
  threshold: number,
): NpsWarning | null {
  if (!latest || !(exactNps(latest) < threshold)) return null;
  return {
    threshold,
    nps: latest.nps,
    interval: latest.interval,
    certain: latest.interval.high < threshold,
  };
}
