import { InputError } from '@backstage/errors';
import { componentNameProblem } from '@paved/plugin-golden-paths-common';

export {
  COMPONENT_NAME_MAX_LENGTH,
  COMPONENT_NAME_MIN_LENGTH,
  COMPONENT_NAME_PATTERN,
  componentNameProblem,
} from '@paved/plugin-golden-paths-common';

/**
 * Throws an `InputError` naming the problem when `name` is not acceptable (the
 * rule is golden-paths-common's componentNameProblem, which the form checks too).
 */
export function assertValidComponentName(name: string): void {
  const problem = componentNameProblem(name);
  if (problem) {
    throw new InputError(problem);
  }
}
