/**
 * Platform health in the portal: the health page (every metric against its
 * target with a status that respects uncertainty, the roadmap, the quarter's
 * OKRs), monthly and quarterly views, a team filter, and the quarterly
 * leadership review. For the new frontend system, use the `/alpha` entry point.
 *
 * @packageDocumentation
 */
export {
  platformHealthPlugin,
  PlatformHealthPage,
  rootRouteRef,
} from './plugin';
export {
  platformHealthApiRef,
  type PlatformHealthApi,
} from './api/PlatformHealthApi';
export { PlatformHealthClient } from './api/PlatformHealthClient';
