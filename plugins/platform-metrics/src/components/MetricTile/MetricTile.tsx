import { lazy, Suspense, useId } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import {
  BAND_TABLE,
  METRIC_LABELS,
  MetricValue,
} from '@paved/plugin-platform-metrics-common';
import { bandChipSx, bandLabel, formatMetric } from '../format';
import { nowrap } from '@paved/frontend-utils';

// Loaded on demand so the chart library does not weigh on the portal's first load.
const Sparkline = lazy(() => import('./Sparkline'));

const SAMPLE: Record<MetricValue['metric'], string> = {
  deploymentFrequency: 'production deployments',
  leadTime: 'commits',
  changeFailureRate: 'production deployments',
  recoveryTime: 'recovered failures',
  reworkRate: 'production deployments',
};

/**
 * One DORA metric: its value, its band (with the band version) or, with too
 * little data, why not in words, and its weekly trend.
 */
export function MetricTile(props: {
  metric: MetricValue;
  bandVersion: string;
  trend: Array<number | null>;
}) {
  const { metric, trend } = props;
  const id = useId();
  const label = METRIC_LABELS[metric.metric];
  const band = metric.classification?.band;
  const hasTrend = trend.filter(v => v !== null).length >= 2;
  return (
    <Paper
      component="article"
      aria-labelledby={id}
      variant="outlined"
      sx={{
        p: 2,
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        gap: 0.5,
      }}
    >
      <Typography
        id={id}
        variant="subtitle2"
        component="h3"
        color="text.secondary"
        sx={{ minHeight: '2.8em' }}
      >
        {label}
      </Typography>
      {metric.status === 'ok' ? (
        <Typography variant="h5" component="p" sx={nowrap}>
          {formatMetric(metric.metric, metric.value)}
        </Typography>
      ) : (
        <Typography variant="body2" component="p" sx={{ minHeight: 32 }}>
          {metric.note}
        </Typography>
      )}
      <Box sx={{ minHeight: 24 }}>
        {band && metric.metric !== 'reworkRate' ? (
          <Tooltip
            title={`${bandLabel(band)} in the ${props.bandVersion} bands: ${
              BAND_TABLE[metric.metric][band]
            }`}
          >
            <Chip
              size="small"
              sx={bandChipSx(band)}
              label={`${bandLabel(band)} · ${props.bandVersion}`}
            />
          </Tooltip>
        ) : null}
        {metric.metric === 'reworkRate' && metric.status === 'ok' ? (
          <Typography variant="caption" color="text.secondary">
            No published band: value and trend
          </Typography>
        ) : null}
      </Box>
      <Typography variant="caption" color="text.secondary" sx={nowrap}>
        {`over ${metric.sample.toLocaleString('en-GB')} ${
          SAMPLE[metric.metric]
        }`}
      </Typography>
      <Box
        role="img"
        aria-label={`${label}, weekly trend${
          hasTrend ? '' : ': not enough weeks with data'
        }`}
        sx={{ height: 40, mt: 'auto' }}
      >
        {hasTrend ? (
          <Suspense fallback={null}>
            <Sparkline values={trend} />
          </Suspense>
        ) : null}
      </Box>
    </Paper>
  );
}
