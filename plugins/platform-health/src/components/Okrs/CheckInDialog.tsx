import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { serverMessage } from '@paved/frontend-utils';
import { platformHealthApiRef } from '../../api/PlatformHealthApi';
import type { KeyResultView } from '../../health/okrs';

/**
 * Records a check-in: for a key result bound to a metric, the live value now
 * (kept as history); for a manual one, the value the PM enters. With a note.
 */
export function CheckInDialog(props: {
  view: KeyResultView;
  onClose: (changed: boolean) => void;
}) {
  const healthApi = useApi(platformHealthApiRef);
  const { keyResult: kr, current } = props.view;
  const live = kr.metric !== 'manual';
  const [value, setValue] = useState(
    current ? String(Math.round(current.value * 10) / 10) : '',
  );
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    try {
      await healthApi.checkIn(kr.id, { value: Number(value), note });
      props.onClose(true);
    } catch (e) {
      setError(serverMessage(e));
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={() => props.onClose(false)} maxWidth="sm" fullWidth>
      <DialogTitle>Check in: {kr.title}</DialogTitle>
      <DialogContent>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        {live && (
          <Typography variant="body2" sx={{ mb: 1 }}>
            {current
              ? 'The value is the live metric now; the check-in keeps it in the history.'
              : 'The live metric has no value now (no data, or hidden).'}
          </Typography>
        )}
        <TextField
          label={kr.unit ? `Value (${kr.unit})` : 'Value'}
          type="number"
          value={value}
          onChange={e => setValue(e.target.value)}
          disabled={live}
          required
          fullWidth
          margin="dense"
        />
        <TextField
          label="Note"
          value={note}
          onChange={e => setNote(e.target.value)}
          fullWidth
          multiline
          margin="dense"
          helperText="What changed, what is blocking, what is next"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => props.onClose(false)} disabled={saving}>
          Cancel
        </Button>
        <Button
          variant="contained"
          onClick={save}
          disabled={saving || value === '' || (live && !current)}
        >
          Check in
        </Button>
      </DialogActions>
    </Dialog>
  );
}
