/**
 * Public roadmap backend: items with history, votes and subscriptions.
 *
 * @packageDocumentation
 */
export { roadmapPlugin as default } from './plugin';
export * from './extensions';
export { RoadmapStore } from './database/RoadmapStore';
