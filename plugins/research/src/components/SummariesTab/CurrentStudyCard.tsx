import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { quarterOf } from '@paved/common';
import useAsync from 'react-use/esm/useAsync';
import { researchApiRef } from '../../api/ResearchApi';
import { count, quarterLabel } from '../format';
import { Empty, Section } from '@paved/frontend-utils';

/** What this quarter's studies are about and how far they are: no names. */
export function CurrentStudyCard() {
  const researchApi = useApi(researchApiRef);
  const studies = useAsync(() => researchApi.listStudies(), [researchApi]);
  const quarter = quarterOf(new Date());

  let body;
  if (studies.loading) body = <Progress />;
  else if (studies.error) body = <ResponseErrorPanel error={studies.error} />;
  else {
    const current = (studies.value ?? []).filter(
      s => s.quarter === quarter && s.status === 'under-way',
    );
    body =
      current.length === 0 ? (
        <Empty>No study is under way this quarter yet.</Empty>
      ) : (
        <Stack spacing={2}>
          {current.map(s => (
            <Stack key={s.id} spacing={0.5}>
              <Typography variant="subtitle1" component="h3">
                {s.title}
              </Typography>
              <LinearProgress
                variant="determinate"
                value={Math.min(100, (100 * s.accepted) / s.goal)}
                aria-label={`${s.title}: participants`}
              />
              <Typography variant="body2">
                {`${count(s.accepted, 'developer')} of ${
                  s.goal
                } taking part · ${count(s.interviewed, 'interview')} held`}
              </Typography>
            </Stack>
          ))}
        </Stack>
      );
  }
  return (
    <Section
      title={`This quarter (${quarterLabel(quarter)})`}
      subheader="Who takes part stays with the platform team."
    >
      {body}
    </Section>
  );
}
