import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import Typography from '@mui/material/Typography';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { HORIZONS, Horizon, RoadmapItem } from '@paved/plugin-roadmap-common';
import { roadmapApiRef } from '../../api/RoadmapApi';
import { label, targetQuarterLabel, useItemLink } from '../format';

/** Where a PM can move a card: a horizon and a position in it (0 = top). */
export interface MoveTarget {
  horizon: Horizon;
  position: number;
}

/** The vote button: "This matters to me", pressed when the user voted. */
export function VoteButton({
  item,
  onChanged,
}: {
  item: RoadmapItem;
  onChanged: (item: RoadmapItem) => void;
}) {
  const roadmapApi = useApi(roadmapApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  return (
    <>
      <ToggleButton
        value="vote"
        size="small"
        color="primary"
        selected={item.votedByMe}
        disabled={busy}
        onChange={async () => {
          setBusy(true);
          setError(undefined);
          try {
            onChanged(await roadmapApi.vote(item.id, !item.votedByMe));
          } catch (e) {
            setError(e as Error);
          } finally {
            setBusy(false);
          }
        }}
      >
        This matters to me
      </ToggleButton>
      {error && <Alert severity="error">{error.message}</Alert>}
    </>
  );
}

/**
 * A roadmap card: what it is, where it stands, votes; for platform PMs, the
 * buttons that reorder it and move it between horizons.
 */
export function ItemCard(props: {
  item: RoadmapItem;
  /** Its position in its horizon (0 = top) and how many items the horizon has. */
  position: number;
  count: number;
  canManage: boolean;
  onChanged: (item: RoadmapItem) => void;
  onMove: (item: RoadmapItem, target: MoveTarget) => void;
}) {
  const { item, position, count, canManage, onChanged, onMove } = props;
  const itemLink = useItemLink();
  const titleId = `roadmap-item-${item.id}`;
  return (
    <Card component="article" aria-labelledby={titleId} variant="outlined">
      <CardContent>
        <Typography variant="h6" component="h3" id={titleId}>
          <Link to={itemLink(item.id)}>{item.title}</Link>
        </Typography>
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap my={1}>
          <Chip size="small" color="primary" label={label(item.status)} />
          <Chip size="small" variant="outlined" label={label(item.category)} />
          <Chip
            size="small"
            variant="outlined"
            label={targetQuarterLabel(item.targetQuarter)}
          />
          {item.changedSinceLastVisit && (
            <Chip
              size="small"
              color="info"
              label="Changed since your last visit"
            />
          )}
          {item.breakingChange && (
            <Chip size="small" color="warning" label="Breaking change" />
          )}
        </Stack>
        <Typography variant="body2">{item.summary}</Typography>
      </CardContent>
      <CardActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Typography variant="body2" aria-label={`${item.votes} votes`}>
          {item.votes === 1 ? '1 vote' : `${item.votes} votes`}
        </Typography>
        <VoteButton item={item} onChanged={onChanged} />
        {canManage && (
          <Box display="flex" flexWrap="wrap" gap={1}>
            <Button
              size="small"
              disabled={position === 0}
              onClick={() =>
                onMove(item, { horizon: item.horizon, position: position - 1 })
              }
            >
              Move up
            </Button>
            <Button
              size="small"
              disabled={position >= count - 1}
              onClick={() =>
                onMove(item, { horizon: item.horizon, position: position + 1 })
              }
            >
              Move down
            </Button>
            {HORIZONS.filter(h => h !== item.horizon).map(h => (
              <Button
                key={h}
                size="small"
                onClick={() => onMove(item, { horizon: h, position: 0 })}
              >
                {`Move to ${label(h)}`}
              </Button>
            ))}
          </Box>
        )}
      </CardActions>
    </Card>
  );
}
