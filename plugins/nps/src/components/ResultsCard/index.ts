export { ResultsCard } from './ResultsCard';
