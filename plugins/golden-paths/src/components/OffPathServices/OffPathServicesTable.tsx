import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { OffPathService } from '@paved/plugin-golden-paths-common';
import { OwnerCell, ServiceCell } from '../EntityCells';
import { Empty, ScrollTable } from '@paved/frontend-utils';
import { formatDate } from '../format';
import { entityDisplayName } from '@paved/common';

/**
 * New services that did not come from an approved golden path, newest first:
 * the platform PM's list of teams to talk to.
 */
export function OffPathServicesTable(props: { services: OffPathService[] }) {
  if (props.services.length === 0) {
    return <Empty>No new services off the golden paths.</Empty>;
  }
  return (
    <ScrollTable size="small" aria-label="New services off the golden paths">
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell>Owner</TableCell>
          <TableCell>First seen</TableCell>
          <TableCell>Template it names</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.services.map(s => (
          <TableRow key={s.entityRef}>
            <ServiceCell entityRef={s.entityRef} title={s.title} />
            <OwnerCell owner={s.owner} />
            <TableCell className="paved-nowrap">
              {formatDate(s.firstSeenAt)}
            </TableCell>
            <TableCell>
              {s.sourceTemplate
                ? entityDisplayName(s.sourceTemplate)
                : 'No template'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}
