import { createRouteRef } from '@backstage/core-plugin-api';

/** The /delivery page's route. */
export const rootRouteRef = createRouteRef({ id: 'platform-metrics' });
