export { StudiesTab } from './StudiesTab';
