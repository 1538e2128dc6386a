export { SummariesTab, SummaryCard } from './SummariesTab';
