import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import FormControl from '@mui/material/FormControl';
import Grid from '@mui/material/Grid';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import Typography from '@mui/material/Typography';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@mui/material/Button';
import {
  Trend,
  npsCampaignManagePermission,
  npsCommentsReadPermission,
} from '@paved/plugin-nps-common';
import { CampaignsCard } from '../CampaignsCard';
import { CommentsCard } from '../CommentsCard';
import {
  CARD_HEADING,
  downloadText,
  NotFoundPanel,
} from '@paved/frontend-utils';
import { Route, Routes, useSearchParams } from 'react-router-dom';
import { npsApiRef } from '../../api/NpsApi';
import { NpsAnswerForm } from '../NpsAnswerForm';
import { ResultsCard } from '../ResultsCard';
import { TrendCard } from '../TrendChart';
import { formatInterval, formatNps } from '../format';

function AnswerCard({ onAnswered }: { onAnswered: () => void }) {
  const npsApi = useApi(npsApiRef);
  const [answered, setAnswered] = useState(false);
  const thanks = useRef<HTMLDivElement>(null);
  // After sending, focus goes to the thank-you, which replaced the form.
  useEffect(() => {
    if (answered) thanks.current?.focus();
  }, [answered]);
  const prompt = useAsync(
    () => npsApi.getPrompt({ includePutOff: true }),
    [npsApi],
  );
  if (prompt.loading) return <Progress />;
  if (prompt.error) return <ResponseErrorPanel error={prompt.error} />;
  const campaign = prompt.value?.campaign;
  return (
    <InfoCard titleTypographyProps={CARD_HEADING} title="Your answer">
      {answered && (
        <Alert severity="success" role="status" ref={thanks} tabIndex={-1}>
          Thank you! Your answer is stored confidentially. It is counted in a
          batch with other answers, at the latest when the survey closes, so the
          results below do not move at once: that way nobody can tell which
          answer was yours.
        </Alert>
      )}
      {!answered && campaign && (
        <NpsAnswerForm
          campaign={campaign}
          onAnswered={() => {
            setAnswered(true);
            onAnswered();
          }}
        />
      )}
      {!answered && !campaign && (
        <Typography>
          There is no survey for you to answer right now: you have answered the
          current one, or none is open. The next one opens next quarter.
        </Typography>
      )}
    </InfoCard>
  );
}

function WarningBanner({ trend }: { trend: Trend }) {
  const { warning } = trend;
  if (!warning) return null;
  return (
    <Alert severity="warning">
      {`Platform NPS is ${formatNps(
        warning.nps,
      )} (95% interval ${formatInterval(
        warning.interval,
      )}), below the ${formatNps(warning.threshold)} warning line${
        warning.certain ? '' : ', though within the margin of error'
      }. Below it, developers tend to build their own workarounds.`}
    </Alert>
  );
}

/** Any other address under /nps: a friendly way back, never a raw 404. */
export function NpsNotFound() {
  return (
    <Page themeId="tool">
      <Header title="Platform NPS" />
      <Content>
        <NotFoundPanel
          title="This page does not exist"
          backTo="/nps"
          backLabel="Go to Platform NPS"
        >
          Platform NPS has one page, with the survey, the results and the trend;
          the address you followed leads nowhere.
        </NotFoundPanel>
      </Content>
    </Page>
  );
}

/** The NPS pages: /nps itself, and a friendly not-found for anything below it. */
export function Router() {
  return (
    <Routes>
      <Route path="/" element={<NpsPage />} />
      <Route path="*" element={<NpsNotFound />} />
    </Routes>
  );
}

/** The /nps page: answer the survey, read the public results and the trend. */
export function NpsPage() {
  const npsApi = useApi(npsApiRef);
  const trend = useAsyncRetry(() => npsApi.getTrend(), [npsApi]);
  const campaigns = (trend.value?.points ?? [])
    .map(p => p.campaign)
    .filter(c => c.status !== 'upcoming');
  // The campaign shown is in the address (?campaign=<id>): linkable, kept on reload.
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('campaign');
  const latest = campaigns.length > 0 ? campaigns[campaigns.length - 1].id : '';
  const unknownCampaign =
    requested !== null &&
    trend.value !== undefined &&
    !campaigns.some(c => c.id === requested);
  const selected = unknownCampaign ? '' : requested ?? latest;
  const setSelected = (id: string) =>
    setSearchParams(id === latest ? {} : { campaign: id }, { replace: true });
  const results = useAsyncRetry(
    async () =>
      selected && trend.value ? npsApi.getResults(selected) : undefined,
    [npsApi, selected, Boolean(trend.value)],
  );

  const canReadComments = usePermission({
    permission: npsCommentsReadPermission,
  }).allowed;
  const canManage = usePermission({
    permission: npsCampaignManagePermission,
  }).allowed;

  const refresh = () => {
    trend.retry();
    results.retry();
  };

  return (
    <Page themeId="tool">
      <Header
        title="Platform NPS"
        subtitle="How likely are developers to recommend our platform? Answers are confidential; results are public."
      />
      <Content>
        <Grid container spacing={3}>
          {unknownCampaign && (
            <Grid item xs={12}>
              <NotFoundPanel
                title="There is no such survey campaign"
                backTo="/nps"
                backLabel="Show the latest campaign"
              >
                The link names a campaign that does not exist, has not opened
                yet, or was deleted before it opened.
              </NotFoundPanel>
            </Grid>
          )}
          <Grid item xs={12} md={6}>
            <AnswerCard onAnswered={refresh} />
          </Grid>
          <Grid item xs={12} md={6}>
            {campaigns.length > 0 && (
              <FormControl fullWidth>
                <InputLabel id="nps-campaign-label">Campaign</InputLabel>
                <Select
                  labelId="nps-campaign-label"
                  label="Campaign"
                  value={selected}
                  onChange={e => setSelected(String(e.target.value))}
                >
                  {campaigns.map(c => (
                    <MenuItem key={c.id} value={c.id}>
                      {`${c.title} (${
                        c.status === 'open' ? 'open' : 'closed'
                      })`}
                    </MenuItem>
                  ))}
                </Select>
              </FormControl>
            )}
            {selected && (
              <Button
                sx={{ mt: 1 }}
                onClick={async () =>
                  downloadText(
                    await npsApi.exportCsv(selected, 'results'),
                    `nps-results-${selected}.csv`,
                    'text/csv',
                  )
                }
              >
                Export results (CSV)
              </Button>
            )}
          </Grid>
          {trend.value && (
            <Grid item xs={12}>
              <WarningBanner trend={trend.value} />
            </Grid>
          )}
          <Grid item xs={12} lg={6}>
            {results.loading && <Progress />}
            {results.error && <ResponseErrorPanel error={results.error} />}
            {results.value && <ResultsCard results={results.value} />}
            {trend.value && campaigns.length === 0 && (
              <InfoCard titleTypographyProps={CARD_HEADING} title="Results">
                <Typography>No campaign has opened yet.</Typography>
              </InfoCard>
            )}
          </Grid>
          <Grid item xs={12} lg={6}>
            {trend.loading && <Progress />}
            {trend.error && <ResponseErrorPanel error={trend.error} />}
            {trend.value && <TrendCard trend={trend.value} />}
          </Grid>
          {canReadComments && selected && (
            <Grid item xs={12} lg={6}>
              <CommentsCard campaignId={selected} />
            </Grid>
          )}
          {canManage && (
            <Grid item xs={12} lg={6}>
              <CampaignsCard onChanged={refresh} />
            </Grid>
          )}
        </Grid>
      </Content>
    </Page>
  );
}
