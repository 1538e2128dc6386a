/**
 * Scaffolder actions for Paved's golden paths: refuse an unusable or taken
 * component name, and publish a new component to a local git repository and
 * the catalog, all or nothing.
 *
 * @packageDocumentation
 */
export { scaffolderModuleGoldenPaths as default } from './module';
export {
  createCheckNameAction,
  CHECK_NAME_ACTION_ID,
} from './actions/checkName';
export {
  createPublishLocalAction,
  commitAuthorFor,
  PUBLISH_LOCAL_ACTION_ID,
  SCAFFOLDER_IDENTITY,
} from './actions/publishLocal';
export {
  assertValidComponentName,
  componentNameProblem,
  COMPONENT_NAME_MAX_LENGTH,
  COMPONENT_NAME_MIN_LENGTH,
  COMPONENT_NAME_PATTERN,
} from './componentName';
export {
  DEFAULT_REPOSITORIES_DIRECTORY,
  LocalRepositories,
} from './repositories/LocalRepositories';
export type { GitIdentity } from './repositories/git';
