import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  DEFAULT_WINDOW_DAYS,
  METRIC_LABELS,
  METRICS,
} from '@paved/plugin-platform-metrics-common';
import useAsync from 'react-use/esm/useAsync';
import { platformMetricsApiRef } from '../../api/PlatformMetricsApi';
import { bandChipSx, bandLabel, formatMetric } from '../format';
import { byState, Empty, nowrap } from '@paved/frontend-utils';

/**
 * DORA on a catalog page: a component's own deployments, or a group's
 * services (those it owns), over the last 90 days.
 */
export function EntityDoraCard() {
  const { entity } = useEntity();
  const api = useApi(platformMetricsApiRef);
  const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const isGroup = entity.kind.toLocaleLowerCase('en-US') === 'group';
  const report = useAsync(
    () =>
      api.getDora(
        isGroup
          ? { team: ref, windowDays: DEFAULT_WINDOW_DAYS }
          : { service: ref, windowDays: DEFAULT_WINDOW_DAYS },
      ),
    [api, ref, isGroup],
  );
  const link = `/delivery?${isGroup ? 'team' : 'service'}=${encodeURIComponent(
    ref,
  )}`;
  return (
    <Box component="section" aria-label="Delivery (DORA)">
      <InfoCard
        title="Delivery (DORA)"
        subheader={`The last ${DEFAULT_WINDOW_DAYS} days${
          isGroup ? ', services this team owns' : ''
        }`}
        deepLink={{ title: 'Open in Delivery', link }}
      >
        {byState(report, value => {
          const deployments = value.metrics.deploymentFrequency.sample;
          if (deployments === 0) {
            return (
              <Empty>
                {`No production deployments recorded ${
                  isGroup ? 'for its services' : 'for this service'
                } in the last ${DEFAULT_WINDOW_DAYS} days.`}
              </Empty>
            );
          }
          return (
            <>
              <Typography variant="body2" sx={{ mb: 1 }}>
                {`${deployments} production deployment${
                  deployments === 1 ? '' : 's'
                }`}
                {value.pipelineFailures
                  ? `, ${value.pipelineFailures} pipeline failure${
                      value.pipelineFailures === 1 ? '' : 's'
                    }`
                  : ''}
              </Typography>
              <Table size="small" aria-label="DORA metrics">
                <TableBody>
                  {METRICS.map(m => {
                    const metric = value.metrics[m];
                    const band = metric.classification?.band;
                    return (
                      <TableRow key={m}>
                        <TableCell component="th" scope="row">
                          {METRIC_LABELS[m]}
                        </TableCell>
                        {metric.status === 'ok' ? (
                          <>
                            <TableCell align="right" sx={nowrap}>
                              {formatMetric(m, metric.value)}
                            </TableCell>
                            <TableCell>
                              {band ? (
                                <Chip
                                  size="small"
                                  sx={bandChipSx(band)}
                                  label={bandLabel(band)}
                                />
                              ) : (
                                <Typography
                                  variant="caption"
                                  color="text.secondary"
                                >
                                  no band
                                </Typography>
                              )}
                            </TableCell>
                          </>
                        ) : (
                          <TableCell colSpan={2}>
                            <Typography variant="body2" color="text.secondary">
                              {metric.note}
                            </Typography>
                          </TableCell>
                        )}
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
              <Typography
                variant="caption"
                color="text.secondary"
                component="p"
                sx={{ mt: 1 }}
              >
                {`Bands: ${value.bandVersion}. `}
                <Link to={link}>Trends and release impact</Link>
              </Typography>
            </>
          );
        })}
      </InfoCard>
    </Box>
  );
}
