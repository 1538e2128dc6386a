import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { Content, Header, Link, Page } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';
import { VolunteerCard } from './VolunteerCard';

/** /research/volunteer: where the survey's thank-you and other plugins send volunteers. */
export function VolunteerPage() {
  const root = useRouteRef(rootRouteRef);
  return (
    <Page themeId="tool">
      <Header
        title="Talk to the platform team"
        subtitle="Thirty minutes about how you work, so we fix causes rather than symptoms."
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12} md={8} lg={6}>
            <VolunteerCard />
          </Grid>
          <Grid item xs={12}>
            <Typography>
              <Link to={`${root()}?tab=heard`}>
                Read what we heard in earlier interviews
              </Link>
            </Typography>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
