import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { Link } from '@backstage/core-components';
import {
  DORA_HEALTH_METRICS,
  HealthTargets,
} from '@paved/plugin-platform-health-common';
import {
  useDoraMetrics,
  useLatestReleaseImpact,
} from '../../health/useHealthData';
import type { HealthView } from '../../health/readings';
import { METRIC_LABELS } from '@paved/plugin-platform-metrics-common';
import { MetricCard } from '../MetricCard';
import { byState, Empty, Section } from '@paved/frontend-utils';

/** The five DORA metrics with bands, and what the latest platform release changed. */
export function LaggingSection(props: {
  targets: HealthTargets;
  view: HealthView;
  team?: string;
}) {
  const { targets, view, team } = props;
  const dora = useDoraMetrics(targets, view, team);
  const impact = useLatestReleaseImpact();
  return (
    <Section
      fullHeight
      title="Lagging metrics"
      subheader="DORA over the last 90 days (2023 bands), and what the latest platform release changed"
    >
      <Grid container spacing={2}>
        {DORA_HEALTH_METRICS.map((metric, index) => (
          <Grid item xs={12} sm={6} md={4} lg key={metric}>
            <MetricCard
              metric={metric}
              reading={dora.value?.[index]}
              loading={dora.loading}
              error={dora.error}
            />
          </Grid>
        ))}
      </Grid>
      <Typography variant="h6" component="h3" sx={{ mt: 3, mb: 1 }}>
        Latest platform release
      </Typography>
      {byState(impact, report =>
        report ? (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              <strong>{report.release.title}</strong>, released{' '}
              {report.release.releasedAt.slice(0, 10)} ({report.days} days
              before and after
              {report.complete ? '' : '; the after window is still running'}
              ): golden-path services ({report.goldenPathServices}) against the
              rest ({report.otherServices}).
            </Typography>
            <ul style={{ margin: 0 }}>
              {report.metrics.map(m => (
                <li key={m.metric}>
                  <Typography variant="body2">
                    <strong>{METRIC_LABELS[m.metric]}</strong>: {m.summary}
                  </Typography>
                </li>
              ))}
            </ul>
            <Link to="/delivery">Release impact on the Delivery page</Link>
          </>
        ) : (
          <Empty>No platform release yet.</Empty>
        ),
      )}
    </Section>
  );
}
