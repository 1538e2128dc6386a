export { UnmappedServicesSection } from './UnmappedServicesSection';
