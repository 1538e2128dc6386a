import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { PublicSummary } from '@paved/plugin-research-common';
import useAsync from 'react-use/esm/useAsync';
import { researchApiRef } from '../../api/ResearchApi';
import { count, formatDay, quarterLabel } from '../format';
import { CurrentStudyCard } from './CurrentStudyCard';
import { VolunteerCard } from '../TakePart/VolunteerCard';
import { Empty, Section } from '@paved/frontend-utils';

function Part({ title, text }: { title: string; text: string }) {
  return (
    <>
      <Typography variant="subtitle2" component="h3" mt={1.5}>
        {title}
      </Typography>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
        {text}
      </Typography>
    </>
  );
}

/** One study's public summary: no names. */
export function SummaryCard({ summary }: { summary: PublicSummary }) {
  return (
    <Section
      title={summary.title}
      subheader={`${quarterLabel(summary.quarter)} · ${count(
        summary.participants,
        'developer',
      )} interviewed · published ${formatDay(summary.publishedAt)}`}
    >
      {summary.themes.length > 0 && (
        <Stack
          direction="row"
          spacing={1}
          flexWrap="wrap"
          useFlexGap
          aria-label="Themes by participants"
          component="ul"
          sx={{ listStyle: 'none', p: 0, m: 0 }}
        >
          {summary.themes.slice(0, 6).map(t => (
            <li key={t.theme}>
              <Chip
                size="small"
                label={`${t.theme}: ${t.participants}`}
                title={`${count(t.participants, 'participant')} raised ${
                  t.theme
                }`}
              />
            </li>
          ))}
        </Stack>
      )}
      <Part title="What we heard" text={summary.heard} />
      <Part title="What we will do" text={summary.willDo} />
      <Part title="What we will not do, and why" text={summary.willNotDo} />
    </Section>
  );
}

/** The public summaries of finished studies, newest first. */
export function SummariesTab() {
  const researchApi = useApi(researchApiRef);
  const summaries = useAsync(() => researchApi.listSummaries(), [researchApi]);
  let list;
  if (summaries.loading) list = <Progress />;
  else if (summaries.error)
    list = <ResponseErrorPanel error={summaries.error} />;
  else if (!summaries.value?.length)
    list = (
      <Empty>
        No study summary is published yet. After each quarter's interviews we
        publish what we heard and what we will do about it, here.
      </Empty>
    );
  else
    list = (
      <Stack spacing={3}>
        {summaries.value.map(summary => (
          <SummaryCard summary={summary} key={summary.studyId} />
        ))}
      </Stack>
    );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={8}>
        {list}
      </Grid>
      <Grid item xs={12} lg={4}>
        <Stack spacing={3}>
          <CurrentStudyCard />
          <VolunteerCard />
        </Stack>
      </Grid>
    </Grid>
  );
}
