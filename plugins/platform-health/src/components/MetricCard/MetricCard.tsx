import { lazy, ReactNode, Suspense, useId } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { Link } from '@backstage/core-components';
import { formatRange } from '@paved/frontend-utils';
import {
  HEALTH_METRICS,
  HealthMetricId,
  formatHealthValue,
} from '@paved/plugin-platform-health-common';
import type { MetricReading } from '../../health/readings';
import { changeWords } from '../../health/review';
import { StatusChip } from '../StatusChip';

// Loaded on demand so the chart library does not weigh on the portal's first load.
const Sparkline = lazy(() => import('./Sparkline'));

const nowrap = { whiteSpace: 'nowrap' } as const;

// Read by screen readers, not shown: which metric a "Details" link is about.
const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

function Frame(props: { metric: HealthMetricId; children: ReactNode }) {
  const id = useId();
  const definition = HEALTH_METRICS[props.metric];
  return (
    <Paper
      component="article"
      aria-labelledby={id}
      data-metric={props.metric}
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
      >
        {definition.label}
      </Typography>
      {props.children}
      <Box sx={{ mt: 'auto', pt: 1 }}>
        <Link to={definition.detailPath}>
          Details
          <Box component="span" sx={visuallyHidden}>
            {`\u00a0about ${definition.label.toLocaleLowerCase('en-US')}`}
          </Box>
        </Link>
      </Box>
    </Paper>
  );
}

/**
 * One health metric against its target: the value (with its 95% interval where
 * it has one), the status, the target, the change since the last period, a
 * sparkline and a link to its detail page. Suppressed numbers stay hidden.
 */
export function MetricCard(props: {
  metric: HealthMetricId;
  reading?: MetricReading;
  loading?: boolean;
  error?: Error;
}) {
  const { metric, reading } = props;
  const unit = HEALTH_METRICS[metric].unit;
  if (props.error) {
    return (
      <Frame metric={metric}>
        <Typography variant="body2" role="alert">
          Could not load: {props.error.message}
        </Typography>
      </Frame>
    );
  }
  if (!reading) {
    return (
      <Frame metric={metric}>
        <Skeleton
          variant="text"
          width="60%"
          role="progressbar"
          aria-label="Loading"
        />
        <Skeleton variant="rectangular" height={40} />
      </Frame>
    );
  }
  const trend = reading.series.filter(v => v !== null).length >= 2;
  return (
    <Frame metric={metric}>
      {reading.value !== null ? (
        <Typography
          variant="h5"
          component="p"
          sx={nowrap}
          data-testid={`value-${metric}`}
        >
          {formatHealthValue(reading.value, unit)}
        </Typography>
      ) : (
        <Typography
          variant="body1"
          component="p"
          data-testid={`value-${metric}`}
          sx={{ fontWeight: 500 }}
        >
          {reading.suppressed ? 'Hidden' : '—'}
        </Typography>
      )}
      {reading.low !== null && reading.high !== null && (
        <Typography variant="caption" color="text.secondary" sx={nowrap}>
          95% interval{' '}
          {unit === 'percent'
            ? `${formatRange(
                Math.round(reading.low),
                Math.round(reading.high),
              )}%`
            : formatRange(Math.round(reading.low), Math.round(reading.high))}
        </Typography>
      )}
      <Box
        sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}
      >
        <StatusChip
          status={reading.status}
          noTarget={reading.value !== null && reading.targetText === null}
        />
        {reading.band && (
          <Typography variant="body2" component="span">
            {reading.band}
          </Typography>
        )}
      </Box>
      {reading.targetText && (
        <Typography variant="body2">Target: {reading.targetText}</Typography>
      )}
      {reading.change && (
        <Typography
          variant="body2"
          color="text.secondary"
          data-testid={`change-${metric}`}
        >
          {changeWords(reading)}
        </Typography>
      )}
      {reading.breakdown && reading.breakdown.length > 0 && (
        <Box
          component="ul"
          aria-label={`${HEALTH_METRICS[metric].label} by month`}
          sx={{ m: 0, pl: 2 }}
        >
          {reading.breakdown.map(part => (
            <Typography
              key={part.label}
              component="li"
              variant="body2"
              sx={nowrap}
            >
              {part.label}:{' '}
              {part.value === null
                ? part.note
                : `${formatHealthValue(part.value, unit)} (${part.note})`}
            </Typography>
          ))}
        </Box>
      )}
      {reading.note && (
        <Typography variant="body2" color="text.secondary">
          {reading.note}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary">
        {reading.period}
      </Typography>
      {trend && (
        <Box aria-hidden sx={{ height: 40 }}>
          <Suspense fallback={<Box sx={{ height: 40 }} />}>
            <Sparkline values={reading.series} target={reading.targetValue} />
          </Suspense>
        </Box>
      )}
    </Frame>
  );
}
