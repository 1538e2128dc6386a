export { ResearchPage } from './ResearchPage';
export { Router } from './Router';
