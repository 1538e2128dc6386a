import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import Typography from '@mui/material/Typography';
import { entityDisplayName } from '@paved/common';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { platformMetricsApiRef } from '../../api/PlatformMetricsApi';
import { dateLabel } from '../format';
import { byState, Empty, nowrap, Section } from '@paved/frontend-utils';

/** Services events name that the catalog does not know, for a PM to fix the mapping. */
export function UnmappedServicesSection() {
  const api = useApi(platformMetricsApiRef);
  const services = useAsync(() => api.listUnmappedServices(), [api]);
  return (
    <Section
      fullHeight
      title="Services the catalog does not know"
      subheader="Events are stored and counted for the organisation; fix the service name in the sending pipeline, or register the component"
    >
      {byState(services, list =>
        list.length === 0 ? (
          <Empty>Every service that sends events is in the catalog.</Empty>
        ) : (
          <Box
            sx={{ overflowX: 'auto' }}
            tabIndex={0}
            role="region"
            aria-label="Services the catalog does not know, scrollable"
          >
            <Table size="small" aria-label="Services the catalog does not know">
              <TableHead>
                <TableRow>
                  <TableCell sx={nowrap}>Service as sent</TableCell>
                  <TableCell align="right" sx={nowrap}>
                    Deployments
                  </TableCell>
                  <TableCell align="right" sx={nowrap}>
                    Incidents
                  </TableCell>
                  <TableCell sx={nowrap}>Last event</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {list.map(s => (
                  <TableRow key={s.service}>
                    <TableCell component="th" scope="row" sx={nowrap}>
                      <code>{entityDisplayName(s.service)}</code>
                      <Typography
                        variant="caption"
                        color="text.secondary"
                        display="block"
                      >
                        {s.service}
                      </Typography>
                    </TableCell>
                    <TableCell align="right" sx={nowrap}>
                      {s.deployments}
                    </TableCell>
                    <TableCell align="right" sx={nowrap}>
                      {s.incidents}
                    </TableCell>
                    <TableCell sx={nowrap}>
                      {dateLabel(s.lastEventAt)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        ),
      )}
    </Section>
  );
}
