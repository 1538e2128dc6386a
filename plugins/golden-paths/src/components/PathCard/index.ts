export { PathCard, UsePathButton } from './PathCard';
export { PathChips, PathFacts } from './PathSummary';
