import { createRouteRef } from '@backstage/core-plugin-api';

/** The /golden-paths page's route. */
export const rootRouteRef = createRouteRef({ id: 'golden-paths' });
