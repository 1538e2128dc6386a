import { useApi } from '@backstage/core-plugin-api';
import { goldenPathsApiRef } from '@paved/plugin-golden-paths';
import { npsApiRef } from '@paved/plugin-nps';
import { platformMetricsApiRef } from '@paved/plugin-platform-metrics';
import { roadmapApiRef } from '@paved/plugin-roadmap';
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
