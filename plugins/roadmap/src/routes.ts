import { createRouteRef } from '@backstage/core-plugin-api';

/** The /roadmap page's route. */
export const rootRouteRef = createRouteRef({ id: 'roadmap' });
