import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  GroupChange,
  METRIC_LABELS,
  MetricImpact,
  MetricId,
  ReleaseImpactReport,
} from '@paved/plugin-platform-metrics-common';
import { formatChange, formatInterval, formatMetric } from '../format';
import { nowrap } from '@paved/frontend-utils';

function group(metric: MetricId, g: GroupChange) {
  if (g.services === 0 || g.before === null || g.after === null) return '—';
  return `${formatMetric(metric, g.before)} → ${formatMetric(metric, g.after)}`;
}

function Verdict({ impact }: { impact: MetricImpact }) {
  switch (impact.verdict) {
    case 'improved':
      return <Chip size="small" color="success" label="Improved" />;
    case 'worsened':
      return <Chip size="small" color="error" label="Worsened" />;
    case 'no-detectable-change':
      return (
        <Chip size="small" variant="outlined" label="No detectable change" />
      );
    default:
      return (
        <Typography variant="body2" color="text.secondary">
          Too little data
        </Typography>
      );
  }
}

/** Per metric: each group's before → after, the difference of the changes with its 95% interval, and the verdict. */
export function ReleaseImpactTable({
  report,
}: {
  report: ReleaseImpactReport;
}) {
  return (
    // Focusable, so keyboard users can scroll it when it is wider than the page.
    <Box
      sx={{ overflowX: 'auto' }}
      tabIndex={0}
      role="region"
      aria-label={`Impact of ${report.release.title}, per metric`}
    >
      <Table size="small" aria-label={`Impact of ${report.release.title}`}>
        <TableHead>
          <TableRow>
            <TableCell>Metric</TableCell>
            <TableCell>Golden-path services</TableCell>
            <TableCell>Other services</TableCell>
            <TableCell>Difference</TableCell>
            <TableCell>95% interval</TableCell>
            <TableCell>Verdict</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {report.metrics.map(m => (
            <TableRow key={m.metric}>
              <TableCell component="th" scope="row" sx={nowrap}>
                {METRIC_LABELS[m.metric]}
              </TableCell>
              <TableCell sx={nowrap}>
                {group(m.metric, m.goldenPath)}
                <Typography
                  variant="caption"
                  color="text.secondary"
                  display="block"
                >
                  {`${m.goldenPath.services} services`}
                </Typography>
              </TableCell>
              <TableCell sx={nowrap}>
                {group(m.metric, m.others)}
                <Typography
                  variant="caption"
                  color="text.secondary"
                  display="block"
                >
                  {`${m.others.services} services`}
                </Typography>
              </TableCell>
              <TableCell sx={nowrap}>
                {m.difference === null
                  ? '—'
                  : formatChange(m.metric, m.difference)}
              </TableCell>
              <TableCell sx={nowrap}>
                {m.interval ? formatInterval(m.metric, m.interval) : '—'}
              </TableCell>
              <TableCell title={m.summary}>
                <Verdict impact={m} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
