export { TeamAdoptionTable } from './TeamAdoptionTable';
