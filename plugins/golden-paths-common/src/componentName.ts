/**
 * What a golden path accepts as a component name: lowercase letters and digits in
 * words joined by single hyphens. The same string is the catalog name, the
 * repository folder and the package name, so it must be safe as all three.
 */
export const COMPONENT_NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Shortest accepted component name. */
export const COMPONENT_NAME_MIN_LENGTH = 3;

/** Longest accepted component name (the catalog's limit for names). */
export const COMPONENT_NAME_MAX_LENGTH = 63;

/**
 * Why `name` is not an acceptable component name, in words for the person who
 * typed it, or undefined when it is fine.
 */
export function componentNameProblem(name: string): string | undefined {
  const shown = JSON.stringify(name);
  if (name.length < COMPONENT_NAME_MIN_LENGTH) {
    return `The name ${shown} is too short: use at least ${COMPONENT_NAME_MIN_LENGTH} characters.`;
  }
  if (name.length > COMPONENT_NAME_MAX_LENGTH) {
    return `The name ${shown} is too long: use at most ${COMPONENT_NAME_MAX_LENGTH} characters.`;
  }
  if (!COMPONENT_NAME_PATTERN.test(name)) {
    return (
      `The name ${shown} is not a valid component name: use lowercase letters ` +
      `and digits, with single hyphens between words (for example "orders-api").`
    );
  }
  return undefined;
}

/** The name rule in words, as the Scaffolder form says it before anyone types. */
export const COMPONENT_NAME_RULE = `Lowercase letters and digits, words joined by single hyphens, ${COMPONENT_NAME_MIN_LENGTH} to ${COMPONENT_NAME_MAX_LENGTH} characters (for example "orders-api").`;

/** Whether a component name is free, as `GET /api/golden-paths/names/:name` answers. */
export interface NameAvailability {
  name: string;
  available: boolean;
  /** Why the name cannot be used, in words; null when it can. */
  problem: string | null;
}

/** Why a name the catalog already has cannot be used, in words. */
export function takenNameProblem(
  name: string,
  existing: { ref: string; owner?: string | null },
): string {
  const owner = existing.owner ? `, owned by ${existing.owner}` : '';
  return `The catalog already has a component named "${name}" (${existing.ref}${owner}); choose another name.`;
}
