export { NpsPage, NpsNotFound, Router } from './NpsPage';
