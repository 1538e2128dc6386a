export interface Config {
  /** Delivery metrics. See plugins/platform-metrics-backend/README.md. */
  platformMetrics?: {
    catalogSync?: {
      /**
       * How often the services events name and the catalog's users are
       * checked against the catalog, in seconds.
       * @default 300
       */
      frequencySeconds?: number;
    };
    dora?: {
      /**
       * How long a DORA report (GET /dora) is served again without computing
       * it, in seconds, from 0 (off) to 300. Any write that changes the
       * figures (a delivery, an incident, a service's owner) makes the next
       * request compute it again, on every replica.
       * @default 60
       */
      cacheSeconds?: number;
    };
    onboarding?: {
      /**
       * The smallest joining cohort whose counts are shown, and the fewest
       * first deployments a median is shown for (never below 3).
       * @default 5
       */
      minCohortSize?: number;
    };
    demoData?: {
      /** Load a year of demo deployments and incidents (development only). */
      enabled?: boolean;
    };
  };
}
