import Alert from '@mui/material/Alert';
import Grid from '@mui/material/Grid';
import type { HealthTargets } from '@paved/plugin-platform-health-common';
import { useLeadingMetrics } from '../../health/useHealthData';
import type { HealthView } from '../../health/readings';
import { MetricCard } from '../MetricCard';
import { Section } from '@paved/frontend-utils';

/** NPS, participation, golden-path adoption and time to first deployment. */
export function LeadingSection(props: {
  targets: HealthTargets;
  view: HealthView;
  team?: string;
}) {
  const { targets, view, team } = props;
  const metrics = useLeadingMetrics(targets, view, team);
  const cards = [
    ['nps', metrics.nps],
    ['participation', metrics.participation],
    ['adoption', metrics.adoption],
    ['onboarding', metrics.onboarding],
  ] as const;
  return (
    <Section
      fullHeight
      title="Leading metrics"
      subheader="Reviewed monthly: do developers recommend the platform, choose the golden paths, and ship quickly when they join?"
    >
      {metrics.warning && !team && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          Platform NPS is {metrics.warning.nps > 0 ? '+' : ''}
          {metrics.warning.nps}, below +{metrics.warning.threshold}: developers
          start building workarounds (shadow IT)
          {metrics.warning.certain
            ? '.'
            : ', though its interval reaches the threshold.'}
        </Alert>
      )}
      <Grid container spacing={2}>
        {cards.map(([metric, state]) => (
          <Grid item xs={12} sm={6} lg={3} key={metric}>
            <MetricCard
              metric={metric}
              reading={state.value}
              loading={state.loading}
              error={state.error}
            />
          </Grid>
        ))}
      </Grid>
    </Section>
  );
}
