export interface Config {
  /** Platform NPS settings. */
  nps?: {
    /** The quarterly campaign, created by a scheduled task so nobody has to remember. */
    schedule?: {
      /** @default true */
      enabled?: boolean;
      /** Only "quarterly" exists. @default quarterly */
      cadence?: 'quarterly';
      /** Days each campaign stays open. @default 21 */
      windowDays?: number;
    };
    /** Days "Remind me later" hides the prompt for. @default 3 */
    remindLaterDays?: number;
    /** Smallest group shown in breakdowns (never below 3). @default 5 */
    minGroupSize?: number;
    /** Smallest group whose comments are shown (never below 3). @default 10 */
    minCommentGroupSize?: number;
    /** NPS below this raises the shadow-IT warning. @default 20 */
    warningThreshold?: number;
    /** Publishing answers in batches (see README "Why the live results lag"). */
    release?: {
      /** How often the release job runs, in seconds. @default 60 */
      frequencySeconds?: number;
    };
    /** Demo campaigns and answers for the demo organisation; read by @paved/backend-module-demo, development only. */
    demoData?: {
      /** @default false */
      enabled?: boolean;
      /** User refs that have not answered the open demo campaign, so they see the prompt. */
      leaveUnanswered?: string[];
    };
    goal?: {
      /** The campaign the goal line starts from: its id, title or period key (e.g. 2025-Q2). Default: the first campaign with results. */
      baselineCampaign?: string;
      /** @default 10 */
      pointsPerYear?: number;
    };
  };
}
