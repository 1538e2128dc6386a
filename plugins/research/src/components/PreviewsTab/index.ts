export { PreviewsTab } from './PreviewsTab';
