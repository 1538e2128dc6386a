export interface Config {
  /** Golden paths. See plugins/golden-paths-backend/README.md. */
  goldenPaths?: {
    scan?: {
      /**
       * How often the catalog is scanned for components and approved
       * templates, in seconds.
       * @default 60
       */
      frequencySeconds?: number;
      /**
       * Components without a `paved.dev/created-at` annotation that are first
       * seen within this many minutes of the first scan that found any are
       * treated as already existing before Paved (not new in any quarter).
       * Raise it when the catalog is still ingesting when Paved first starts.
       * @default 0
       */
      baselineWindowMinutes?: number;
    };
    runs?: {
      /**
       * How often finished Scaffolder runs are recorded, in seconds.
       * @default 30
       */
      frequencySeconds?: number;
    };
    templates?: {
      /**
       * How often each replica refreshes the golden-path templates it serves
       * from Backstage's cache service, in seconds. A refreshed list is used
       * for up to three times this long if refreshes fail.
       * @default 30
       */
      refreshSeconds?: number;
    };
    demoData?: {
      /** Record demo Scaffolder runs for the demo organisation's history. */
      enabled?: boolean;
    };
  };
}
