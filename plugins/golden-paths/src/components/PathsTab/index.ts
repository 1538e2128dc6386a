export { PathsTab } from './PathsTab';
