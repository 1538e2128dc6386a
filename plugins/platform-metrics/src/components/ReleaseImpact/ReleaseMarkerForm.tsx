import { FormEvent, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useApi } from '@backstage/core-plugin-api';
import { PlatformRelease } from '@paved/plugin-platform-metrics-common';
import { platformMetricsApiRef } from '../../api/PlatformMetricsApi';

/** A platform PM marks a release that is not on the roadmap. */
export function ReleaseMarkerForm(props: {
  onAdded: (release: PlatformRelease) => void;
}) {
  const api = useApi(platformMetricsApiRef);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      const release = await api.addReleaseMarker({ title, releasedAt: date });
      setTitle('');
      setDate('');
      props.onAdded(release);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form aria-label="Mark a platform release" onSubmit={submit}>
      <Stack
        direction="row"
        spacing={1}
        alignItems="flex-start"
        sx={{ flexWrap: 'wrap', rowGap: 1 }}
      >
        <TextField
          size="small"
          label="Release"
          value={title}
          required
          onChange={e => setTitle(e.target.value)}
        />
        <TextField
          size="small"
          label="Released on"
          type="date"
          value={date}
          required
          onChange={e => setDate(e.target.value)}
          InputLabelProps={{ shrink: true }}
        />
        <Button type="submit" variant="outlined" disabled={saving}>
          Add marker
        </Button>
        {error ? (
          <Alert severity="error" sx={{ width: '100%' }}>
            {error}
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}
