export { PreviewCard } from './PreviewCard';
