import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import {
  AdoptionTrend,
  formatRate,
  meetsAdoptionGoal,
} from '@paved/plugin-golden-paths-common';
import { ScrollTable } from '@paved/frontend-utils';
import { intervalLabel } from '../format';
import { quarterLabel } from '@paved/common';

/** The trend's figures as a table: the chart's accessible alternative. */
export function AdoptionTable({ trend }: { trend: AdoptionTrend }) {
  return (
    <ScrollTable size="small" aria-label="Adoption per quarter">
      <TableHead>
        <TableRow>
          <TableCell>Quarter</TableCell>
          <TableCell align="right">New components</TableCell>
          <TableCell align="right">From golden paths</TableCell>
          <TableCell align="right">Adoption</TableCell>
          <TableCell>95% interval</TableCell>
          <TableCell>{`Goal ${formatRate(trend.goal)}`}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {trend.quarters.map(q => (
          <TableRow key={q.quarter}>
            <TableCell component="th" scope="row" className="paved-nowrap">
              {quarterLabel(q.quarter)}
            </TableCell>
            <TableCell align="right">{q.newComponents}</TableCell>
            <TableCell align="right">{q.fromGoldenPaths}</TableCell>
            <TableCell align="right">
              {q.adoption ? formatRate(q.adoption.rate) : 'No new components'}
            </TableCell>
            <TableCell className="paved-nowrap">
              {q.adoption ? intervalLabel(q.adoption) : '—'}
            </TableCell>
            <TableCell>
              {(q.adoption &&
                (meetsAdoptionGoal(q.adoption.rate, trend.goal)
                  ? 'Met'
                  : 'Below goal')) ||
                '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}
