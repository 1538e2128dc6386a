export interface Config {
  /** Public roadmap settings. */
  roadmap?: {
    /** The roadmap inbox. */
    notices?: {
      /**
       * Read notices are deleted this many days after they were read (a task
       * runs every 6 hours); unread notices are kept.
       * @default 90
       */
      readRetentionDays?: number;
    };
    /** A demo roadmap for the demo organisation; development only. */
    demoData?: {
      /** @default false */
      enabled?: boolean;
    };
  };
}
