import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { researchApiRef } from '../../api/ResearchApi';
import { formatDay, roadmapItemPath, statusLabel } from '../format';
import { Empty, Figure, Section } from '@paved/frontend-utils';

/** Every developer preview, open ones first: join one from its roadmap item. */
export function PreviewsTab() {
  const researchApi = useApi(researchApiRef);
  const previews = useAsync(() => researchApi.listPreviews(), [researchApi]);

  let body;
  if (previews.loading) body = <Progress />;
  else if (previews.error) body = <ResponseErrorPanel error={previews.error} />;
  else if (!previews.value?.length)
    body = (
      <Empty>
        No previews yet. When a roadmap item reaches alpha or beta, the platform
        team may open a preview you can join from the item's page.
      </Empty>
    );
  else
    body = (
      <Table size="small" aria-label="Developer previews">
        <TableHead>
          <TableRow>
            <TableCell>Roadmap item</TableCell>
            <TableCell>Status</TableCell>
            <TableCell align="right">Developers</TableCell>
            <TableCell align="right">Feedback</TableCell>
            <TableCell>Opened</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {previews.value.map(p => (
            <TableRow key={p.id}>
              <TableCell>
                <Link to={roadmapItemPath(p.itemId)}>{p.itemTitle}</Link>
                {p.joinedByMe && (
                  <Chip size="small" label="You take part" sx={{ ml: 1 }} />
                )}
              </TableCell>
              <TableCell>{statusLabel(p.status)}</TableCell>
              <TableCell align="right">
                <Figure>{p.participants}</Figure>
              </TableCell>
              <TableCell align="right">
                <Figure>{p.feedback}</Figure>
              </TableCell>
              <TableCell>
                <Figure>{formatDay(p.openedAt)}</Figure>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );

  return (
    <Section
      title="Developer previews"
      subheader="Try roadmap items before everyone gets them, and tell us what breaks."
    >
      {body}
    </Section>
  );
}
