export { DeliveryPage } from './DeliveryPage';
export { DoraOverview } from './DoraOverview';
