import { useApi } from '@backstage/core-plugin-api';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { entityDisplayName } from '@paved/common';
import { byState, Empty, nowrap } from '@paved/frontend-utils';
import {
  HEALTH_METRICS,
  ObjectiveChange,
  ObjectiveHistory as History,
} from '@paved/plugin-platform-health-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformHealthApiRef } from '../../api/PlatformHealthApi';

const FIELD_LABELS: Record<ObjectiveChange['field'], string> = {
  title: 'title',
  description: 'description',
  keyResult: 'key result',
  keyResultTitle: 'title',
  metric: 'metric',
  unit: 'unit',
  start: 'start value',
  target: 'target',
  due: 'due date',
};

function shown(change: ObjectiveChange, value: string | number | null) {
  if (value === null || value === '') return 'none';
  if (change.field === 'metric') {
    return value === 'manual'
      ? 'entered by hand'
      : HEALTH_METRICS[value as keyof typeof HEALTH_METRICS]?.label ??
          String(value);
  }
  return String(value);
}

/** One change in words: "target of Adoption to 75%: 75 → 80". */
export function describeChange(change: ObjectiveChange): string {
  if (change.field === 'keyResult') {
    return change.before === null
      ? `added key result "${change.after}"`
      : `removed key result "${change.before}"`;
  }
  const label = FIELD_LABELS[change.field];
  const of = change.keyResultId ? ` of "${change.keyResultTitle}"` : '';
  return `${label}${of}: ${shown(change, change.before)} → ${shown(
    change,
    change.after,
  )}`;
}

function formatMoment(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** An objective's edit history, newest first: who changed what, when, before and after. */
export function ObjectiveHistory(props: { objectiveId: string; id: string }) {
  const healthApi = useApi(platformHealthApiRef);
  const history = useAsyncRetry(
    () => healthApi.getObjectiveHistory(props.objectiveId),
    [healthApi, props.objectiveId],
  );
  return (
    <Box
      id={props.id}
      role="region"
      aria-label="Edit history"
      sx={{ mt: 1, pl: 2, borderLeft: 2, borderColor: 'divider' }}
    >
      {byState(history, (value: History) => (
        <>
          {value.revisions.length === 0 ? (
            <Empty>Not edited since it was created.</Empty>
          ) : (
            <ol style={{ marginTop: 0, paddingLeft: 16 }}>
              {value.revisions.map(revision => (
                <li key={revision.version}>
                  <Typography variant="body2">
                    <Box component="span" sx={nowrap}>
                      {formatMoment(revision.changedAt)}
                    </Box>
                    , {entityDisplayName(revision.changedBy)} (version{' '}
                    {revision.version})
                  </Typography>
                  <ul style={{ marginTop: 0 }}>
                    {revision.changes.map((change, index) => (
                      <li key={index}>
                        <Typography variant="body2" color="text.secondary">
                          {describeChange(change)}
                        </Typography>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          )}
          <Typography variant="caption" color="text.secondary">
            Created by {entityDisplayName(value.createdBy)} on{' '}
            <Box component="span" sx={nowrap}>
              {formatMoment(value.createdAt)}
            </Box>
            .
          </Typography>
        </>
      ))}
    </Box>
  );
}
