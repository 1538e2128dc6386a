/**
 * Scaffolder actions for Paved's golden paths: refuse an unusable or taken
 * component name, and publish a new component to a local git repository, all
 * or nothing, announcing it to the catalog's local-repositories provider.
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
  REPOSITORY_PUBLISHED_TOPIC,
  SCAFFOLDER_IDENTITY,
} from './actions/publishLocal';
export type { RepositoryPublishedEvent } from './actions/publishLocal';
export { CATALOG_INFO_FILE, readCatalogInfoComponent } from './catalogInfo';
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
