import Chip from '@mui/material/Chip';
import {
  TARGET_STATUS_LABELS,
  TargetStatus,
} from '@paved/plugin-platform-health-common';

// Dark text on pale grounds: readable at any size (WCAG AA); the label says it all, colour only helps.
const COLOURS: Record<
  TargetStatus,
  { bg: string; fg: string; border: string }
> = {
  'on-track': { bg: '#EDF7ED', fg: '#1E4620', border: '#2E7D32' },
  'at-risk': { bg: '#FFF4E5', fg: '#663C00', border: '#B26A00' },
  'off-track': { bg: '#FDEDED', fg: '#5F2120', border: '#D32F2F' },
  'too-early': { bg: '#E5F6FD', fg: '#014361', border: '#0288D1' },
  'no-data': { bg: '#F5F5F5', fg: '#424242', border: '#9E9E9E' },
};

/** A target status as a chip: on track, at risk, off track, too early to tell, no data or no target. */
export function StatusChip(props: {
  status: TargetStatus;
  noTarget?: boolean;
}) {
  const { status, noTarget } = props;
  const c = COLOURS[status];
  return (
    <Chip
      size="small"
      label={noTarget ? 'No target' : TARGET_STATUS_LABELS[status]}
      data-status={noTarget ? 'no-target' : status}
      sx={{
        bgcolor: c.bg,
        color: c.fg,
        border: `1px solid ${c.border}`,
        fontWeight: 500,
      }}
    />
  );
}
