export { RoadmapBoard, horizonQuarters } from './RoadmapBoard';
