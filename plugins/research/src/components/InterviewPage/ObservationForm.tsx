import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import {
  Observation,
  ObservationRequest,
  RoadmapItemRef,
  SharedTheme,
} from '@paved/plugin-research-common';

/** Adds or edits a finding: an observation (or a quote) with a theme, a root cause and an optional roadmap item. */
export function ObservationForm(props: {
  themes: SharedTheme[];
  roadmapItems: RoadmapItemRef[] | undefined;
  initial?: Observation;
  submitLabel: string;
  onSubmit: (body: ObservationRequest) => Promise<void>;
  onCancel?: () => void;
}) {
  const { themes, roadmapItems, initial } = props;
  const [text, setText] = useState(initial?.text ?? '');
  const [quote, setQuote] = useState(initial?.quote ?? false);
  const [theme, setTheme] = useState<string | null>(initial?.theme ?? null);
  const [rootCause, setRootCause] = useState(initial?.rootCause ?? '');
  const [item, setItem] = useState(initial?.roadmapItemId ?? '');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const ready = text.trim() && theme && (quote || rootCause.trim()) && !saving;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setError(undefined);
    setSaving(true);
    try {
      await props.onSubmit({
        text,
        quote,
        theme: theme!,
        rootCause,
        roadmapItemId: item || null,
      });
      if (!initial) {
        setText('');
        setQuote(false);
        setRootCause('');
        setItem('');
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack
      component="form"
      spacing={2}
      onSubmit={submit}
      aria-label={initial ? 'Edit finding' : 'New finding'}
    >
      <TextField
        label="What they did or said"
        value={text}
        onChange={e => setText(e.target.value)}
        multiline
        minRows={2}
        required
        inputProps={{ maxLength: 2000 }}
        helperText={
          quote
            ? 'Their words, exactly; marked as a quote'
            : 'An observation of their work, not what they asked for'
        }
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={quote}
            onChange={e => setQuote(e.target.checked)}
          />
        }
        label="This is a quote"
      />
      <Autocomplete
        options={themes.map(t => t.theme)}
        value={theme}
        onChange={(_, value) => setTheme(value)}
        getOptionLabel={option => option}
        renderOption={(optionProps, option) => {
          const { key, ...rest } = optionProps as any;
          const comments =
            themes.find(t => t.theme === option)?.surveyComments ?? 0;
          return (
            <li key={key} {...rest}>
              {`${option} (${comments} survey ${
                comments === 1 ? 'comment' : 'comments'
              })`}
            </li>
          );
        }}
        renderInput={params => (
          <TextField
            {...params}
            label="Theme"
            required
            helperText="The same themes as survey comments"
          />
        )}
      />
      <TextField
        label="Root cause"
        value={rootCause}
        onChange={e => setRootCause(e.target.value)}
        required={!quote}
        inputProps={{ maxLength: 1000 }}
        helperText={
          quote
            ? 'Optional for a quote'
            : 'Why it happens, e.g. "no build cache on the monorepo"'
        }
      />
      <TextField
        select
        label="Roadmap item"
        value={item}
        onChange={e => setItem(e.target.value)}
        helperText={
          roadmapItems
            ? 'Link the finding to the item that answers it: it counts in the item’s demand'
            : 'The roadmap cannot be reached right now'
        }
        disabled={!roadmapItems}
      >
        <MenuItem value="">None</MenuItem>
        {(roadmapItems ?? []).map(i => (
          <MenuItem key={i.id} value={i.id}>
            {i.title}
          </MenuItem>
        ))}
      </TextField>
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained" disabled={!ready}>
          {props.submitLabel}
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>Cancel</Button>}
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}
