/**
 * The interview guide a new study starts with: open questions about what developers
 * did, not what they want, because feature requests name symptoms and research finds
 * root causes.
 */
export const DEFAULT_GUIDE: readonly string[] = [
  'Walk me through your last deployment, from merging the change to seeing it in production.',
  'What was the most frustrating part of it? What did you do then?',
  'Tell me about the last time you set up a new service or repository. Where did you get stuck?',
  'Think of the last time something broke in production. How did you find out what was wrong?',
  'What do you do today that feels like a workaround? How did it start?',
  'When the platform got in your way recently, who did you ask, and what happened next?',
];

// Phrasings that ask people to design the solution instead of describing their work.
const FEATURE_REQUEST_PATTERNS: readonly RegExp[] = [
  /\bwould you like\b/i,
  /\b(what|which) (new )?features?\b/i,
  /\bdo you want\b/i,
  /\bwould you want\b/i,
  /\bshould we (build|add|offer)\b/i,
  /\bwish ?list\b/i,
  /\bwhat would you (add|build|want)\b/i,
  /\bif we built\b/i,
];

/** The warning the guide editor shows beside a question that asks for features. */
export const FEATURE_REQUEST_WARNING =
  'This asks for features. Feature requests name symptoms; ask what they did instead, e.g. "Walk me through the last time you…".';

/** True when a guide question asks developers what features they want. */
export function asksForFeatures(question: string): boolean {
  return FEATURE_REQUEST_PATTERNS.some(pattern => pattern.test(question));
}

/** The questions of a guide that ask for features, by position, with the warning. */
export function guideWarnings(
  questions: readonly string[],
): Array<{ index: number; message: string }> {
  return questions.flatMap((question, index) =>
    asksForFeatures(question)
      ? [{ index, message: FEATURE_REQUEST_WARNING }]
      : [],
  );
}
