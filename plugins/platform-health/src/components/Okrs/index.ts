export { OkrSection } from './OkrSection';
