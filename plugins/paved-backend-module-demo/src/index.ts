/**
 * Development only: the demo organisation's history for every Paved plugin. The
 * backend adds this package outside production; in production it refuses to load.
 *
 * @packageDocumentation
 */
import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import {
  goldenPathsDemoModule,
  npsDemoModule,
  platformHealthDemoModule,
  platformMetricsDemoModule,
  researchDemoModule,
  roadmapDemoModule,
} from './modules';

export {
  goldenPathsDemoModule,
  npsDemoModule,
  platformHealthDemoModule,
  platformMetricsDemoModule,
  researchDemoModule,
  roadmapDemoModule,
};

/** Refuses to run in production, where demo data would mix with real answers. */
export function assertNotProduction(env = process.env.NODE_ENV): void {
  if (env === 'production') {
    throw new Error(
      'Paved demo data (@paved/backend-module-demo) must not run in production: ' +
        'remove it from packages/backend/src/index.ts.',
    );
  }
}

/** Every Paved demo-data module; each loads only when its `<plugin>.demoData.enabled` is true. */
export default createBackendFeatureLoader({
  loader() {
    assertNotProduction();
    return [
      npsDemoModule,
      roadmapDemoModule,
      goldenPathsDemoModule,
      platformMetricsDemoModule,
      researchDemoModule,
      platformHealthDemoModule,
    ];
  },
});
