import { useState } from 'react';
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
} from '@paved/plugin-roadmap-common';
import {
  entityDisplayName,
  quarterLabel,
  upcomingQuarters,
} from '@paved/common';
import { roadmapApiRef } from '../../api/RoadmapApi';
import { ItemCard, MoveTarget } from '../ItemCard';
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
 * The timeline board: Now, Next and Later with the quarters they cover;
 * declined items are left off. Filters by category, status and owner.
 */
export function RoadmapBoard(props: {
  items: RoadmapItem[];
  canManage: boolean;
  /** Called after a vote or a move, to reload the roadmap. */
  onChanged: () => void;
}) {
  const { items, canManage, onChanged } = props;
  const roadmapApi = useApi(roadmapApiRef);
  const [category, setCategory] = useState('');
  const [status, setStatus] = useState('');
  const [owner, setOwner] = useState('');
  const [byVotes, setByVotes] = useState(false);
  const [moveError, setMoveError] = useState<string>();

  const onBoard = items.filter(i => i.status !== 'declined');
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
          : (e as Error).message,
      );
    }
    onChanged();
  };

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
          options={STATUSES.filter(s => s !== 'declined').map(s => ({
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
              onChange={e => setByVotes(e.target.checked)}
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
                sx={{ bgcolor: 'action.hover', borderRadius: 1, p: 1.5 }}
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
                    />
                  ))}
                </Stack>
              </Box>
            </Grid>
          );
        })}
      </Grid>
    </Box>
  );
}
