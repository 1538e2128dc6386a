import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { GoldenPathsStore } from './database/GoldenPathsStore';

/** What a demo-data loader receives once the golden-paths database is migrated. */
export interface GoldenPathsDemoDataContext {
  store: GoldenPathsStore;
}

/** Lets a module load demo data into the golden-paths plugin's database (development only). */
export interface GoldenPathsDemoDataExtensionPoint {
  addDemoDataLoader(
    loader: (context: GoldenPathsDemoDataContext) => Promise<void>,
  ): void;
}

/** The golden-paths plugin's extension point for demo data (used by `@paved/backend-module-demo`). */
export const goldenPathsDemoDataExtensionPoint =
  createExtensionPoint<GoldenPathsDemoDataExtensionPoint>({
    id: 'golden-paths.demo-data',
  });
