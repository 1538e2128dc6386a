import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { NpsStore } from './database/NpsStore';
import type { NpsServices } from './service';

/** What a demo-data loader receives once the NPS database is migrated. */
export interface NpsDemoDataContext {
  store: NpsStore;
  services: NpsServices;
}

/** Lets a module load demo data into the NPS plugin's database (development only). */
export interface NpsDemoDataExtensionPoint {
  addDemoDataLoader(
    loader: (context: NpsDemoDataContext) => Promise<void>,
  ): void;
}

/** The NPS plugin's extension point for demo data (used by `@paved/backend-module-demo`). */
export const npsDemoDataExtensionPoint =
  createExtensionPoint<NpsDemoDataExtensionPoint>({ id: 'nps.demo-data' });
