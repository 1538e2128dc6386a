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
    demoData?: {
      /** Load a year of demo deployments and incidents (development only). */
      enabled?: boolean;
    };
  };
}
