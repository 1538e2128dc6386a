import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Link } from '@backstage/core-components';
import {
  AdoptionByTeam,
  TeamAdoption,
  formatRate,
  meetsAdoptionGoal,
} from '@paved/plugin-golden-paths-common';
import { Empty, ScrollTable, WarningChip } from '@paved/frontend-utils';
import { catalogPath, intervalLabel } from '../format';
import { entityDisplayName } from '@paved/common';

/** Lowest rate first, teams without a rate last, then by name. */
export function byRateAscending(a: TeamAdoption, b: TeamAdoption): number {
  const ra = a.adoption?.rate ?? Infinity;
  const rb = b.adoption?.rate ?? Infinity;
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.team.localeCompare(b.team);
}

/** Adoption per team over a window, lowest first, teams below the goal marked. */
export function TeamAdoptionTable({ byTeam }: { byTeam: AdoptionByTeam }) {
  if (byTeam.teams.length === 0) {
    return <Empty>No team registered a new component in these quarters.</Empty>;
  }
  const teams = [...byTeam.teams].sort(byRateAscending);
  return (
    <ScrollTable size="small" aria-label="Adoption by team">
      <TableHead>
        <TableRow>
          <TableCell>Team</TableCell>
          <TableCell align="right">New components</TableCell>
          <TableCell align="right">From golden paths</TableCell>
          <TableCell align="right">Adoption</TableCell>
          <TableCell>95% interval</TableCell>
          <TableCell>{`Goal ${formatRate(byTeam.goal)}`}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {teams.map(t => (
          <TableRow key={t.team}>
            <TableCell component="th" scope="row">
              <Link to={catalogPath(t.team, 'group')}>
                {entityDisplayName(t.team)}
              </Link>
            </TableCell>
            <TableCell align="right">{t.newComponents}</TableCell>
            <TableCell align="right">{t.fromGoldenPaths}</TableCell>
            <TableCell align="right">
              {t.adoption ? formatRate(t.adoption.rate) : '—'}
            </TableCell>
            <TableCell className="paved-nowrap">
              {t.adoption ? intervalLabel(t.adoption) : '—'}
            </TableCell>
            <TableCell>
              {t.adoption &&
              !meetsAdoptionGoal(t.adoption.rate, byTeam.goal) ? (
                <WarningChip size="small" label="Below goal" />
              ) : (
                ''
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}
