import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { researchApiRef } from '../../api/ResearchApi';
import { Section } from '@paved/frontend-utils';

/** "I'd talk to the platform team for 30 minutes": offered, or taken back. */
export function VolunteerCard() {
  const researchApi = useApi(researchApiRef);
  const state = useAsyncRetry(() => researchApi.getVolunteer(), [researchApi]);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const set = async (on: boolean) => {
    setError(undefined);
    setSaving(true);
    try {
      await researchApi.setVolunteer(on);
      state.retry();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  let body;
  if (state.loading && !state.value) body = <Progress />;
  else if (state.error) body = <ResponseErrorPanel error={state.error} />;
  else if (state.value?.volunteering)
    body = (
      <Stack spacing={1} alignItems="flex-start">
        <Typography role="status">
          Thank you: you offered 30 minutes. When a study needs someone like
          you, an invitation with a few slots appears here and in your
          notifications.
        </Typography>
        <Button disabled={saving} onClick={() => set(false)}>
          Stop offering
        </Button>
      </Stack>
    );
  else
    body = (
      <Stack spacing={1} alignItems="flex-start">
        <Typography>
          We learn most from hearing how you actually work: your last
          deployment, the last time something got in your way. No preparation,
          no feature wish lists.
        </Typography>
        <Button variant="contained" disabled={saving} onClick={() => set(true)}>
          {/* A no-break space keeps "30 minutes" together when the label wraps. */}
          I'd talk to the platform team for 30{'\u00a0'}minutes
        </Button>
      </Stack>
    );

  return (
    <Section
      title="Talk to the platform team"
      subheader="We keep only that you offered, and the quarter: never anything from your survey answers."
    >
      {body}
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
    </Section>
  );
}
