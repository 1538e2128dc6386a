/**
 * Platform NPS in the portal: the quarterly survey prompt and the /nps page.
 * For the new frontend system, use the `/alpha` entry point.
 *
 * @packageDocumentation
 */
export { npsPlugin, NpsPage, NpsPrompt, volunteerRouteRef } from './plugin';
export { npsApiRef, type NpsApi } from './api/NpsApi';
export { NpsClient } from './api/NpsClient';
