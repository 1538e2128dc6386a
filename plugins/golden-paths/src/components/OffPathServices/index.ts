export { OffPathServicesTable } from './OffPathServicesTable';
