export { MetricTile } from './MetricTile';
