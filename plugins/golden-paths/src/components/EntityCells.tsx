import { Link } from '@backstage/core-components';
import TableCell from '@mui/material/TableCell';
import { catalogPath } from './format';
import { entityDisplayName } from '@paved/common';

/** A table's row header: the service, linked to its catalog page. */
export function ServiceCell(props: { entityRef: string; title: string }) {
  return (
    <TableCell component="th" scope="row">
      <Link to={catalogPath(props.entityRef, 'component')}>
        {props.title || entityDisplayName(props.entityRef)}
      </Link>
    </TableCell>
  );
}

/** The owning group, linked to its catalog page, or "No owner". */
export function OwnerCell(props: { owner: string | null }) {
  return (
    <TableCell>
      {props.owner ? (
        <Link to={catalogPath(props.owner, 'group')}>
          {entityDisplayName(props.owner)}
        </Link>
      ) : (
        'No owner'
      )}
    </TableCell>
  );
}
