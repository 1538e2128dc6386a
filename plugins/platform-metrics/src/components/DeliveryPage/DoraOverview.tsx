import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DoraReport, METRICS } from '@paved/plugin-platform-metrics-common';
import { MetricTile } from '../MetricTile';
import { Empty } from '@paved/frontend-utils';

/** The five metrics of a report side by side, with what they are over. */
export function DoraOverview({ report }: { report: DoraReport }) {
  const deployments = report.metrics.deploymentFrequency.sample;
  if (deployments === 0 && report.pipelineFailures === 0) {
    return (
      <Empty>
        No production deployments in these {report.window.days} days. CI/CD
        tools send them to /api/platform-metrics/deployments (see the README).
      </Empty>
    );
  }
  return (
    <Box>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fit, minmax(210px, 1fr))',
        }}
      >
        {METRICS.map(m => (
          <MetricTile
            key={m}
            metric={report.metrics[m]}
            bandVersion={report.bandVersion}
            trend={report.series.map(p => p.values[m])}
          />
        ))}
      </Box>
      <Typography
        variant="caption"
        color="text.secondary"
        component="p"
        sx={{ mt: 1 }}
      >
        {`Bands from the DORA 2023 report (${
          report.bandVersion
        }). ${report.pipelineFailures.toLocaleString(
          'en-GB',
        )} pipeline failures in the window never reached production and are not DORA events. Trends are weekly (Monday to Monday, UTC).`}
      </Typography>
    </Box>
  );
}
