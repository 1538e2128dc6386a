/**
 * How other plugins use and extend the roadmap: its API reference and the
 * client's type, and the blueprint for cards on a roadmap item's page
 * (Backstage's new frontend system).
 *
 * @packageDocumentation
 */
export {
  RoadmapItemCardBlueprint,
  roadmapItemCardDataRef,
  type RoadmapItemCardProps,
  type RoadmapItemSummary,
} from './RoadmapItemCardBlueprint';
export { type RoadmapApi, roadmapApiRef } from './RoadmapApi';
