import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { quarterBounds, quarterLabel } from '@paved/common';
import { serverMessage } from '@paved/frontend-utils';
import {
  HEALTH_METRICS,
  HEALTH_METRIC_IDS,
  KeyResultMetric,
  Objective,
} from '@paved/plugin-platform-health-common';
import { platformHealthApiRef } from '../../api/PlatformHealthApi';

interface KeyResultDraft {
  id?: string;
  title: string;
  metric: KeyResultMetric;
  unit: string;
  start: string;
  target: string;
  due: string;
}

const UNIT_WORDS = {
  points: 'NPS points',
  percent: '%',
  days: 'days',
  hours: 'hours',
  perWeek: 'deployments a week',
} as const;

/** Writes or edits one objective with its key results (platform PMs). */
export function ObjectiveDialog(props: {
  quarter: string;
  objective?: Objective;
  onClose: (changed: boolean) => void;
}) {
  const healthApi = useApi(platformHealthApiRef);
  const { objective, quarter } = props;
  const lastDay = new Date(quarterBounds(quarter).end.getTime() - 86_400_000)
    .toISOString()
    .slice(0, 10);
  const [title, setTitle] = useState(objective?.title ?? '');
  const [description, setDescription] = useState(objective?.description ?? '');
  const [keyResults, setKeyResults] = useState<KeyResultDraft[]>(
    objective?.keyResults.map(kr => ({
      id: kr.id,
      title: kr.title,
      metric: kr.metric,
      unit: kr.unit ?? '',
      start: String(kr.start),
      target: String(kr.target),
      due: kr.due,
    })) ?? [
      {
        title: '',
        metric: 'adoption',
        unit: '',
        start: '',
        target: '',
        due: lastDay,
      },
    ],
  );
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (index: number, patch: Partial<KeyResultDraft>) =>
    setKeyResults(list =>
      list.map((kr, i) => (i === index ? { ...kr, ...patch } : kr)),
    );

  const save = async () => {
    setSaving(true);
    setError(null);
    const body = {
      title,
      description,
      keyResults: keyResults.map(kr => ({
        ...(kr.id ? { id: kr.id } : {}),
        title: kr.title,
        metric: kr.metric,
        unit: kr.metric === 'manual' ? kr.unit || null : null,
        start: Number(kr.start),
        target: Number(kr.target),
        due: kr.due,
      })),
    };
    try {
      if (objective) {
        await healthApi.updateObjective(objective.id, {
          ...body,
          version: objective.version,
        });
      } else {
        await healthApi.createObjective({ ...body, quarter });
      }
      props.onClose(true);
    } catch (e) {
      setError(serverMessage(e));
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!objective) return;
    setSaving(true);
    try {
      await healthApi.deleteObjective(objective.id, objective.version);
      props.onClose(true);
    } catch (e) {
      setError(serverMessage(e));
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={() => props.onClose(false)} maxWidth="md" fullWidth>
      <DialogTitle>
        {objective ? 'Edit objective' : 'New objective'} for{' '}
        {quarterLabel(quarter)}
      </DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        <TextField
          label="Objective"
          value={title}
          onChange={e => setTitle(e.target.value)}
          required
          fullWidth
          margin="dense"
        />
        <TextField
          label="Why it matters"
          value={description}
          onChange={e => setDescription(e.target.value)}
          fullWidth
          multiline
          margin="dense"
        />
        {keyResults.map((kr, index) => {
          const unit =
            kr.metric === 'manual'
              ? kr.unit
              : UNIT_WORDS[HEALTH_METRICS[kr.metric].unit];
          return (
            <Box
              key={kr.id ?? `new-${index}`}
              component="fieldset"
              sx={{
                border: 1,
                borderColor: 'divider',
                borderRadius: 1,
                mt: 2,
                p: 2,
              }}
            >
              <Typography component="legend" variant="subtitle2">
                Key result {index + 1}
              </Typography>
              <TextField
                label="Key result"
                value={kr.title}
                onChange={e => update(index, { title: e.target.value })}
                required
                fullWidth
                margin="dense"
              />
              <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
                <TextField
                  select
                  label="Measured by"
                  value={kr.metric}
                  onChange={e =>
                    update(index, {
                      metric: e.target.value as KeyResultMetric,
                    })
                  }
                  margin="dense"
                  sx={{ minWidth: 260 }}
                >
                  {HEALTH_METRIC_IDS.map(id => (
                    <MenuItem key={id} value={id}>
                      {HEALTH_METRICS[id].label}
                    </MenuItem>
                  ))}
                  <MenuItem value="manual">
                    A value entered at check-ins
                  </MenuItem>
                </TextField>
                {kr.metric === 'manual' && (
                  <TextField
                    label="Unit"
                    value={kr.unit}
                    onChange={e => update(index, { unit: e.target.value })}
                    margin="dense"
                    helperText="e.g. teams"
                  />
                )}
                <TextField
                  label={`Start${unit ? ` (${unit})` : ''}`}
                  type="number"
                  value={kr.start}
                  onChange={e => update(index, { start: e.target.value })}
                  required
                  margin="dense"
                />
                <TextField
                  label={`Target${unit ? ` (${unit})` : ''}`}
                  type="number"
                  value={kr.target}
                  onChange={e => update(index, { target: e.target.value })}
                  required
                  margin="dense"
                />
                <TextField
                  label="Due"
                  type="date"
                  value={kr.due}
                  onChange={e => update(index, { due: e.target.value })}
                  required
                  margin="dense"
                  InputLabelProps={{ shrink: true }}
                />
              </Box>
              {keyResults.length > 1 && (
                <Button
                  size="small"
                  onClick={() =>
                    setKeyResults(list => list.filter((_, i) => i !== index))
                  }
                >
                  Remove key result {index + 1}
                </Button>
              )}
            </Box>
          );
        })}
        {keyResults.length < 8 && (
          <Button
            sx={{ mt: 1 }}
            onClick={() =>
              setKeyResults(list => [
                ...list,
                {
                  title: '',
                  metric: 'manual',
                  unit: '',
                  start: '',
                  target: '',
                  due: lastDay,
                },
              ])
            }
          >
            Add a key result
          </Button>
        )}
      </DialogContent>
      <DialogActions>
        {objective && (
          <Button
            color="error"
            onClick={remove}
            disabled={saving}
            sx={{ mr: 'auto' }}
          >
            Delete objective
          </Button>
        )}
        <Button onClick={() => props.onClose(false)} disabled={saving}>
          Cancel
        </Button>
        <Button variant="contained" onClick={save} disabled={saving}>
          Save
        </Button>
      </DialogActions>
    </Dialog>
  );
}
