export { NpsPage } from './NpsPage';
