import { createRouteRef } from '@backstage/core-plugin-api';

/** The /health page's route. */
export const rootRouteRef = createRouteRef({ id: 'platform-health' });
