import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { MetricsStore } from './database/MetricsStore';
import { MetricsService } from './service/MetricsService';

/** What a demo-data loader receives once the platform-metrics database is migrated. */
export interface PlatformMetricsDemoDataContext {
  store: MetricsStore;
  /** Deliveries go through the same rules as real ones. */
  service: MetricsService;
}

/** Lets a module load demo data into the platform-metrics plugin's database (development only). */
export interface PlatformMetricsDemoDataExtensionPoint {
  addDemoDataLoader(
    loader: (context: PlatformMetricsDemoDataContext) => Promise<void>,
  ): void;
}

/** The platform-metrics plugin's extension point for demo data (used by `@paved/backend-module-demo`). */
export const platformMetricsDemoDataExtensionPoint =
  createExtensionPoint<PlatformMetricsDemoDataExtensionPoint>({
    id: 'platform-metrics.demo-data',
  });
