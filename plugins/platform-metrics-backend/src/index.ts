/**
 * Delivery metrics backend: deployment and incident ingestion, DORA, time to
 * first deployment and release impact, computed in SQL.
 *
 * @packageDocumentation
 */
export { platformMetricsPlugin as default } from './plugin';
export * from './extensions';
export { MetricsStore } from './database/MetricsStore';
export type { CatalogEntry } from './database/MetricsStore';
export { MetricsService } from './service/MetricsService';
