import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Link } from '@backstage/core-components';
import { HORIZONS, RoadmapItem, isShipped } from '@paved/plugin-roadmap-common';
import { ScrollTable, useSearchParam } from '@paved/frontend-utils';
import { breakingChangesWithin } from '../BreakingChangesBanner';
import { formatDate, label, targetQuarterLabel, useItemLink } from '../format';

function Empty({ children }: { children: string }) {
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
      {children}
    </Typography>
  );
}

/** Now first, then Next, then Later; within a horizon, the PMs' order. */
export function byHorizonThenRank(a: RoadmapItem, b: RoadmapItem): number {
  return (
    HORIZONS.indexOf(a.horizon) - HORIZONS.indexOf(b.horizon) || a.rank - b.rank
  );
}

/** Every item that is not declined, as a searchable table, Now first. */
export function ListView({ items }: { items: RoadmapItem[] }) {
  const itemLink = useItemLink();
  // The search is in the address (?q=): linkable, kept on reload.
  const [search, setSearch] = useSearchParam('q');
  const query = search.trim().toLocaleLowerCase();
  const shown = items
    .filter(i => i.status !== 'declined')
    .sort(byHorizonThenRank)
    .filter(
      i =>
        !query ||
        [i.title, i.summary, i.problem].some(text =>
          text.toLocaleLowerCase().includes(query),
        ),
    );
  return (
    <>
      <TextField
        label="Search"
        type="search"
        size="small"
        value={search}
        onChange={e => setSearch(e.target.value)}
        helperText="Title, summary or problem"
        sx={{ mb: 2 }}
      />
      {shown.length === 0 ? (
        <Empty>{query ? 'No items match your search' : 'No items yet'}</Empty>
      ) : (
        <ScrollTable size="small" aria-label="Roadmap items">
          <TableHead>
            <TableRow>
              <TableCell>Title</TableCell>
              <TableCell>Horizon</TableCell>
              <TableCell>Status</TableCell>
              <TableCell>Category</TableCell>
              <TableCell>Target quarter</TableCell>
              <TableCell align="right">Votes</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(i => (
              <TableRow key={i.id}>
                <TableCell>
                  <Link to={itemLink(i.id)}>{i.title}</Link>
                </TableCell>
                <TableCell>{label(i.horizon)}</TableCell>
                <TableCell>{label(i.status)}</TableCell>
                <TableCell>{label(i.category)}</TableCell>
                <TableCell className="paved-nowrap">
                  {targetQuarterLabel(i.targetQuarter)}
                </TableCell>
                <TableCell align="right">{i.votes}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      )}
    </>
  );
}

/** Generally available items, newest first. */
export function ShippedView({ items }: { items: RoadmapItem[] }) {
  const itemLink = useItemLink();
  const shipped = items
    .filter(isShipped)
    .sort((a, b) => (b.shippedAt ?? '').localeCompare(a.shippedAt ?? ''));
  if (shipped.length === 0) return <Empty>Nothing shipped yet</Empty>;
  return (
    <List aria-label="Shipped">
      {shipped.map(i => (
        <ListItem key={i.id} divider>
          <ListItemText
            primary={<Link to={itemLink(i.id)}>{i.title}</Link>}
            secondary={`Shipped ${formatDate(i.shippedAt)} · ${i.summary}`}
          />
        </ListItem>
      ))}
    </List>
  );
}

/** Declined items and why. */
export function NotDoingView({ items }: { items: RoadmapItem[] }) {
  const itemLink = useItemLink();
  const declined = items.filter(i => i.status === 'declined');
  if (declined.length === 0) return <Empty>Nothing declined</Empty>;
  return (
    <List aria-label="Not doing">
      {declined.map(i => (
        <ListItem key={i.id} divider>
          <ListItemText
            primary={<Link to={itemLink(i.id)}>{i.title}</Link>}
            secondary={`Why not: ${i.declineReason ?? '—'}`}
          />
        </ListItem>
      ))}
    </List>
  );
}

/** Breaking changes from today on, soonest first. */
export function BreakingView({ items }: { items: RoadmapItem[] }) {
  const itemLink = useItemLink();
  const ahead = breakingChangesWithin(items, new Date());
  if (ahead.length === 0) return <Empty>No breaking changes ahead</Empty>;
  return (
    <List aria-label="Breaking changes ahead">
      {ahead.map(i => (
        <ListItem key={i.id} divider>
          <ListItemText
            primary={
              <>
                <Link to={itemLink(i.id)}>{i.title}</Link>
                {` — from ${formatDate(i.breakingChange!.effectiveDate)}`}
              </>
            }
            secondary={i.breakingChange!.notice}
          />
        </ListItem>
      ))}
    </List>
  );
}
