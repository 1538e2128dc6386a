import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { RoadmapStore } from './database/RoadmapStore';

/** What a demo-data loader receives once the roadmap database is migrated. */
export interface RoadmapDemoDataContext {
  store: RoadmapStore;
}

/** Lets a module load demo data into the roadmap plugin's database (development only). */
export interface RoadmapDemoDataExtensionPoint {
  addDemoDataLoader(
    loader: (context: RoadmapDemoDataContext) => Promise<void>,
  ): void;
}

/** The roadmap plugin's extension point for demo data (used by `@paved/backend-module-demo`). */
export const roadmapDemoDataExtensionPoint =
  createExtensionPoint<RoadmapDemoDataExtensionPoint>({
    id: 'roadmap.demo-data',
  });
