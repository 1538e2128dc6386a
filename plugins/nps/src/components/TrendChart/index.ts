export { TrendCard } from './TrendCard';
