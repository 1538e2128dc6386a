export { GoldenPathsPage } from './GoldenPathsPage';
export { Router } from './Router';
