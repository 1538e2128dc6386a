import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { NoticeStore } from './database/NoticeStore';
import { PreviewStore } from './database/PreviewStore';
import { StudyStore } from './database/StudyStore';
import { RoadmapItemSource } from './service/RoadmapItemSource';

/** What a demo-data loader receives once the research database is migrated. */
export interface ResearchDemoDataContext {
  studies: StudyStore;
  previews: PreviewStore;
  notices: NoticeStore;
  /** The roadmap's items (undefined while the roadmap cannot be reached). */
  roadmap: RoadmapItemSource;
}

/** Lets a module load demo data into the research plugin's database (development only). */
export interface ResearchDemoDataExtensionPoint {
  addDemoDataLoader(
    loader: (context: ResearchDemoDataContext) => Promise<void>,
  ): void;
}

/** The research plugin's extension point for demo data (used by `@paved/backend-module-demo`). */
export const researchDemoDataExtensionPoint =
  createExtensionPoint<ResearchDemoDataExtensionPoint>({
    id: 'research.demo-data',
  });
