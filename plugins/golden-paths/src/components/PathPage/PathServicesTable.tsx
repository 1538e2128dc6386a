import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Link } from '@backstage/core-components';
import { GoldenPathDetail } from '@paved/plugin-golden-paths-common';
import { Empty } from '../Section';
import { catalogPath, formatDate, refLabel } from '../format';

/** The services created from a golden path, those on an older version marked. */
export function PathServicesTable({
  goldenPath,
}: {
  goldenPath: GoldenPathDetail;
}) {
  if (goldenPath.services.length === 0) {
    return <Empty>No services have been created from this path yet.</Empty>;
  }
  return (
    <Table
      size="small"
      aria-label={`Services created from ${goldenPath.title}`}
    >
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell>Owner</TableCell>
          <TableCell>Template version</TableCell>
          <TableCell>First seen</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {goldenPath.services.map(s => (
          <TableRow key={s.entityRef}>
            <TableCell component="th" scope="row">
              <Link to={catalogPath(s.entityRef, 'component')}>
                {s.title || refLabel(s.entityRef)}
              </Link>
            </TableCell>
            <TableCell>
              {s.owner ? (
                <Link to={catalogPath(s.owner, 'group')}>
                  {refLabel(s.owner)}
                </Link>
              ) : (
                'No owner'
              )}
            </TableCell>
            <TableCell>
              <Stack direction="row" spacing={1} alignItems="center">
                <span>{s.templateVersion ?? 'Unknown'}</span>
                {s.outdated && (
                  <Chip
                    size="small"
                    color="warning"
                    variant="outlined"
                    label="Older version"
                  />
                )}
              </Stack>
            </TableCell>
            <TableCell>{formatDate(s.firstSeenAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
