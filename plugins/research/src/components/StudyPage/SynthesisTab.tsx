import Grid from '@mui/material/Grid';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { StudyDetail, SynthesisTheme } from '@paved/plugin-research-common';
import useAsync from 'react-use/esm/useAsync';
import { researchApiRef } from '../../api/ResearchApi';
import { count, roadmapItemPath } from '../format';
import { Empty, Figure, Section } from '@paved/frontend-utils';

function ThemeCard({ theme, rank }: { theme: SynthesisTheme; rank: number }) {
  return (
    <Section
      title={`${rank}. ${theme.theme}`}
      subheader={
        <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap>
          <Figure>{count(theme.participants, 'participant')}</Figure>
          <Figure>{count(theme.observations, 'observation')}</Figure>
          <Figure>
            {theme.surveyComments === null
              ? 'survey unavailable'
              : count(theme.surveyComments, 'survey comment')}
          </Figure>
        </Stack>
      }
    >
      <Typography variant="subtitle2" component="h3">
        Root causes
      </Typography>
      {theme.rootCauses.length === 0 ? (
        <Empty>None named yet.</Empty>
      ) : (
        <List dense disablePadding aria-label={`Root causes of ${theme.theme}`}>
          {theme.rootCauses.map(r => (
            <ListItem key={r.rootCause} disableGutters>
              <ListItemText
                primary={r.rootCause}
                secondary={`raised by ${count(r.participants, 'participant')}`}
              />
            </ListItem>
          ))}
        </List>
      )}
      {theme.quotes.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3" mt={1}>
            Quotes
          </Typography>
          {theme.quotes.map((quote, i) => (
            <Typography
              key={i}
              component="blockquote"
              variant="body2"
              sx={{
                borderLeft: 3,
                borderColor: 'divider',
                pl: 1.5,
                my: 1,
                mx: 0,
                fontStyle: 'italic',
              }}
            >
              {quote}
            </Typography>
          ))}
        </>
      )}
      {theme.roadmapItems.length > 0 && (
        <>
          <Typography variant="subtitle2" component="h3" mt={1}>
            On the roadmap
          </Typography>
          <ul>
            {theme.roadmapItems.map(item => (
              <li key={item.id}>
                <Link to={roadmapItemPath(item.id)}>
                  {item.title ?? 'A roadmap item'}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

/**
 * The synthesis: themes ranked by how many participants raised them, with the
 * survey comments on the same theme, the root causes found, quotes and roadmap links.
 */
export function SynthesisTab({ study }: { study: StudyDetail }) {
  const researchApi = useApi(researchApiRef);
  const synthesis = useAsync(
    () => researchApi.getSynthesis(study.id),
    [researchApi, study.id],
  );
  if (synthesis.loading) return <Progress />;
  if (synthesis.error) return <ResponseErrorPanel error={synthesis.error} />;
  const { themes, participants } = synthesis.value!;
  if (themes.length === 0) {
    return (
      <Empty>
        No findings yet. Tag observations in each interview's notes with a theme
        and a root cause; they are ranked here.
      </Empty>
    );
  }
  return (
    <>
      <Typography mb={2}>
        <Figure>{count(participants, 'participant')}</Figure> with findings.
        Themes are ranked by how many participants raised them; survey comments
        count every campaign.
      </Typography>
      <Grid container spacing={3}>
        {themes.map((theme, index) => (
          <Grid item xs={12} md={6} xl={4} key={theme.theme}>
            <ThemeCard theme={theme} rank={index + 1} />
          </Grid>
        ))}
      </Grid>
    </>
  );
}
