import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  HEALTH_METRICS,
  formatHealthValue,
} from '@paved/plugin-platform-health-common';
import type { MetricReading } from '../../health/readings';
import { StatusChip } from '../StatusChip';

/** Metrics as a short list: value (or why not), band and status; suppressed numbers stay hidden. */
export function CompactReadings(props: { readings: MetricReading[] }) {
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {props.readings.map(r => {
        const unit = HEALTH_METRICS[r.metric].unit;
        let shown = '—';
        if (r.value !== null) shown = formatHealthValue(r.value, unit);
        else if (r.suppressed) shown = 'Hidden';
        return (
          <Box
            component="li"
            key={r.metric}
            data-metric={r.metric}
            sx={{
              display: 'flex',
              gap: 1,
              alignItems: 'center',
              flexWrap: 'wrap',
              py: 0.5,
              borderBottom: 1,
              borderColor: 'divider',
            }}
          >
            <Typography variant="body2" sx={{ flex: 1, minWidth: 140 }}>
              {HEALTH_METRICS[r.metric].label}
            </Typography>
            <Typography
              variant="body2"
              sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}
              data-testid={`value-${r.metric}`}
            >
              {shown}
              {r.band ? ` (${r.band})` : ''}
            </Typography>
            <StatusChip
              status={r.status}
              noTarget={r.value !== null && r.targetText === null}
            />
            {r.value === null && r.note && (
              <Typography
                variant="caption"
                color="text.secondary"
                sx={{ width: '100%' }}
              >
                {r.note}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
