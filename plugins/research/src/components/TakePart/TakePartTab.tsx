import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { InvitationsCard } from './InvitationsCard';
import { NoticesCard } from './NoticesCard';
import { VolunteerCard } from './VolunteerCard';

/** Taking part: invitations to answer, volunteering, and the research inbox. */
export function TakePartTab() {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <InvitationsCard />
      </Grid>
      <Grid item xs={12} md={5}>
        <Stack spacing={3}>
          <VolunteerCard />
          <NoticesCard />
        </Stack>
      </Grid>
    </Grid>
  );
}
