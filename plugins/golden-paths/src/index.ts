/**
 * Golden paths in the portal: the catalog of approved templates, each path's
 * guide and the services created from it, and adoption as a rate with its
 * interval, per quarter and per team. For the new frontend system, use the
 * `/alpha` entry point.
 *
 * @packageDocumentation
 */
export { goldenPathsPlugin, GoldenPathsPage, rootRouteRef } from './plugin';
export {
  goldenPathsApiRef,
  type GoldenPathsApi,
  type AdoptionWindow,
} from './api/GoldenPathsApi';
export { GoldenPathsClient } from './api/GoldenPathsClient';
