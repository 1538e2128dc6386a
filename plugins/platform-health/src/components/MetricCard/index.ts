export { MetricCard } from './MetricCard';
