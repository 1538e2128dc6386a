// The API reference and type live in @paved/plugin-roadmap-react, so that other
// plugins can use them without importing this plugin.
export { type RoadmapApi, roadmapApiRef } from '@paved/plugin-roadmap-react';
