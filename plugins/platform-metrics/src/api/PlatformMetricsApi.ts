// The API reference and type live in @paved/plugin-platform-metrics-react, so that other
// plugins can use them without importing this plugin.
export {
  type DoraRequest,
  type PlatformMetricsApi,
  platformMetricsApiRef,
} from '@paved/plugin-platform-metrics-react';
