import { DragEvent, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { useApi } from '@backstage/core-plugin-api';
import {
  CATEGORIES,
  HORIZONS,
  Horizon,
  LABELS,
  RoadmapItem,
  STATUSES,
  isShipped,
} from '@paved/plugin-roadmap-common';
import { Link } from '@backstage/core-components';
import { serverMessage, useSearchParam } from '@paved/frontend-utils';
import {
  entityDisplayName,
  quarterLabel,
  upcomingQuarters,
} from '@paved/common';
import { roadmapApiRef } from '../../api/RoadmapApi';
import { CARD_DRAG_TYPE, ItemCard, MoveTarget } from '../ItemCard';
import { isConflict } from '../format';

/** The quarters each horizon covers: Now the current one, Next the one after, Later the rest. */
export function horizonQuarters(now: Date): Record<Horizon, string[]> {
  const [first, second, ...rest] = upcomingQuarters(now);
  return {
    now: first ? [first] : [],
    next: second ? [second] : [],
    later: rest,
  };
}

function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const { id, value, options, onChange } = props;
  return (
    <FormControl size="small" sx={{ minWidth: 180 }}>
      <InputLabel id={`${id}-label`}>{props.label}</InputLabel>
      <Select
        labelId={`${id}-label`}
        id={id}
        label={props.label}
        value={value}
        onChange={e => onChange(String(e.target.value))}
      >
        <MenuItem value="">All</MenuItem>
        {options.map(o => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}

/**
 * The timeline board: Now, Next and Later with the quarters they cover. Declined
 * items are left off, and shipped ones leave it for the Shipped view. Filters by
 * category, status and owner, kept in the address. Platform PMs drag cards, or
 * use each card's "Move…" menu.
 */
export function RoadmapBoard(props: {
  items: RoadmapItem[];
  canManage: boolean;
  /** Called after a vote or a move, to reload the roadmap. */
  onChanged: () => void;
}) {
  const { items, canManage, onChanged } = props;
  const roadmapApi = useApi(roadmapApiRef);
  const [category, setCategory] = useSearchParam('category');
  const [status, setStatus] = useSearchParam('status');
  const [owner, setOwner] = useSearchParam('owner');
  const [sort, setSort] = useSearchParam('sort');
  const byVotes = sort === 'votes';
  const [moveError, setMoveError] = useState<string>();
  const [dropColumn, setDropColumn] = useState<Horizon>();

  const onBoard = items.filter(i => i.status !== 'declined' && !isShipped(i));
  const shippedCount = items.filter(isShipped).length;
  const owners = [...new Set(onBoard.map(i => i.owner))].sort();
  const quarters = horizonQuarters(new Date());

  const onMove = async (item: RoadmapItem, target: MoveTarget) => {
    setMoveError(undefined);
    try {
      await roadmapApi.moveItem(item.id, {
        version: item.version,
        horizon: target.horizon,
        position: target.position,
      });
    } catch (e) {
      setMoveError(
        isConflict(e)
          ? `Someone else changed "${item.title}" since you loaded the roadmap; the board now shows the current order.`
          : serverMessage(e),
      );
    }
    onChanged();
  };

  // A card dropped on another takes that card's place; on a column, its end.
  const dropAt = (itemId: string, horizon: Horizon, beforeId?: string) => {
    const item = onBoard.find(i => i.id === itemId);
    if (!item) return;
    const column = onBoard
      .filter(i => i.horizon === horizon && i.id !== itemId)
      .sort((a, b) => a.rank - b.rank);
    const at = beforeId ? column.findIndex(i => i.id === beforeId) : -1;
    onMove(item, { horizon, position: at < 0 ? column.length : at });
  };
  const accepts = (e: DragEvent) =>
    canManage && e.dataTransfer.types.includes(CARD_DRAG_TYPE);
  return (
    <Box>
      <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap mb={2}>
        <FilterSelect
          id="roadmap-filter-category"
          label="Category"
          value={category}
          options={CATEGORIES.map(c => ({ value: c, label: LABELS[c] }))}
          onChange={setCategory}
        />
        <FilterSelect
          id="roadmap-filter-status"
          label="Status"
          value={status}
          options={STATUSES.filter(
            s => s !== 'declined' && !isShipped({ status: s }),
          ).map(s => ({
            value: s,
            label: LABELS[s],
          }))}
          onChange={setStatus}
        />
        <FilterSelect
          id="roadmap-filter-owner"
          label="Owner"
          value={owner}
          options={owners.map(o => ({ value: o, label: entityDisplayName(o) }))}
          onChange={setOwner}
        />
        <FormControlLabel
          control={
            <Switch
              checked={byVotes}
              onChange={e => setSort(e.target.checked ? 'votes' : '')}
            />
          }
          label="Sort by votes"
        />
      </Stack>
      {moveError && (
        <Alert severity="warning" onClose={() => setMoveError(undefined)}>
          {moveError}
        </Alert>
      )}
      {canManage && (
        <Typography variant="body2" color="text.secondary" mb={1}>
          Drag a card to reorder it or move it to another horizon, or use its
          “Move…” menu.
        </Typography>
      )}
      <Grid container spacing={2}>
        {HORIZONS.map(horizon => {
          // Positions are within the whole column in the PM's order, whatever the filters.
          const column = onBoard
            .filter(i => i.horizon === horizon)
            .sort((a, b) => a.rank - b.rank);
          const shown = column
            .filter(
              i =>
                (!category || i.category === category) &&
                (!status || i.status === status) &&
                (!owner || i.owner === owner),
            )
            .sort((a, b) => (byVotes ? b.votes - a.votes : 0));
          const headingId = `roadmap-column-${horizon}`;
          return (
            <Grid item xs={12} md={4} key={horizon}>
              <Box
                component="section"
                aria-labelledby={headingId}
                onDragOver={e => {
                  if (!accepts(e)) return;
                  e.preventDefault();
                  setDropColumn(horizon);
                }}
                onDragLeave={() => setDropColumn(undefined)}
                onDrop={e => {
                  if (!accepts(e)) return;
                  e.preventDefault();
                  setDropColumn(undefined);
                  dropAt(e.dataTransfer.getData(CARD_DRAG_TYPE), horizon);
                }}
                sx={{
                  bgcolor: 'action.hover',
                  borderRadius: 1,
                  p: 1.5,
                  minHeight: 120,
                  outline: dropColumn === horizon ? '2px dashed' : undefined,
                  outlineColor: 'primary.main',
                }}
              >
                <Typography variant="h5" component="h2" id={headingId}>
                  {LABELS[horizon]}
                </Typography>
                <Typography variant="body2" color="text.secondary" mb={1}>
                  {quarters[horizon].map(quarterLabel).join(', ') ||
                    'Beyond the next 6 months'}
                </Typography>
                <Stack spacing={1.5}>
                  {shown.length === 0 && (
                    <Typography variant="body2" color="text.secondary">
                      Nothing here
                    </Typography>
                  )}
                  {shown.map(item => (
                    <ItemCard
                      key={item.id}
                      item={item}
                      position={column.indexOf(item)}
                      count={column.length}
                      canManage={canManage}
                      onChanged={onChanged}
                      onMove={onMove}
                      onDropCard={id => dropAt(id, horizon, item.id)}
                    />
                  ))}
                </Stack>
              </Box>
            </Grid>
          );
        })}
      </Grid>
      {shippedCount > 0 && (
        <Typography variant="body2" mt={2}>
          {`Shipped items leave the board: ${shippedCount} ${
            shippedCount === 1 ? 'is' : 'are'
          } in `}
          <Link to="?view=shipped">Shipped</Link>.
        </Typography>
      )}
    </Box>
  );
}
