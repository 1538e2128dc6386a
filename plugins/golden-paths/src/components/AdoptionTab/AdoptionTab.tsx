import { useMemo, useState } from 'react';
import Grid from '@mui/material/Grid';
import TextField from '@mui/material/TextField';
import { useApi } from '@backstage/core-plugin-api';
import { formatRate } from '@paved/plugin-golden-paths-common';
import { addQuarters, quarterLabel, quarterOf } from '@paved/common';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../../api/GoldenPathsApi';
import { AdoptionHeadline } from '../AdoptionHeadline';
import { AdoptionTrendView } from '../AdoptionTrend';
import { OffPathServicesTable } from '../OffPathServices';
import { TeamAdoptionTable } from '../TeamAdoption';
import { byState, Section } from '@paved/frontend-utils';

/** The trend windows offered, in quarters. */
export const TREND_WINDOWS = [4, 8, 12] as const;
type TrendWindow = (typeof TREND_WINDOWS)[number];

/** How many new off-path services the follow-up list shows. */
export const OFF_PATH_LIMIT = 20;

/**
 * The Adoption tab: this quarter against the goal, the trend per quarter,
 * adoption per team, and the new services off the golden paths.
 */
export function AdoptionTab() {
  const goldenPathsApi = useApi(goldenPathsApiRef);
  const [windowSize, setWindowSize] = useState<TrendWindow>(8);
  const current = useMemo(() => quarterOf(new Date()), []);

  // The previous window's figures stay on screen while the next one loads.
  const trend = useAsync(
    () =>
      goldenPathsApi.getAdoption({
        from: addQuarters(current, -(windowSize - 1)),
        to: current,
      }),
    [goldenPathsApi, current, windowSize],
  );
  const teams = useAsync(
    () => goldenPathsApi.getTeamAdoption(),
    [goldenPathsApi],
  );
  const offPath = useAsync(
    () => goldenPathsApi.listOffPathServices({ limit: OFF_PATH_LIMIT }),
    [goldenPathsApi],
  );
  const goal = trend.value ? formatRate(trend.value.goal) : '80%';

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={4}>
        <Section
          title="This quarter"
          subheader={`New components created from a golden path, against the ${goal} goal`}
        >
          {byState(trend, value => (
            <AdoptionHeadline trend={value} />
          ))}
        </Section>
      </Grid>
      <Grid item xs={12} lg={8}>
        <Section
          title="Adoption per quarter"
          subheader="Share of new components created from an approved golden path, with its 95% interval"
          action={
            <TextField
              select
              size="small"
              label="Window"
              value={windowSize}
              onChange={e =>
                setWindowSize(Number(e.target.value) as TrendWindow)
              }
              SelectProps={{ native: true }}
              sx={{ m: 1, minWidth: 170 }}
            >
              {TREND_WINDOWS.map(n => (
                <option key={n} value={n}>
                  {`Last ${n} quarters`}
                </option>
              ))}
            </TextField>
          }
        >
          {byState(trend, value => (
            <AdoptionTrendView trend={value} />
          ))}
        </Section>
      </Grid>
      <Grid item xs={12}>
        <Section
          title="Adoption by team"
          subheader={
            teams.value
              ? `${quarterLabel(teams.value.from)} to ${quarterLabel(
                  teams.value.to,
                )}, lowest first`
              : 'Lowest first'
          }
        >
          {byState(teams, value => (
            <TeamAdoptionTable byTeam={value} />
          ))}
        </Section>
      </Grid>
      <Grid item xs={12}>
        <Section
          title="New services off the golden paths"
          subheader={`The ${OFF_PATH_LIMIT} newest components not created from an approved golden path, and who owns them`}
        >
          {byState(offPath, value => (
            <OffPathServicesTable services={value} />
          ))}
        </Section>
      </Grid>
    </Grid>
  );
}
