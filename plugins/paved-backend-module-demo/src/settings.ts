import { Config } from '@backstage/config';

/** What demo data to load, from each plugin's `demoData` config section. */
export interface DemoSettings {
  nps: { enabled: boolean; leaveUnanswered: string[] };
  roadmap: { enabled: boolean };
  goldenPaths: { enabled: boolean };
  platformMetrics: { enabled: boolean };
  research: { enabled: boolean };
  platformHealth: { enabled: boolean };
}

/** Reads every demo-data setting: the one place this module reads config. */
export function readDemoSettings(config: Config): DemoSettings {
  return {
    nps: {
      enabled: config.getOptionalBoolean('nps.demoData.enabled') ?? false,
      leaveUnanswered:
        config.getOptionalStringArray('nps.demoData.leaveUnanswered') ?? [],
    },
    roadmap: {
      enabled: config.getOptionalBoolean('roadmap.demoData.enabled') ?? false,
    },
    goldenPaths: {
      enabled:
        config.getOptionalBoolean('goldenPaths.demoData.enabled') ?? false,
    },
    platformMetrics: {
      enabled:
        config.getOptionalBoolean('platformMetrics.demoData.enabled') ?? false,
    },
    research: {
      enabled: config.getOptionalBoolean('research.demoData.enabled') ?? false,
    },
    platformHealth: {
      enabled:
        config.getOptionalBoolean('platformHealth.demoData.enabled') ?? false,
    },
  };
}
