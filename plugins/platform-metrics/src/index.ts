/**
 * Delivery metrics in the portal: the Delivery page (the five DORA metrics
 * with bands and weekly trends, release impact, time to first deployment,
 * services the catalog does not know) and a DORA card for component and group
 * pages. For the new frontend system, use the `/alpha` entry point.
 *
 * @packageDocumentation
 */
export {
  platformMetricsPlugin,
  DeliveryPage,
  EntityDoraCard,
  rootRouteRef,
} from './plugin';
export {
  platformMetricsApiRef,
  type PlatformMetricsApi,
  type DoraRequest,
} from './api/PlatformMetricsApi';
export { PlatformMetricsClient } from './api/PlatformMetricsClient';
