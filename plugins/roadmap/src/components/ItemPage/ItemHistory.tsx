import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { RoadmapChange } from '@paved/plugin-roadmap-common';
import { formatDate, label } from '../format';
import { entityDisplayName } from '@paved/common';

const FIELD_NAMES: Record<string, string> = {
  targetQuarter: 'target quarter',
  declineReason: 'decline reason',
  breakingChange: 'breaking change',
  shippedAt: 'shipped',
  rank: 'position',
};

const ACTIONS: Record<RoadmapChange['action'], string> = {
  created: 'Created',
  updated: 'Updated',
  moved: 'Moved',
  deleted: 'Deleted',
};

/** A field's value in a history entry, in words. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'string') return label(value);
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (Array.isArray(value)) {
    return value.length === 0
      ? 'none'
      : value
          .map(v =>
            typeof v === 'object' && v && 'title' in v
              ? String((v as { title: unknown }).title)
              : formatValue(v),
          )
          .join(', ');
  }
  if (typeof value === 'object' && 'notice' in value) {
    const change = value as { notice: string; effectiveDate?: string };
    return `${change.notice} (${change.effectiveDate ?? 'no date'})`;
  }
  return JSON.stringify(value);
}

function describe(field: string, change: { from: unknown; to: unknown }) {
  const name = FIELD_NAMES[field] ?? field;
  if (field === 'description' || field === 'problem') {
    return `${name} changed`;
  }
  return `${name}: ${formatValue(change.from)} → ${formatValue(change.to)}`;
}

/** An item's history, oldest first: who changed what, and when. */
export function ItemHistory({ history }: { history: RoadmapChange[] }) {
  if (history.length === 0) {
    return <Typography variant="body2">No history yet</Typography>;
  }
  return (
    <List dense aria-label="History">
      {history.map(entry => (
        <ListItem
          key={entry.version}
          divider
          alignItems="flex-start"
          disableGutters
        >
          <ListItemText
            // Long values wrap between words; nothing is cut off.
            sx={{ minWidth: 0, overflowWrap: 'anywhere' }}
            primary={`Version ${entry.version} · ${
              ACTIONS[entry.action]
            } by ${entityDisplayName(entry.by)} · ${formatDate(entry.at)}`}
            secondary={
              entry.action === 'created' ? undefined : (
                <>
                  {Object.entries(entry.changes).map(([field, change]) => (
                    <span key={field} style={{ display: 'block' }}>
                      {describe(field, change)}
                    </span>
                  ))}
                </>
              )
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
