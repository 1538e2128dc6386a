import { useId, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { COMMENT_MAX_LENGTH, Campaign } from '@paved/plugin-nps-common';
import { npsApiRef } from '../../api/NpsApi';

const SCORES = Array.from({ length: 11 }, (_, score) => score);

/** Props of {@link NpsAnswerForm}. */
export interface NpsAnswerFormProps {
  campaign: Campaign;
  /** Called once the answer is stored. */
  onAnswered: () => void;
  /** Extra actions beside the submit button (e.g. "Remind me later"). */
  actions?: React.ReactNode;
}

/** The 0–10 question as a labelled radio group, then the optional follow-up. */
export function NpsAnswerForm({
  campaign,
  onAnswered,
  actions,
}: NpsAnswerFormProps) {
  const npsApi = useApi(npsApiRef);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const questionId = useId();
  const scaleId = useId();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (score === null) return;
    setSending(true);
    setError(null);
    try {
      await npsApi.answer(campaign.id, {
        score,
        comment: comment.trim() || undefined,
      });
      onAnswered();
    } catch (e) {
      setError((e as Error).message);
      setSending(false);
    }
  }

  return (
    <Box component="form" onSubmit={submit} noValidate>
      <FormControl component="fieldset" sx={{ width: '100%' }}>
        <FormLabel component="legend" id={questionId} sx={{ mb: 1 }}>
          {campaign.question}
        </FormLabel>
        <RadioGroup
          row
          aria-labelledby={questionId}
          aria-describedby={scaleId}
          name={`nps-score-${campaign.id}`}
          value={score === null ? '' : String(score)}
          onChange={e => setScore(Number(e.target.value))}
          sx={{ justifyContent: 'space-between', flexWrap: 'nowrap' }}
        >
          {SCORES.map(value => (
            <FormControlLabel
              key={value}
              value={String(value)}
              control={
                <Radio
                  size="small"
                  sx={{
                    // A clear ring on the option that has keyboard focus.
                    '&.Mui-focusVisible': {
                      outline: '3px solid',
                      outlineColor: 'primary.main',
                      outlineOffset: '-2px',
                      bgcolor: 'action.focus',
                    },
                  }}
                />
              }
              label={String(value)}
              labelPlacement="bottom"
              sx={{ mx: 0 }}
            />
          ))}
        </RadioGroup>
        <Stack direction="row" justifyContent="space-between" id={scaleId}>
          <Typography variant="caption">0: Not at all likely</Typography>
          <Typography variant="caption">10: Extremely likely</Typography>
        </Stack>
      </FormControl>
      {score !== null && (
        <TextField
          label={campaign.followUp}
          value={comment}
          onChange={e => setComment(e.target.value)}
          multiline
          minRows={2}
          fullWidth
          margin="normal"
          inputProps={{ maxLength: COMMENT_MAX_LENGTH }}
          helperText={`Optional. ${comment.length}/${COMMENT_MAX_LENGTH} characters. Answers are confidential.`}
        />
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1 }} flexWrap="wrap">
        <Button
          type="submit"
          variant="contained"
          disabled={score === null || sending}
        >
          {sending ? 'Sending…' : 'Send answer'}
        </Button>
        {actions}
      </Stack>
    </Box>
  );
}
