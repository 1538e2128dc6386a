import { useApi } from '@backstage/core-plugin-api';
import { goldenPathsApiRef } from '@paved/plugin-golden-paths-react';
import { npsApiRef } from '@paved/plugin-nps-react';
import { platformMetricsApiRef } from '@paved/plugin-platform-metrics-react';
import { roadmapApiRef } from '@paved/plugin-roadmap-react';
import { platformHealthApiRef } from '../../api/PlatformHealthApi';
import type { ReviewApis } from '../../health/review';

/** The APIs the quarterly review reads. */
export function useReviewApis(): ReviewApis {
  return {
    health: useApi(platformHealthApiRef),
    nps: useApi(npsApiRef),
    goldenPaths: useApi(goldenPathsApiRef),
    metrics: useApi(platformMetricsApiRef),
    roadmap: useApi(roadmapApiRef),
  };
}
