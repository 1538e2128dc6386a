/**
 * The golden-paths API for other plugins: its API reference and the client's type,
 * without the plugin's pages (Backstage's `-react` convention). The
 * @paved/plugin-golden-paths plugin provides the implementation (its API factory).
 *
 * @packageDocumentation
 */
export {
  type AdoptionWindow,
  type GoldenPathsApi,
  goldenPathsApiRef,
} from './GoldenPathsApi';
