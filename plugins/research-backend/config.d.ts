export interface Config {
  /** User research: interview studies and developer previews. */
  research?: {
    /** Proposes a study when a quarter starts with none (a scheduled task, scope global). */
    schedule?: {
      /** @default true */
      enabled?: boolean;
      /** Participants the proposed study aims for, 6 to 10. @default 8 */
      goal?: number;
    };
    /** How recruiting reads the catalog. */
    recruiting?: {
      /** The User annotation holding a start date (YYYY-MM-DD). @default paved.dev/joined-at */
      startDateAnnotation?: string;
      /** A new joiner started less than this many months ago. @default 6 */
      newJoinerMonths?: number;
    };
    /** Themes findings may carry besides those of survey comments. @default [] */
    extraThemes?: string[];
    /** Developer previews. */
    previews?: {
      /** Minutes between checks of the roadmap for items that reached general availability. @default 5 */
      generalAvailabilityCheckMinutes?: number;
    };
    /** Demo studies and a preview for the demo organisation; development only. */
    demoData?: {
      /** @default false */
      enabled?: boolean;
    };
  };
}
