/**
 * User research in the portal: what we heard in interviews, volunteering,
 * invitations, the PM's studies and developer previews. For the new frontend
 * system, use the `/alpha` entry point.
 *
 * @packageDocumentation
 */
export {
  researchPlugin,
  ResearchPage,
  rootRouteRef,
  volunteerRouteRef,
} from './plugin';
export { researchApiRef, type ResearchApi } from './api/ResearchApi';
export { ResearchClient } from './api/ResearchClient';
