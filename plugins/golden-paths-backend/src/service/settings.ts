import { Config } from '@backstage/config';

/** Every setting of the golden-paths backend, from the `goldenPaths` config section. */
export interface GoldenPathsSettings {
  scan: {
    /** How often the catalog is scanned, in seconds. */
    frequencySeconds: number;
    /** First-seen components within this window of the first scan are the baseline. */
    baselineWindowMs: number;
  };
  runs: {
    /** How often finished Scaffolder runs are recorded, in seconds. */
    frequencySeconds: number;
  };
  templates: {
    /** How often each replica refreshes its cached golden-path templates, in seconds. */
    refreshSeconds: number;
  };
}

function positiveSeconds(
  config: Config | undefined,
  key: string,
  fallback: number,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `goldenPaths.${key} must be a whole number of seconds, at least 1`,
    );
  }
  return value;
}

/** Reads and validates the `goldenPaths` config section: the one place it is read here. */
export function readGoldenPathsSettings(config: Config): GoldenPathsSettings {
  const section = config.getOptionalConfig('goldenPaths');
  const baselineMinutes =
    section?.getOptionalNumber('scan.baselineWindowMinutes') ?? 0;
  if (!(baselineMinutes >= 0)) {
    throw new Error(
      'goldenPaths.scan.baselineWindowMinutes must be zero or more minutes',
    );
  }
  return {
    scan: {
      frequencySeconds: positiveSeconds(section, 'scan.frequencySeconds', 60),
      baselineWindowMs: baselineMinutes * 60_000,
    },
    runs: {
      frequencySeconds: positiveSeconds(section, 'runs.frequencySeconds', 30),
    },
    templates: {
      refreshSeconds: positiveSeconds(section, 'templates.refreshSeconds', 30),
    },
  };
}
