export { ReviewExportButton } from './ReviewExportButton';
export { ReviewPage } from './ReviewPage';
