import { InputError } from '@backstage/errors';

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

/** Throws an `InputError` naming the problem when `name` is not acceptable. */
export function assertValidComponentName(name: string): void {
  const problem = componentNameProblem(name);
  if (problem) {
    throw new InputError(problem);
  }
}
