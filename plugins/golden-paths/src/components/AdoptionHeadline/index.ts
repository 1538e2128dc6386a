export { AdoptionHeadline } from './AdoptionHeadline';
