import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

/** The /research page's route. */
export const rootRouteRef = createRouteRef({ id: 'research' });

/** "I'd talk to the platform team for 30 minutes": where other plugins send volunteers. */
export const volunteerRouteRef = createSubRouteRef({
  id: 'research/volunteer',
  parent: rootRouteRef,
  path: '/volunteer',
});
