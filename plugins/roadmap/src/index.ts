/**
 * The public platform roadmap in the portal: the board by horizon, the list,
 * what shipped, what we are not doing and why, breaking changes ahead, votes
 * and PM editing. For the new frontend system, use the `/alpha` entry point.
 *
 * @packageDocumentation
 */
export { roadmapPlugin, RoadmapPage, rootRouteRef } from './plugin';
export { roadmapApiRef, type RoadmapApi } from './api/RoadmapApi';
export { RoadmapClient } from './api/RoadmapClient';
export { BreakingChangesBanner } from './components/BreakingChangesBanner';
