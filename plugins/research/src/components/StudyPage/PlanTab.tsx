import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useApi } from '@backstage/core-plugin-api';
import {
  PARTICIPANT_GOAL,
  StudyDetail,
  StudyStatus,
  guideWarnings,
} from '@paved/plugin-research-common';
import { researchApiRef } from '../../api/ResearchApi';
import { Section } from '@paved/frontend-utils';

const NEXT_STEP: Record<StudyStatus, { label: string; to: StudyStatus }> = {
  proposed: { label: 'Start the study', to: 'under-way' },
  'under-way': { label: 'Finish the study', to: 'finished' },
  finished: { label: 'Reopen the study', to: 'under-way' },
};

/**
 * The study's plan: its goal, its stage, and the interview guide. The editor warns
 * beside any question that asks for features instead of behaviour.
 */
export function PlanTab(props: { study: StudyDetail; onChanged: () => void }) {
  const { study, onChanged } = props;
  const researchApi = useApi(researchApiRef);
  const [guide, setGuide] = useState<string[]>(study.guide);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  useEffect(() => setGuide(study.guide), [study.guide]);
  const warnings = new Map(guideWarnings(guide).map(w => [w.index, w.message]));
  const changed = JSON.stringify(guide) !== JSON.stringify(study.guide);

  const update = async (
    patch: Parameters<typeof researchApi.updateStudy>[1],
  ) => {
    setError(undefined);
    setSaved(false);
    try {
      await researchApi.updateStudy(study.id, patch);
      onChanged();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  };

  const step = NEXT_STEP[study.status];
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <Section title="Study">
          <Stack spacing={2}>
            <TextField
              select
              label="Participants wanted"
              value={study.goal}
              onChange={e => update({ goal: Number(e.target.value) })}
              helperText="6 to 10 conversations a quarter"
            >
              {Array.from(
                { length: PARTICIPANT_GOAL.max - PARTICIPANT_GOAL.min + 1 },
                (_, i) => PARTICIPANT_GOAL.min + i,
              ).map(n => (
                <MenuItem key={n} value={n}>
                  {n}
                </MenuItem>
              ))}
            </TextField>
            <Button
              variant="outlined"
              onClick={() => update({ status: step.to })}
            >
              {step.label}
            </Button>
          </Stack>
        </Section>
      </Grid>
      <Grid item xs={12} md={8}>
        <Section
          title="Interview guide"
          subheader='Open questions about what people did ("walk me through your last…"), not what they want.'
        >
          <Stack spacing={2} component="ol" sx={{ pl: 2, m: 0 }}>
            {guide.map((question, index) => (
              <li key={index}>
                <Stack direction="row" spacing={1} alignItems="flex-start">
                  <Stack spacing={0.5} flexGrow={1}>
                    <TextField
                      label={`Question ${index + 1}`}
                      value={question}
                      onChange={e =>
                        setGuide(g =>
                          g.map((q, i) => (i === index ? e.target.value : q)),
                        )
                      }
                      multiline
                      fullWidth
                      inputProps={{
                        maxLength: 500,
                        'aria-describedby': warnings.has(index)
                          ? `guide-warning-${index}`
                          : undefined,
                      }}
                    />
                    {warnings.has(index) && (
                      <Alert severity="warning" id={`guide-warning-${index}`}>
                        {warnings.get(index)}
                      </Alert>
                    )}
                  </Stack>
                  <IconButton
                    aria-label={`Remove question ${index + 1}`}
                    onClick={() =>
                      setGuide(g => g.filter((_, i) => i !== index))
                    }
                    disabled={guide.length === 1}
                  >
                    ×
                  </IconButton>
                </Stack>
              </li>
            ))}
          </Stack>
          <Stack direction="row" spacing={1} mt={2} alignItems="center">
            <Button onClick={() => setGuide(g => [...g, ''])}>
              Add a question
            </Button>
            <Button
              variant="contained"
              disabled={!changed || guide.some(q => !q.trim())}
              onClick={async () => {
                if (await update({ guide: guide.map(q => q.trim()) })) {
                  setSaved(true);
                }
              }}
            >
              Save guide
            </Button>
            {warnings.size > 0 && (
              <Typography variant="body2">
                {warnings.size === 1
                  ? '1 question asks for features'
                  : `${warnings.size} questions ask for features`}
              </Typography>
            )}
            {saved && !changed && (
              <Typography variant="body2" role="status">
                Saved
              </Typography>
            )}
          </Stack>
          {error && (
            <Alert severity="error" sx={{ mt: 1 }}>
              {error}
            </Alert>
          )}
        </Section>
      </Grid>
    </Grid>
  );
}
