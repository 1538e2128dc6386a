/**
 * The delivery-metrics API for other plugins: its API reference and the client's type,
 * without the plugin's pages (Backstage's `-react` convention). The
 * @paved/plugin-platform-metrics plugin provides the implementation (its API factory).
 *
 * @packageDocumentation
 */
export {
  type DoraRequest,
  type PlatformMetricsApi,
  platformMetricsApiRef,
} from './PlatformMetricsApi';
