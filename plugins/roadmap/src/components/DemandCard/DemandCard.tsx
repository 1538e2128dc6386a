import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { quarterLabel } from '@paved/common';
import {
  CARD_HEADING,
  Figure,
  ScrollTable,
  nowrap,
} from '@paved/frontend-utils';
import { CampaignDemand } from '@paved/plugin-roadmap-common';
import { roadmapApiRef } from '../../api/RoadmapApi';

/** A campaign's count, or the words NPS's suppression calls for ("fewer than 5 comments"). */
function CampaignComments({
  campaign,
  minGroupSize,
}: {
  campaign: CampaignDemand;
  minGroupSize: number | null;
}) {
  if (!campaign.suppressed) {
    return <Figure>{campaign.comments}</Figure>;
  }
  return (
    <Typography
      component="span"
      variant="body2"
      color="text.secondary"
      sx={nowrap}
    >
      {minGroupSize === null
        ? 'too few to show'
        : `fewer than ${minGroupSize} comments`}
    </Typography>
  );
}

/**
 * The demand behind an item: the NPS comment themes it answers and how many survey
 * comments carried them in each campaign. Platform PMs link the themes.
 */
export function DemandCard({
  itemId,
  canManage,
}: {
  itemId: string;
  canManage: boolean;
}) {
  const roadmapApi = useApi(roadmapApiRef);
  const demand = useAsyncRetry(
    () => roadmapApi.getDemand(itemId),
    [roadmapApi, itemId],
  );
  const [error, setError] = useState<string | null>(null);

  if (demand.loading && !demand.value) return <Progress />;
  if (demand.error) return <ResponseErrorPanel error={demand.error} />;
  const { themes, campaigns, minGroupSize } = demand.value!;
  // Interview participants per research study; none without the research plugin.
  const studies = demand.value!.studies ?? [];

  return (
    <InfoCard
      titleTypographyProps={CARD_HEADING}
      title="Demand behind this item"
      subheader="Survey comments that ask for this, and developers who raised it in interviews"
    >
      <Stack spacing={2}>
        {canManage ? (
          <Autocomplete
            multiple
            freeSolo
            size="small"
            options={[]}
            value={themes}
            onChange={async (_, value) => {
              setError(null);
              try {
                await roadmapApi.setThemes(
                  itemId,
                  (value as string[]).map(t => t.trim()).filter(Boolean),
                );
                demand.retry();
              } catch (e) {
                setError((e as Error).message);
              }
            }}
            renderInput={params => (
              <TextField
                {...params}
                label="Survey themes"
                helperText="The comment themes this item answers"
              />
            )}
          />
        ) : (
          <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
            {themes.length === 0 && (
              <Typography variant="body2">
                Not linked to survey themes yet.
              </Typography>
            )}
            {themes.map(theme => (
              <Chip key={theme} label={theme} size="small" />
            ))}
          </Stack>
        )}
        {error && <Alert severity="error">{error}</Alert>}
        {themes.length > 0 && campaigns.length === 0 && (
          <Typography variant="body2">
            No survey comment carries these themes yet.
          </Typography>
        )}
        {campaigns.length > 0 && (
          <ScrollTable size="small" aria-label="Demand per campaign">
            <TableHead>
              <TableRow>
                <TableCell>Campaign</TableCell>
                <TableCell align="right">Comments</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {campaigns.map(c => (
                <TableRow key={c.campaignId}>
                  <TableCell>{c.title}</TableCell>
                  <TableCell align="right">
                    <CampaignComments
                      campaign={c}
                      minGroupSize={minGroupSize ?? null}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollTable>
        )}
        {campaigns.some(c => c.suppressed) && (
          <Typography variant="body2" color="text.secondary">
            {minGroupSize === null
              ? 'Small counts are not shown, to keep survey answers confidential.'
              : `Counts under ${minGroupSize} are not shown, to keep survey answers confidential.`}
          </Typography>
        )}
        {studies.length > 0 && (
          <ScrollTable
            size="small"
            aria-label="Interview participants per study"
          >
            <TableHead>
              <TableRow>
                <TableCell>Interview study</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  Developers
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {studies.map(s => (
                <TableRow key={s.studyId}>
                  <TableCell>{`${s.title} (${quarterLabel(
                    s.quarter,
                  )})`}</TableCell>
                  <TableCell align="right">{s.participants}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollTable>
        )}
      </Stack>
    </InfoCard>
  );
}
