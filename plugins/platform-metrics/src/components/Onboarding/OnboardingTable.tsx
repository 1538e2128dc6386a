import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { OnboardingReport } from '@paved/plugin-platform-metrics-common';
import { cohortLabel } from '../format';
import { nowrap } from '@paved/frontend-utils';

/** Per joining cohort: size, deployed, not deployed yet, median days. */
export function OnboardingTable({ report }: { report: OnboardingReport }) {
  return (
    <Table size="small" aria-label="Time to first deployment by cohort">
      <TableHead>
        <TableRow>
          <TableCell sx={nowrap}>Joined in</TableCell>
          <TableCell align="right" sx={nowrap}>
            Joined
          </TableCell>
          <TableCell align="right" sx={nowrap}>
            Deployed
          </TableCell>
          <TableCell align="right">Not deployed yet</TableCell>
          <TableCell align="right">Median days to first deployment</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {report.cohorts
          .filter(c => c.joined > 0)
          .map(c => (
            <TableRow key={c.cohort}>
              <TableCell component="th" scope="row" sx={nowrap}>
                {cohortLabel(c.cohort)}
              </TableCell>
              <TableCell align="right" sx={nowrap}>
                {c.joined}
              </TableCell>
              <TableCell align="right" sx={nowrap}>
                {c.deployed ?? '—'}
              </TableCell>
              <TableCell align="right" sx={nowrap}>
                {c.notYetDeployed ?? '—'}
              </TableCell>
              <TableCell align="right" sx={nowrap}>
                {c.medianDays === null ? '—' : c.medianDays.toFixed(1)}
              </TableCell>
            </TableRow>
          ))}
      </TableBody>
    </Table>
  );
}
