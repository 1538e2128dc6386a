import Stack from '@mui/material/Stack';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { GoldenPathDetail } from '@paved/plugin-golden-paths-common';
import { Empty, ScrollTable, WarningChip } from '@paved/frontend-utils';
import { OwnerCell, ServiceCell } from '../EntityCells';
import { formatDate } from '../format';

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
    <ScrollTable
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
            <ServiceCell entityRef={s.entityRef} title={s.title} />
            <OwnerCell owner={s.owner} />
            <TableCell className="paved-nowrap">
              <Stack direction="row" spacing={1} alignItems="center">
                <span>{s.templateVersion ?? 'Unknown'}</span>
                {s.outdated && (
                  <WarningChip size="small" label="Older version" />
                )}
              </Stack>
            </TableCell>
            <TableCell className="paved-nowrap">
              {formatDate(s.firstSeenAt)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}
