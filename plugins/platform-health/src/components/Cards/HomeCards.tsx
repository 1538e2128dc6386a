import { useApi } from '@backstage/core-plugin-api';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { quarterLabel } from '@paved/common';
import type { HealthTargets } from '@paved/plugin-platform-health-common';
import useAsync from 'react-use/esm/useAsync';
import { platformHealthApiRef } from '../../api/PlatformHealthApi';
import { useRoadmapSummary } from '../../health/roadmap';
import { useDoraMetrics, useLeadingMetrics } from '../../health/useHealthData';
import { MetricCard } from '../MetricCard';
import { CompactReadings } from './CompactReadings';

function WithTargets(props: {
  children: (targets: HealthTargets) => JSX.Element;
}) {
  const healthApi = useApi(platformHealthApiRef);
  const targets = useAsync(() => healthApi.getTargets(), [healthApi]);
  if (targets.error) return <ResponseErrorPanel error={targets.error} />;
  if (!targets.value) return <Progress />;
  return props.children(targets.value);
}

const More = (props: { to: string; children: string }) => (
  <Box sx={{ mt: 1 }}>
    <Link to={props.to}>{props.children}</Link>
  </Box>
);

function NpsTrend({ targets }: { targets: HealthTargets }) {
  const m = useLeadingMetrics(targets, 'quarterly', undefined);
  return (
    <>
      {m.warning && (
        <Typography variant="body2" role="status" sx={{ mb: 1 }}>
          Below +{m.warning.threshold}: developers start building workarounds.
        </Typography>
      )}
      <MetricCard
        metric="nps"
        reading={m.nps.value}
        loading={m.nps.loading}
        error={m.nps.error}
      />
    </>
  );
}

/** Home card: platform NPS with its interval, trend and goal line. */
export function NpsTrendCard() {
  return <WithTargets>{targets => <NpsTrend targets={targets} />}</WithTargets>;
}

function Adoption({ targets }: { targets: HealthTargets }) {
  const m = useLeadingMetrics(targets, 'quarterly', undefined);
  return (
    <MetricCard
      metric="adoption"
      reading={m.adoption.value}
      loading={m.adoption.loading}
      error={m.adoption.error}
    />
  );
}

/** Home card: golden-path adoption against the 80% goal. */
export function AdoptionCard() {
  return <WithTargets>{targets => <Adoption targets={targets} />}</WithTargets>;
}

function Delivery({ targets }: { targets: HealthTargets }) {
  const dora = useDoraMetrics(targets, 'monthly', undefined);
  if (dora.error) return <ResponseErrorPanel error={dora.error} />;
  if (!dora.value) return <Progress />;
  return (
    <>
      <CompactReadings readings={dora.value} />
      <More to="/delivery">All delivery metrics</More>
    </>
  );
}

/** Home card: the five DORA metrics with bands, last 90 days. */
export function DeliveryCard() {
  return <WithTargets>{targets => <Delivery targets={targets} />}</WithTargets>;
}

/** Home card: the roadmap in numbers, and breaking changes ahead. */
export function RoadmapCard() {
  const summary = useRoadmapSummary();
  if (summary.error) return <ResponseErrorPanel error={summary.error} />;
  if (!summary.value) return <Progress />;
  const s = summary.value;
  return (
    <>
      <Typography variant="body2">
        {s.shippedThisQuarter.length} shipped in {quarterLabel(s.quarter)};{' '}
        {s.now} now, {s.next} next.
      </Typography>
      {s.breakingAhead.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No breaking change announced.
        </Typography>
      ) : (
        <ul>
          {s.breakingAhead.slice(0, 3).map(i => (
            <li key={i.id}>
              <Link
                to={`/roadmap/items/${encodeURIComponent(i.id)}`}
                underline="always"
              >
                {i.title}
              </Link>
              : breaking from {i.breakingChange!.effectiveDate}
            </li>
          ))}
        </ul>
      )}
      <More to="/roadmap">The roadmap</More>
    </>
  );
}
