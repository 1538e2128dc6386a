/**
 * User research backend: quarterly developer interviews and developer previews.
 *
 * @packageDocumentation
 */
export { researchPlugin as default } from './plugin';
export * from './extensions';
export { StudyStore } from './database/StudyStore';
export { PreviewStore } from './database/PreviewStore';
export { NoticeStore } from './database/NoticeStore';
export type { RoadmapItemSource } from './service/RoadmapItemSource';
