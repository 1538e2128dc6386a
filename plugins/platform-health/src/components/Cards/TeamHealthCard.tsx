import { useApi } from '@backstage/core-plugin-api';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@mui/material/Typography';
import type { HealthTargets } from '@paved/plugin-platform-health-common';
import useAsync from 'react-use/esm/useAsync';
import { platformHealthApiRef } from '../../api/PlatformHealthApi';
import { useDoraMetrics, useLeadingMetrics } from '../../health/useHealthData';
import type { MetricReading } from '../../health/readings';
import { CompactReadings } from './CompactReadings';

function TeamReadings(props: { targets: HealthTargets; team: string }) {
  const { targets, team } = props;
  const leading = useLeadingMetrics(targets, 'quarterly', team);
  const dora = useDoraMetrics(targets, 'monthly', team);
  const error = leading.nps.error ?? leading.adoption.error ?? dora.error;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!leading.nps.value || !leading.adoption.value || !dora.value) {
    return <Progress />;
  }
  const readings: MetricReading[] = [
    leading.adoption.value,
    leading.nps.value,
    ...dora.value.filter(r => r.metric !== 'reworkRate'),
  ];
  return <CompactReadings readings={readings} />;
}

/**
 * The group page card: the team's golden-path adoption, NPS and DORA where
 * its numbers are large enough to show (suppressed ones stay hidden).
 */
export function TeamHealthCard() {
  const { entity } = useEntity();
  const healthApi = useApi(platformHealthApiRef);
  const targets = useAsync(() => healthApi.getTargets(), [healthApi]);
  const team = stringifyEntityRef(entity);
  return (
    <InfoCard
      title="Platform health for this team"
      titleTypographyProps={{ component: 'h2' }}
    >
      {targets.error && <ResponseErrorPanel error={targets.error} />}
      {!targets.value && !targets.error && <Progress />}
      {targets.value && <TeamReadings targets={targets.value} team={team} />}
      <Typography variant="body2" sx={{ mt: 1 }}>
        <Link to={`/health?team=${encodeURIComponent(team)}`}>
          This team on the health page
        </Link>
      </Typography>
    </InfoCard>
  );
}
