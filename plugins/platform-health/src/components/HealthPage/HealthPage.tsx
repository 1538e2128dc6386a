import { useApi } from '@backstage/core-plugin-api';
import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { GroupPicker, useSearchParam } from '@paved/frontend-utils';
import { entityDisplayName } from '@paved/common';
import useAsync from 'react-use/esm/useAsync';
import { platformHealthApiRef } from '../../api/PlatformHealthApi';
import type { HealthView } from '../../health/readings';
import { LeadingSection } from './LeadingSection';
import { LaggingSection } from './LaggingSection';
import { RoadmapSection } from './RoadmapSection';
import { OkrSection } from '../Okrs';
import { ReviewExportButton } from '../Review';

/** The view in the address: `?view=monthly|quarterly` (quarterly when absent or unknown). */
export function parseView(value: string): HealthView {
  return value === 'monthly' ? 'monthly' : 'quarterly';
}

/**
 * The health page: is the platform working for developers? Leading and lagging
 * metrics against their targets, the roadmap and the quarter's OKRs, in a
 * monthly or quarterly view and for the organisation or one team.
 */
export function HealthPage() {
  const healthApi = useApi(platformHealthApiRef);
  const [viewParam, setView] = useSearchParam('view');
  const [team, setTeam] = useSearchParam('team');
  const view = parseView(viewParam);
  const targets = useAsync(() => healthApi.getTargets(), [healthApi]);

  return (
    <Page themeId="tool">
      <Header
        title="Platform health"
        subtitle="Is the platform working for developers? Every metric against its target"
      />
      <Content>
        <Box
          sx={{
            display: 'flex',
            flexWrap: 'wrap',
            gap: 2,
            alignItems: 'center',
            mb: 2,
          }}
        >
          <ToggleButtonGroup
            exclusive
            size="small"
            value={view}
            aria-label="View"
            onChange={(_, next: HealthView | null) => {
              if (next) setView(next);
            }}
          >
            <ToggleButton value="monthly">Monthly (last 3 months)</ToggleButton>
            <ToggleButton value="quarterly">Quarterly</ToggleButton>
          </ToggleButtonGroup>
          <Box sx={{ minWidth: 260 }}>
            <GroupPicker
              label="Team"
              value={team ? [team] : []}
              onChange={refs => setTeam(refs[0] ?? '')}
              helperText="Numbers too small to show stay hidden"
            />
          </Box>
          <Box sx={{ ml: 'auto' }}>
            <ReviewExportButton />
          </Box>
        </Box>
        {team && (
          <Typography variant="body2" sx={{ mb: 2 }}>
            Showing {entityDisplayName(team)} where the owning plugin breaks
            numbers down by team; the rest is organisation-wide.
          </Typography>
        )}
        {targets.error && <ResponseErrorPanel error={targets.error} />}
        {!targets.value && !targets.error && <Progress />}
        {targets.value && (
          <Grid container spacing={3}>
            <Grid item xs={12}>
              <LeadingSection
                targets={targets.value}
                view={view}
                team={team || undefined}
              />
            </Grid>
            <Grid item xs={12}>
              <LaggingSection
                targets={targets.value}
                view={view}
                team={team || undefined}
              />
            </Grid>
            <Grid item xs={12} md={6}>
              <RoadmapSection />
            </Grid>
            <Grid item xs={12} md={6}>
              <OkrSection targets={targets.value} view={view} />
            </Grid>
          </Grid>
        )}
        {!targets.value && targets.error && (
          <Alert severity="info" sx={{ mt: 2 }}>
            Targets are configured under platformHealth.targets in app-config.
          </Alert>
        )}
      </Content>
    </Page>
  );
}
