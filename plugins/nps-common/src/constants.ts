/** The NPS question, worded exactly as the platform practice asks it. */
export const NPS_QUESTION =
  'How likely are you to recommend our developer platform to a new engineer joining the team?';

/** The follow-up question asked after the score. */
export const NPS_FOLLOW_UP = 'What is the one thing we should fix or build?';

/** Longest comment accepted, in characters. */
export const COMMENT_MAX_LENGTH = 2000;

/** Below this NPS developers start building workarounds (shadow IT). */
export const DEFAULT_WARNING_THRESHOLD = 20;

/** Days "Remind me later" hides the prompt for, unless configured. */
export const DEFAULT_REMIND_LATER_DAYS = 3;

/** Days a scheduled campaign stays open, unless configured. */
export const DEFAULT_WINDOW_DAYS = 21;
