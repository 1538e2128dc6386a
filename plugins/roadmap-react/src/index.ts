/**
 * How other plugins extend the roadmap's pages (Backstage's new frontend system).
 *
 * @packageDocumentation
 */
export {
  RoadmapItemCardBlueprint,
  roadmapItemCardDataRef,
  type RoadmapItemCardProps,
  type RoadmapItemSummary,
} from './RoadmapItemCardBlueprint';
