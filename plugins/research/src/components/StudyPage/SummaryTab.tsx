import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { StudyDetail } from '@paved/plugin-research-common';
import { researchApiRef } from '../../api/ResearchApi';
import { formatDay } from '../format';
import { Section } from '@paved/frontend-utils';

/** The public summary: what we heard, what we will do, what we will not do and why. No names. */
export function SummaryTab(props: {
  study: StudyDetail;
  onChanged: () => void;
}) {
  const { study, onChanged } = props;
  const researchApi = useApi(researchApiRef);
  const [heard, setHeard] = useState(study.summary?.heard ?? '');
  const [willDo, setWillDo] = useState(study.summary?.willDo ?? '');
  const [willNotDo, setWillNotDo] = useState(study.summary?.willNotDo ?? '');
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  useEffect(() => {
    setHeard(study.summary?.heard ?? '');
    setWillDo(study.summary?.willDo ?? '');
    setWillNotDo(study.summary?.willNotDo ?? '');
  }, [study.summary]);
  const published = study.summary?.publishedAt;
  const complete = [heard, willDo, willNotDo].every(t => t.trim());

  const save = async (publish: boolean) => {
    setError(undefined);
    setStatus(undefined);
    try {
      await researchApi.saveSummary(study.id, {
        heard,
        willDo,
        willNotDo,
        publish,
      });
      setStatus(publish ? 'Published on the research page' : 'Draft saved');
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const field = (
    label: string,
    value: string,
    set: (v: string) => void,
    helper: string,
  ) => (
    <TextField
      label={label}
      value={value}
      onChange={e => set(e.target.value)}
      multiline
      minRows={3}
      fullWidth
      required
      inputProps={{ maxLength: 5000 }}
      helperText={helper}
    />
  );

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={8}>
        <Section
          title="Public summary"
          subheader={
            published
              ? `Published ${formatDay(
                  published,
                )}: shown on the research page and in the quarterly review export.`
              : 'Not published: only the platform team sees this draft.'
          }
        >
          <Stack spacing={2}>
            <Typography variant="body2">
              Everyone reads this. Write no names and nothing that points to one
              person.
            </Typography>
            {field(
              'What we heard',
              heard,
              setHeard,
              'The themes and their root causes, in plain words',
            )}
            {field(
              'What we will do',
              willDo,
              setWillDo,
              'What changes, and where it is on the roadmap',
            )}
            {field(
              'What we will not do, and why',
              willNotDo,
              setWillNotDo,
              'Say no with the reason: it builds more trust than silence',
            )}
            <Stack direction="row" spacing={1} alignItems="center">
              <Button disabled={!complete} onClick={() => save(false)}>
                {published ? 'Unpublish and save as draft' : 'Save draft'}
              </Button>
              <Button
                variant="contained"
                disabled={!complete}
                onClick={() => save(true)}
              >
                {published ? 'Update the published summary' : 'Publish'}
              </Button>
              {status && (
                <Typography variant="body2" role="status">
                  {status}
                </Typography>
              )}
            </Stack>
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </Section>
      </Grid>
    </Grid>
  );
}
