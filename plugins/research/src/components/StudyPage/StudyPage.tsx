import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { StudyDetail } from '@paved/plugin-research-common';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { researchApiRef } from '../../api/ResearchApi';
import { rootRouteRef } from '../../routes';
import { count, quarterLabel, statusLabel } from '../format';
import { LinkableTabs, TabSpec } from '../tabs';
import { PlanTab } from './PlanTab';
import { RecruitingTab } from './RecruitingTab';
import { InterviewsTab } from './InterviewsTab';
import { SynthesisTab } from './SynthesisTab';
import { SummaryTab } from './SummaryTab';
import { Empty, Figure } from '@paved/frontend-utils';

function Progressline({ study }: { study: StudyDetail }) {
  return (
    <Stack
      direction="row"
      spacing={1}
      alignItems="center"
      flexWrap="wrap"
      useFlexGap
      mb={1}
    >
      <Chip color="primary" label={statusLabel(study.status)} />
      {study.scheduled && study.status === 'proposed' && (
        <Chip variant="outlined" label="Proposed by the schedule" />
      )}
      <Typography variant="body2">
        <Figure>{`${study.accepted} of ${study.goal}`}</Figure> participants
        accepted · <Figure>{count(study.interviewed, 'interview')}</Figure> with
        notes · <Figure>{`${study.invited} invited`}</Figure>
      </Typography>
    </Stack>
  );
}

/** /research/studies/:id: plan, recruit, interview, synthesise and summarise one study. */
export function StudyPage() {
  const { id = '' } = useParams();
  const researchApi = useApi(researchApiRef);
  const root = useRouteRef(rootRouteRef);
  const study = useAsyncRetry(
    () => researchApi.getStudy(id),
    [researchApi, id],
  );

  let body;
  if (study.loading && !study.value) body = <Progress />;
  else if (study.error) body = <ResponseErrorPanel error={study.error} />;
  else if (study.value && !study.value.invitations)
    body = (
      <Empty>
        Only the platform team runs studies. Their public summary appears on the
        research page once published.
      </Empty>
    );
  else if (study.value) {
    const s = study.value;
    const tabs: TabSpec[] = [
      {
        id: 'plan',
        label: 'Plan',
        render: () => <PlanTab study={s} onChanged={study.retry} />,
      },
      {
        id: 'recruiting',
        label: 'Recruiting',
        render: () => <RecruitingTab study={s} onChanged={study.retry} />,
      },
      {
        id: 'interviews',
        label: 'Interviews',
        render: () => <InterviewsTab study={s} />,
      },
      {
        id: 'synthesis',
        label: 'Synthesis',
        render: () => <SynthesisTab study={s} />,
      },
      {
        id: 'summary',
        label: 'Public summary',
        render: () => <SummaryTab study={s} onChanged={study.retry} />,
      },
    ];
    body = (
      <>
        <Progressline study={s} />
        <LinkableTabs label="Study views" idPrefix="study" tabs={tabs} />
      </>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={study.value?.title ?? 'Interview study'}
        subtitle={
          study.value
            ? `User research · ${quarterLabel(study.value.quarter)}`
            : 'User research'
        }
      />
      <Content>
        <Typography mb={2}>
          <Link to={`${root()}?tab=studies`}>← All studies</Link>
        </Typography>
        {body}
      </Content>
    </Page>
  );
}
