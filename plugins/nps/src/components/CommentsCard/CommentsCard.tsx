import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { CampaignComment } from '@paved/plugin-nps-common';
import { npsApiRef } from '../../api/NpsApi';
import { CARD_HEADING, downloadText } from '@paved/frontend-utils';
import { teamName } from '../format';

const bandLabel = {
  promoter: 'Promoter (9–10)',
  passive: 'Passive (7–8)',
  detractor: 'Detractor (0–6)',
};

function CommentItem({
  comment,
  knownThemes,
  onTagged,
}: {
  comment: CampaignComment;
  knownThemes: string[];
  onTagged: () => void;
}) {
  const npsApi = useApi(npsApiRef);
  const [error, setError] = useState<string | null>(null);
  return (
    <ListItem divider sx={{ display: 'block' }}>
      {/* Rendered as text: React escapes it, so markup in a comment stays inert. */}
      <Typography sx={{ whiteSpace: 'pre-wrap' }}>{comment.comment}</Typography>
      <Stack direction="row" spacing={1} sx={{ my: 1 }} alignItems="center">
        <Chip size="small" label={bandLabel[comment.band]} />
        <Typography variant="caption" color="text.secondary">
          {comment.team
            ? teamName(comment.team)
            : 'Team not shown (small group)'}
        </Typography>
      </Stack>
      <Autocomplete
        multiple
        freeSolo
        size="small"
        options={knownThemes}
        value={comment.themes}
        onChange={async (_, themes) => {
          try {
            setError(null);
            await npsApi.setThemes(
              comment.id,
              (themes as string[]).map(t => t.trim()).filter(Boolean),
            );
            onTagged();
          } catch (e) {
            setError((e as Error).message);
          }
        }}
        renderInput={params => (
          <TextField {...params} label="Themes" placeholder="Add a theme" />
        )}
      />
      {error && <Alert severity="error">{error}</Alert>}
    </ListItem>
  );
}

/** A campaign's comments for platform PMs: read, tag with themes, export. */
export function CommentsCard({ campaignId }: { campaignId: string }) {
  const npsApi = useApi(npsApiRef);
  const data = useAsyncRetry(async () => {
    const [comments, themes, allThemes] = await Promise.all([
      npsApi.getComments(campaignId),
      npsApi.getThemes(campaignId),
      npsApi.getThemes(),
    ]);
    return { comments, themes, allThemes };
  }, [npsApi, campaignId]);

  if (data.loading && !data.value) return <Progress />;
  if (data.error) return <ResponseErrorPanel error={data.error} />;
  const { comments, themes, allThemes } = data.value!;

  return (
    <InfoCard
      titleTypographyProps={CARD_HEADING}
      title="Comments"
      subheader="Visible to platform PMs only. Nobody's name is stored with an answer."
    >
      {!comments.shown ? (
        <Typography>
          {`Comments are published in batches, like the results: they appear once the comments of ${
            comments.minCommentGroupSize
          } answers can be shown together (${
            2 * comments.minCommentGroupSize
          } from one team while the survey is open), and everything is shown when it closes.`}
        </Typography>
      ) : (
        <Stack spacing={2}>
          <Typography variant="body2">
            {`${comments.comments.length} ${
              comments.comments.length === 1 ? 'comment' : 'comments'
            } from ${comments.answers} published answers.`}
          </Typography>
          <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
            {themes.length === 0 && (
              <Typography variant="body2">
                No themes yet: tag comments to see what people ask for most.
              </Typography>
            )}
            {themes.map(t => (
              <Chip
                key={t.theme}
                label={`${t.theme}: ${t.comments}`}
                variant="outlined"
              />
            ))}
          </Stack>
          <Button
            variant="outlined"
            sx={{ alignSelf: 'start' }}
            onClick={async () =>
              downloadText(
                await npsApi.exportCsv(campaignId, 'comments'),
                `nps-comments-${campaignId}.csv`,
                'text/csv',
              )
            }
          >
            Export comments (CSV)
          </Button>
          {comments.comments.length === 0 ? (
            <Typography>No one has left a comment yet.</Typography>
          ) : (
            <List aria-label="Comments" disablePadding>
              {comments.comments.map(c => (
                <CommentItem
                  key={c.id}
                  comment={c}
                  knownThemes={allThemes.map(t => t.theme)}
                  onTagged={data.retry}
                />
              ))}
            </List>
          )}
        </Stack>
      )}
    </InfoCard>
  );
}
