import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { OkrStore } from './database/OkrStore';
import { OkrService } from './service/OkrService';

/** What a demo-data loader receives once the platform-health database is migrated. */
export interface PlatformHealthDemoDataContext {
  store: OkrStore;
  /** OKRs go through the same rules as real ones. */
  service: OkrService;
}

/** Lets a module load demo data into the platform-health plugin's database (development only). */
export interface PlatformHealthDemoDataExtensionPoint {
  addDemoDataLoader(
    loader: (context: PlatformHealthDemoDataContext) => Promise<void>,
  ): void;
}

/** The platform-health plugin's extension point for demo data (used by `@paved/backend-module-demo`). */
export const platformHealthDemoDataExtensionPoint =
  createExtensionPoint<PlatformHealthDemoDataExtensionPoint>({
    id: 'platform-health.demo-data',
  });
