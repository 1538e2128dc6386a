/**
 * The NPS API for other plugins: its API reference and the client's type,
 * without the plugin's pages (Backstage's `-react` convention). The
 * @paved/plugin-nps plugin provides the implementation (its API factory).
 *
 * @packageDocumentation
 */
export { type NpsApi, npsApiRef } from './NpsApi';
