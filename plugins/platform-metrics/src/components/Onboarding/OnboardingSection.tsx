import { lazy, Suspense, useState } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { platformMetricsApiRef } from '../../api/PlatformMetricsApi';
import { OnboardingTable } from './OnboardingTable';
import { byState, Empty, PressedButton, Section } from '@paved/frontend-utils';

// Loaded on demand so the chart library does not weigh on the portal's first load.
const OnboardingChart = lazy(() => import('./OnboardingChart'));

/**
 * Time to first deployment for new developers, per monthly cohort over the
 * last 12 months, or pooled by joining quarter over the last four.
 */
export function OnboardingSection() {
  const api = useApi(platformMetricsApiRef);
  const [byQuarter, setByQuarter] = useState(false);
  const report = useAsync(
    () => api.getOnboarding(byQuarter ? { quarters: 4 } : 12),
    [api, byQuarter],
  );
  const [asTable, setAsTable] = useState(false);
  const period = byQuarter ? 'quarter' : 'month';
  return (
    <Section
      fullHeight
      title="Time to first deployment"
      subheader={`From a developer's start (joined-at annotation, else first sign-in) to their first successful production deployment, by ${period} joined`}
      action={
        <Stack direction="row" spacing={1} sx={{ m: 1 }}>
          <PressedButton pressed={byQuarter} onToggle={setByQuarter}>
            By quarter
          </PressedButton>
          <PressedButton pressed={asTable} onToggle={setAsTable}>
            Show as table
          </PressedButton>
        </Stack>
      }
    >
      {byState(report, value => {
        const joined = value.cohorts.reduce((n, c) => n + c.joined, 0);
        if (joined === 0) {
          return (
            <Empty>
              Nobody joined in the last{' '}
              {byQuarter ? 'four quarters' : '12 months'}.
            </Empty>
          );
        }
        const shown = value.cohorts.filter(c => c.notYetDeployed !== null);
        const joinedShown = shown.reduce((n, c) => n + c.joined, 0);
        const waiting = shown.reduce((n, c) => n + (c.notYetDeployed ?? 0), 0);
        const k = value.minCohortSize;
        const anyMedian = value.cohorts.some(c => c.medianDays !== null);
        let figures = <OnboardingTable report={value} />;
        if (!asTable && !anyMedian) {
          // An empty chart says nothing: say why, and what would show more.
          figures = (
            <Typography variant="body2" sx={{ py: 2 }}>
              No {period} has the {k} first deployments a median needs, so that
              nobody&apos;s own time can be read off.
              {byQuarter
                ? ''
                : ' Pooled by quarter (By quarter), more joiners count together.'}
            </Typography>
          );
        } else if (!asTable) {
          figures = (
            <div
              role="img"
              aria-label={`Chart of median days to first deployment per joining ${period}. The figures are in the table view.`}
            >
              <Suspense fallback={<Progress />}>
                <OnboardingChart report={value} />
              </Suspense>
            </div>
          );
        }
        return (
          <Stack spacing={1}>
            {figures}
            <Typography variant="body2">
              {joinedShown === joined
                ? `${joined} developers joined; ${waiting} ${
                    waiting === 1 ? 'has' : 'have'
                  } not deployed to production yet.`
                : `${joined} developers joined. ${
                    byQuarter ? 'Quarters' : 'Months'
                  } with fewer than ${k} joiners show no deployment figures, so that nobody's own progress can be read off${
                    joinedShown > 0
                      ? `; in the others, ${waiting} of ${joinedShown} ${
                          waiting === 1 ? 'has' : 'have'
                        } not deployed to production yet`
                      : ''
                  }.`}
            </Typography>
          </Stack>
        );
      })}
    </Section>
  );
}
