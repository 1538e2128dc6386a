import { DragEvent, useId, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import Typography from '@mui/material/Typography';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { HORIZONS, Horizon, RoadmapItem } from '@paved/plugin-roadmap-common';
import { WarningChip, serverMessage } from '@paved/frontend-utils';
import { roadmapApiRef } from '../../api/RoadmapApi';
import { label, targetQuarterLabel, useItemLink } from '../format';

/** Where a PM can move a card: a horizon and a position in it (0 = top). */
export interface MoveTarget {
  horizon: Horizon;
  position: number;
}

/** The drag-and-drop payload type of a roadmap card: its item id. */
export const CARD_DRAG_TYPE = 'application/x-paved-roadmap-item';

/** A check mark before a pressed toggle's label, so the state shows without colour. */
function Pressed({ on }: { on: boolean }) {
  return on ? (
    <span aria-hidden style={{ marginRight: 6 }}>
      ✓
    </span>
  ) : null;
}

/**
 * The vote button: "This matters to me", pressed (with a check mark) when the
 * user voted. Voting also follows the item, and says so.
 */
export function VoteButton({
  item,
  onChanged,
}: {
  item: RoadmapItem;
  onChanged: (item: RoadmapItem) => void;
}) {
  const roadmapApi = useApi(roadmapApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const hintId = useId();
  return (
    <>
      <ToggleButton
        value="vote"
        size="small"
        color="primary"
        selected={item.votedByMe}
        disabled={busy}
        aria-describedby={hintId}
        onChange={async () => {
          setBusy(true);
          setError(undefined);
          try {
            onChanged(await roadmapApi.vote(item.id, !item.votedByMe));
          } catch (e) {
            setError(serverMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Pressed on={item.votedByMe} />
        This matters to me
      </ToggleButton>
      <Typography
        id={hintId}
        variant="caption"
        color="text.secondary"
        aria-live="polite"
      >
        {item.votedByMe
          ? 'You voted, and you follow its changes.'
          : 'Voting also follows the item.'}
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
    </>
  );
}

/**
 * The follow button: "Follow changes", pressed (with a check mark) while the user
 * gets a notice when the item's status or horizon changes.
 */
export function FollowButton({
  item,
  onChanged,
}: {
  item: RoadmapItem;
  onChanged: (item: RoadmapItem) => void;
}) {
  const roadmapApi = useApi(roadmapApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const hintId = useId();
  return (
    <>
      <ToggleButton
        value="follow"
        size="small"
        color="primary"
        selected={item.subscribedByMe}
        disabled={busy}
        aria-describedby={hintId}
        onChange={async () => {
          setBusy(true);
          setError(undefined);
          try {
            onChanged(
              await roadmapApi.subscribe(item.id, !item.subscribedByMe),
            );
          } catch (e) {
            setError(serverMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Pressed on={item.subscribedByMe} />
        Follow changes
      </ToggleButton>
      <Typography
        id={hintId}
        variant="caption"
        color="text.secondary"
        aria-live="polite"
      >
        {item.subscribedByMe
          ? 'You follow it: a notice comes when its status or horizon changes.'
          : 'You do not follow it.'}
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
    </>
  );
}

/**
 * "Move…": the keyboard alternative to dragging a card. Every entry names the
 * card, so a screen reader says what moves where.
 */
export function MoveMenu(props: {
  item: RoadmapItem;
  position: number;
  count: number;
  onMove: (item: RoadmapItem, target: MoveTarget) => void;
}) {
  const { item, position, count, onMove } = props;
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  const move = (target: MoveTarget) => {
    setAnchor(null);
    onMove(item, target);
  };
  const entries: Array<{ text: string; target: MoveTarget }> = [];
  if (position > 0) {
    entries.push({
      text: `Move “${item.title}” up`,
      target: { horizon: item.horizon, position: position - 1 },
    });
  }
  if (position < count - 1) {
    entries.push({
      text: `Move “${item.title}” down`,
      target: { horizon: item.horizon, position: position + 1 },
    });
  }
  for (const horizon of HORIZONS.filter(h => h !== item.horizon)) {
    entries.push({
      text: `Move “${item.title}” to ${label(horizon)}`,
      target: { horizon, position: 0 },
    });
  }
  return (
    <>
      <Button
        size="small"
        aria-haspopup="menu"
        aria-controls={anchor ? menuId : undefined}
        aria-expanded={anchor ? 'true' : undefined}
        aria-label={`Move “${item.title}”…`}
        onClick={e => setAnchor(e.currentTarget)}
      >
        Move…
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={() => setAnchor(null)}
      >
        {entries.map(entry => (
          <MenuItem key={entry.text} onClick={() => move(entry.target)}>
            {entry.text}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

/**
 * A roadmap card: what it is, where it stands, votes; for platform PMs, a card
 * they can drag to another place, and the "Move…" menu that does the same.
 */
export function ItemCard(props: {
  item: RoadmapItem;
  /** Its position in its horizon (0 = top) and how many items the horizon has. */
  position: number;
  count: number;
  canManage: boolean;
  onChanged: (item: RoadmapItem) => void;
  onMove: (item: RoadmapItem, target: MoveTarget) => void;
  /** Dropping another card on this one puts it here (platform PMs). */
  onDropCard?: (itemId: string) => void;
}) {
  const { item, position, count, canManage, onChanged, onMove, onDropCard } =
    props;
  const itemLink = useItemLink();
  const titleId = `roadmap-item-${item.id}`;
  const [dropping, setDropping] = useState(false);
  const accepts = (e: DragEvent) =>
    canManage && e.dataTransfer.types.includes(CARD_DRAG_TYPE);
  return (
    <Card
      component="article"
      aria-labelledby={titleId}
      variant="outlined"
      draggable={canManage}
      onDragStart={e => {
        if (!canManage) return;
        e.dataTransfer.setData(CARD_DRAG_TYPE, item.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={e => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.stopPropagation();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={e => {
        if (!accepts(e)) return;
        e.preventDefault();
        e.stopPropagation();
        setDropping(false);
        const id = e.dataTransfer.getData(CARD_DRAG_TYPE);
        if (id && id !== item.id) onDropCard?.(id);
      }}
      sx={{
        cursor: canManage ? 'grab' : undefined,
        borderTop: dropping ? '3px solid' : undefined,
        borderTopColor: 'primary.main',
      }}
    >
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
            <WarningChip size="small" label="Breaking change" />
          )}
        </Stack>
        <Typography variant="body2">{item.summary}</Typography>
      </CardContent>
      <CardActions
        sx={{ flexWrap: 'wrap', gap: 1, alignItems: 'center' }}
        disableSpacing
      >
        <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
          {item.votes === 1 ? '1 vote' : `${item.votes} votes`}
        </Typography>
        <VoteButton item={item} onChanged={onChanged} />
        {canManage && (
          <MoveMenu
            item={item}
            position={position}
            count={count}
            onMove={onMove}
          />
        )}
      </CardActions>
    </Card>
  );
}
