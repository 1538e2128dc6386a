export { AdoptionTrendView } from './AdoptionTrendView';
export { AdoptionTable } from './AdoptionTable';
