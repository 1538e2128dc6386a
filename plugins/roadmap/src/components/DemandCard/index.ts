export { DemandCard } from './DemandCard';
