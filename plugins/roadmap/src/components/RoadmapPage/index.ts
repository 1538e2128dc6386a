export { RoadmapPage } from './RoadmapPage';
export { Router } from './Router';
