export interface Config {
  /** Public roadmap settings. */
  roadmap?: {
    /** A demo roadmap for the demo organisation; development only. */
    demoData?: {
      /** @default false */
      enabled?: boolean;
    };
  };
}
