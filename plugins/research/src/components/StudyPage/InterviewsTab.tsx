import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { StudyDetail } from '@paved/plugin-research-common';
import { rootRouteRef } from '../../routes';
import { formatSlot, statusLabel } from '../format';
import { Empty, Figure, Section } from '@paved/frontend-utils';

/** The study's invitations and interviews; names only with research.notes.read. */
export function InterviewsTab({ study }: { study: StudyDetail }) {
  const root = useRouteRef(rootRouteRef);
  const invitations = study.invitations ?? [];
  return (
    <Section
      title="Interviews"
      subheader={
        study.namesVisible
          ? 'Names are visible to you because you hold research.notes.read.'
          : 'Participants appear by number: names need research.notes.read.'
      }
    >
      {invitations.length === 0 ? (
        <Empty>Nobody is invited yet: see Recruiting.</Empty>
      ) : (
        <Table size="small" aria-label="Invitations and interviews">
          <TableHead>
            <TableRow>
              <TableCell>Participant</TableCell>
              {study.namesVisible && <TableCell>Name</TableCell>}
              <TableCell>Status</TableCell>
              <TableCell>Slot</TableCell>
              <TableCell align="right">Findings</TableCell>
              <TableCell>Notes</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {invitations.map(i => (
              <TableRow key={i.id}>
                <TableCell>
                  <Figure>{i.label}</Figure>
                </TableCell>
                {study.namesVisible && (
                  <TableCell>
                    {i.displayName ??
                      (i.status === 'withdrawn' ? 'Withdrawn' : '—')}
                  </TableCell>
                )}
                <TableCell>{statusLabel(i.status)}</TableCell>
                <TableCell>
                  <Figure>{formatSlot(i.slot)}</Figure>
                </TableCell>
                <TableCell align="right">{i.findings}</TableCell>
                <TableCell>
                  {i.status === 'accepted' || i.findings > 0 ? (
                    <Link to={`${root()}/interviews/${i.id}`}>
                      {i.status === 'accepted'
                        ? 'Write notes'
                        : 'Read findings'}
                    </Link>
                  ) : (
                    '—'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
