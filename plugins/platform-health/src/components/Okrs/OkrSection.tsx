import { useId, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { entityDisplayName, quarterLabel } from '@paved/common';
import {
  HEALTH_METRICS,
  HealthTargets,
  Objective,
  platformHealthOkrManagePermission,
} from '@paved/plugin-platform-health-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformHealthApiRef } from '../../api/PlatformHealthApi';
import {
  KeyResultView,
  formatKeyResultValue,
  keyResultViews,
} from '../../health/okrs';
import type { HealthView, MetricReading } from '../../health/readings';
import { useOrganisationReadings } from '../../health/useHealthData';
import { StatusChip } from '../StatusChip';
import { ObjectiveDialog } from './ObjectiveDialog';
import { CheckInDialog } from './CheckInDialog';
import { ObjectiveHistory } from './ObjectiveHistory';
import { byState, Empty, Section } from '@paved/frontend-utils';

/** The quarter's objectives and key results, with progress from the live metrics (PMs edit). */
export function OkrSection(props: {
  targets: HealthTargets;
  view: HealthView;
}) {
  const healthApi = useApi(platformHealthApiRef);
  const okrs = useAsyncRetry(() => healthApi.getOkrs(), [healthApi]);
  const { readings, error } = useOrganisationReadings(
    props.targets,
    props.view,
  );
  const { allowed: canEdit } = usePermission({
    permission: platformHealthOkrManagePermission,
  });
  const [editing, setEditing] = useState<Objective | 'new' | null>(null);
  const [checkingIn, setCheckingIn] = useState<KeyResultView | null>(null);

  return (
    <Section
      fullHeight
      title="OKRs"
      subheader={
        okrs.value
          ? `${quarterLabel(
              okrs.value.quarter,
            )}: progress from the live metrics`
          : undefined
      }
      action={
        canEdit ? (
          <Button variant="outlined" onClick={() => setEditing('new')}>
            New objective
          </Button>
        ) : undefined
      }
    >
      {error && (
        <Typography variant="body2" role="alert" sx={{ mb: 1 }}>
          Some live metrics could not be read ({error.message}); key results
          bound to them show no progress.
        </Typography>
      )}
      {byState(okrs, ({ quarter, objectives }) =>
        objectives.length === 0 ? (
          <Empty>No objectives for {quarterLabel(quarter)} yet.</Empty>
        ) : (
          objectives.map(objective => (
            <ObjectiveView
              key={objective.id}
              objective={objective}
              readings={readings ?? new Map()}
              expanded={props.view === 'monthly'}
              canEdit={canEdit}
              onEdit={() => setEditing(objective)}
              onCheckIn={setCheckingIn}
            />
          ))
        ),
      )}
      {editing && okrs.value && (
        <ObjectiveDialog
          quarter={okrs.value.quarter}
          objective={editing === 'new' ? undefined : editing}
          onClose={changed => {
            setEditing(null);
            if (changed) okrs.retry();
          }}
        />
      )}
      {checkingIn && (
        <CheckInDialog
          view={checkingIn}
          onClose={changed => {
            setCheckingIn(null);
            if (changed) okrs.retry();
          }}
        />
      )}
    </Section>
  );
}

function ObjectiveView(props: {
  objective: Objective;
  readings: Map<string, MetricReading>;
  expanded: boolean;
  canEdit: boolean;
  onEdit: () => void;
  onCheckIn: (view: KeyResultView) => void;
}) {
  const { objective } = props;
  const views = keyResultViews(
    objective.quarter,
    objective.keyResults,
    props.readings,
    new Date(),
  );
  const historyId = useId();
  const [showHistory, setShowHistory] = useState(false);
  return (
    <Box component="article" sx={{ mb: 3 }} data-testid="objective">
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
        <Typography variant="h6" component="h3" sx={{ flex: 1 }}>
          {objective.title}
        </Typography>
        <Button
          size="small"
          aria-expanded={showHistory}
          aria-controls={showHistory ? historyId : undefined}
          aria-label={`${showHistory ? 'Hide' : 'Show'} edit history of ${
            objective.title
          }`}
          onClick={() => setShowHistory(!showHistory)}
        >
          History
        </Button>
        {props.canEdit && (
          <Button
            size="small"
            onClick={props.onEdit}
            aria-label={`Edit ${objective.title}`}
          >
            Edit
          </Button>
        )}
      </Box>
      {showHistory && (
        <ObjectiveHistory
          id={historyId}
          objectiveId={objective.id}
          // A saved edit makes a new version: read the history again.
          key={objective.version}
        />
      )}
      {objective.description && (
        <Typography variant="body2" color="text.secondary">
          {objective.description}
        </Typography>
      )}
      {views.map(view => (
        <KeyResultRow
          key={view.keyResult.id}
          view={view}
          expanded={props.expanded}
          canEdit={props.canEdit}
          onCheckIn={() => props.onCheckIn(view)}
        />
      ))}
    </Box>
  );
}

function KeyResultRow(props: {
  view: KeyResultView;
  expanded: boolean;
  canEdit: boolean;
  onCheckIn: () => void;
}) {
  const { keyResult: kr, current, progress } = props.view;
  const [showHistory, setShowHistory] = useState(props.expanded);
  const percent =
    progress.fraction === null ? 0 : Math.round(progress.fraction * 100);
  const source =
    kr.metric === 'manual'
      ? 'entered at check-ins'
      : `live: ${HEALTH_METRICS[kr.metric].label}`;
  return (
    <Box sx={{ mt: 1.5 }} data-testid="key-result">
      <Box
        sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}
      >
        <Typography variant="body1" sx={{ flex: 1, minWidth: 200 }}>
          {kr.title}
        </Typography>
        <StatusChip status={progress.status} />
      </Box>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={`${kr.title}: ${percent}% of the way`}
        sx={{ my: 0.5, height: 8, borderRadius: 1 }}
      />
      <Typography variant="body2" color="text.secondary">
        {current ? formatKeyResultValue(kr, current.value) : '—'} ({source});
        from {formatKeyResultValue(kr, kr.start)} to{' '}
        {formatKeyResultValue(kr, kr.target)} by {kr.due}; {percent}% of the
        way, {Math.round(progress.elapsed * 100)}% of the time
      </Typography>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button
          size="small"
          aria-expanded={showHistory}
          onClick={() => setShowHistory(!showHistory)}
        >
          {showHistory ? 'Hide' : 'Show'} check-ins ({kr.checkIns.length})
        </Button>
        {props.canEdit && (
          <Button
            size="small"
            onClick={props.onCheckIn}
            aria-label={`Check in on ${kr.title}`}
          >
            Check in
          </Button>
        )}
      </Box>
      {showHistory &&
        (kr.checkIns.length === 0 ? (
          <Empty>No check-ins yet.</Empty>
        ) : (
          <ul style={{ marginTop: 0 }}>
            {kr.checkIns.map(c => (
              <li key={c.id}>
                <Typography variant="body2">
                  {c.createdAt.slice(0, 10)}:{' '}
                  {formatKeyResultValue(kr, c.value)}
                  {c.note ? `, ${c.note}` : ''} (
                  {entityDisplayName(c.createdBy)})
                </Typography>
              </li>
            ))}
          </ul>
        ))}
    </Box>
  );
}
