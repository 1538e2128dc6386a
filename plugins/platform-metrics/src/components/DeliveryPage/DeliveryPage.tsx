import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { Content, Header, Page } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { entityDisplayName } from '@paved/common';
import {
  DEFAULT_WINDOW_DAYS,
  WINDOW_CHOICES,
} from '@paved/plugin-platform-metrics-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { platformMetricsApiRef } from '../../api/PlatformMetricsApi';
import { OnboardingSection } from '../Onboarding';
import { ReleaseImpactSection } from '../ReleaseImpact';
import { UnmappedServicesSection } from '../UnmappedServices';
import { DoraOverview } from './DoraOverview';
import { byState, Section } from '@paved/frontend-utils';

/**
 * The /delivery page: the five DORA metrics for the organisation, a team or a
 * service over a window, what each platform release changed, time to first
 * deployment, and the services the catalog does not know.
 */
export function DeliveryPage() {
  const api = useApi(platformMetricsApiRef);
  // The filters are in the address, so a card or a colleague can link to them.
  const [params, setParams] = useSearchParams();
  const team = params.get('team') ?? '';
  const service = params.get('service') ?? '';
  const windowDays = Number(params.get('window')) || DEFAULT_WINDOW_DAYS;
  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const filters = useAsync(() => api.getFilters(), [api]);
  const dora = useAsync(
    () =>
      api.getDora({
        team: service ? undefined : team || undefined,
        service: service || undefined,
        windowDays,
      }),
    [api, team, service, windowDays],
  );
  const services = (filters.value?.services ?? []).filter(
    s => !team || s.owner === team,
  );
  let scopeName = 'The organisation';
  if (team) scopeName = entityDisplayName(team);
  if (service) scopeName = entityDisplayName(service);

  return (
    <Page themeId="tool">
      <Header
        title="Delivery"
        subtitle="The five DORA metrics, what each platform release changed, and how fast new developers ship"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <Section
              fullHeight
              title={`${scopeName}: the last ${windowDays} days`}
              subheader="Production deployments only; a deployment that failed before production is a pipeline failure, not a DORA event"
              action={
                <Stack
                  direction="row"
                  spacing={1}
                  sx={{ m: 1, flexWrap: 'wrap', rowGap: 1 }}
                >
                  <TextField
                    select
                    size="small"
                    label="Team"
                    value={team}
                    onChange={e =>
                      update({ team: e.target.value, service: '' })
                    }
                    SelectProps={{ native: true }}
                    InputLabelProps={{ shrink: true }}
                    sx={{ minWidth: 180 }}
                  >
                    <option value="">All teams</option>
                    {(filters.value?.teams ?? []).map(t => (
                      <option key={t} value={t}>
                        {entityDisplayName(t)}
                      </option>
                    ))}
                  </TextField>
                  <TextField
                    select
                    size="small"
                    label="Service"
                    value={service}
                    onChange={e => update({ service: e.target.value })}
                    SelectProps={{ native: true }}
                    InputLabelProps={{ shrink: true }}
                    sx={{ minWidth: 200 }}
                  >
                    <option value="">All services</option>
                    {service && !services.some(s => s.ref === service) ? (
                      <option value={service}>
                        {entityDisplayName(service)}
                      </option>
                    ) : null}
                    {services.map(s => (
                      <option key={s.ref} value={s.ref}>
                        {entityDisplayName(s.ref)}
                      </option>
                    ))}
                  </TextField>
                  <TextField
                    select
                    size="small"
                    label="Window"
                    value={windowDays}
                    onChange={e => update({ window: e.target.value })}
                    SelectProps={{ native: true }}
                    sx={{ minWidth: 140 }}
                  >
                    {WINDOW_CHOICES.map(n => (
                      <option key={n} value={n}>
                        {`Last ${n} days`}
                      </option>
                    ))}
                  </TextField>
                </Stack>
              }
            >
              {byState(dora, report => (
                <DoraOverview report={report} />
              ))}
            </Section>
          </Grid>
          <Grid item xs={12}>
            <ReleaseImpactSection />
          </Grid>
          <Grid item xs={12} lg={6}>
            <OnboardingSection />
          </Grid>
          <Grid item xs={12} lg={6}>
            <UnmappedServicesSection />
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
