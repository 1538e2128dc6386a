import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  Content,
  Header,
  InfoCard,
  Link,
  MarkdownContent,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  RoadmapItem,
  roadmapItemManagePermission,
} from '@paved/plugin-roadmap-common';
import { useNavigate, useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { roadmapApiRef } from '../../api/RoadmapApi';
import { rootRouteRef } from '../../routes';
import { Disclaimer } from '../Disclaimer';
import { ItemForm } from '../ItemForm';
import { FollowButton, VoteButton } from '../ItemCard';
import {
  CARD_HEADING,
  isNotFound,
  NotFoundPanel,
  serverMessage,
  statusOf,
} from '@paved/frontend-utils';
import {
  formatDate,
  isConflict,
  label,
  targetQuarterLabel,
  safeImageUri,
  safeLinkUri,
} from '../format';
import { entityDisplayName } from '@paved/common';
import { ItemHistory } from './ItemHistory';
import { DemandCard } from '../DemandCard';
import { ItemCards } from './ItemCards';

/** True for the links the page renders as links: http(s) only. */
export function isWebUrl(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

function Section(props: { title: string; children: React.ReactNode }) {
  return (
    <>
      <Typography variant="h6" component="h3" mt={2}>
        {props.title}
      </Typography>
      {props.children}
    </>
  );
}

function ItemDetails(props: {
  item: RoadmapItem;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { canManage, onChanged } = props;
  // A vote or a follow shows at once (voting also follows), then the page reloads.
  const [updated, setUpdated] = useState<RoadmapItem>();
  const item =
    updated && updated.version >= props.item.version ? updated : props.item;
  const changed = (next: RoadmapItem) => {
    setUpdated(next);
    onChanged();
  };
  const roadmapApi = useApi(roadmapApiRef);
  const root = useRouteRef(rootRouteRef);
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string>();

  const remove = async () => {
    setError(undefined);
    try {
      await roadmapApi.deleteItem(item.id, item.version);
      navigate(root());
    } catch (e) {
      setDeleting(false);
      setError(
        isConflict(e)
          ? 'Someone else changed this item since you opened it; it was not deleted. Check the current version below.'
          : serverMessage(e),
      );
      onChanged();
    }
  };

  return (
    <InfoCard titleTypographyProps={CARD_HEADING} title="About this item">
      {error && <Alert severity="error">{error}</Alert>}
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap mb={1}>
        <Chip color="primary" label={label(item.status)} />
        <Chip variant="outlined" label={`Horizon: ${label(item.horizon)}`} />
        <Chip
          variant="outlined"
          label={targetQuarterLabel(item.targetQuarter)}
        />
        <Chip
          variant="outlined"
          label={`Owner: ${entityDisplayName(item.owner)}`}
        />
        <Chip variant="outlined" label={label(item.category)} />
      </Stack>
      <Typography variant="subtitle1">{item.summary}</Typography>
      <Stack
        direction="row"
        spacing={1}
        alignItems="center"
        my={2}
        flexWrap="wrap"
        useFlexGap
      >
        <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
          {item.votes === 1 ? '1 vote' : `${item.votes} votes`}
        </Typography>
        <VoteButton item={item} onChanged={changed} />
      </Stack>
      <Stack
        direction="row"
        spacing={1}
        alignItems="center"
        my={2}
        flexWrap="wrap"
        useFlexGap
      >
        <FollowButton item={item} onChanged={changed} />
        {canManage && (
          <>
            <Button variant="outlined" onClick={() => setEditing(true)}>
              Edit
            </Button>
            <Button
              variant="outlined"
              color="error"
              onClick={() => setDeleting(true)}
            >
              Delete
            </Button>
          </>
        )}
      </Stack>
      {item.breakingChange && (
        <Alert severity="warning" sx={{ my: 1 }}>
          {`Breaking change from ${formatDate(
            item.breakingChange.effectiveDate,
          )}: ${item.breakingChange.notice}`}
        </Alert>
      )}
      {item.status === 'declined' && (
        <Section title="Why we are not doing this">
          <Typography>{item.declineReason}</Typography>
        </Section>
      )}
      {item.problem && (
        <Section title="Problem">
          <Typography>{item.problem}</Typography>
        </Section>
      )}
      {item.description && (
        <Section title="Description">
          {/* The description's own headings sit below the section's heading:
              never larger than it. */}
          <Box
            data-testid="roadmap-item-description"
            sx={{
              '& h1, & h2, & h3, & h4, & h5, & h6': {
                typography: 'subtitle1',
                fontWeight: 600,
                mt: 1.5,
                mb: 0.5,
              },
            }}
          >
            {/* CommonMark without raw HTML: tags show as text, never as elements;
                images from other hosts are never fetched (tracking pixels). */}
            <MarkdownContent
              content={item.description}
              dialect="common-mark"
              transformLinkUri={safeLinkUri}
              transformImageUri={src => safeImageUri(src)}
            />
          </Box>
        </Section>
      )}
      {item.links.length > 0 && (
        <Section title="Links">
          <ul>
            {item.links.map((link, index) => (
              <li key={index}>
                {isWebUrl(link.url) ? (
                  <a href={link.url} target="_blank" rel="noopener noreferrer">
                    {link.title}
                  </a>
                ) : (
                  link.title
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Dialog
        open={editing}
        onClose={() => setEditing(false)}
        maxWidth="md"
        fullWidth
      >
        <DialogTitle>Edit roadmap item</DialogTitle>
        <DialogContent>
          <ItemForm
            item={item}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              onChanged();
            }}
          />
        </DialogContent>
      </Dialog>
      <Dialog open={deleting} onClose={() => setDeleting(false)}>
        <DialogTitle>Delete this item?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {`"${item.title}" leaves the roadmap; its history is kept.`}
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setDeleting(false)}>Cancel</Button>
          <Button color="error" variant="contained" onClick={remove}>
            Delete item
          </Button>
        </DialogActions>
      </Dialog>
    </InfoCard>
  );
}

/** /roadmap/items/:id: one item, its description and its full history. */
export function ItemPage() {
  const { id = '' } = useParams();
  const roadmapApi = useApi(roadmapApiRef);
  const root = useRouteRef(rootRouteRef);
  const canManage = usePermission({
    permission: roadmapItemManagePermission,
  }).allowed;
  const item = useAsyncRetry(() => roadmapApi.getItem(id), [roadmapApi, id]);
  const history = useAsyncRetry(
    () => roadmapApi.getHistory(id),
    [roadmapApi, id],
  );
  const refresh = () => {
    item.retry();
    history.retry();
  };

  // A deleted item, or an address that names none: a way back, not a raw 404/400.
  const missing =
    item.error && (isNotFound(item.error) || statusOf(item.error) === 400);
  if (missing) {
    return (
      <Page themeId="tool">
        <Header title="Roadmap item not found" subtitle="Platform roadmap" />
        <Content>
          <NotFoundPanel
            title="This roadmap item does not exist"
            backTo={root()}
            backLabel="Back to the roadmap"
          >
            It may have been deleted, or the link is mistyped. Everything the
            platform team plans is on the roadmap.
          </NotFoundPanel>
        </Content>
      </Page>
    );
  }

  let details;
  if (item.loading && !item.value) details = <Progress />;
  else if (item.error) details = <ResponseErrorPanel error={item.error} />;
  else if (item.value)
    details = (
      <ItemDetails
        item={item.value}
        canManage={canManage}
        onChanged={refresh}
      />
    );

  let changes;
  if (history.loading && !history.value) changes = <Progress />;
  else if (history.error)
    changes = <ResponseErrorPanel error={history.error} />;
  else changes = <ItemHistory history={history.value ?? []} />;

  return (
    <Page themeId="tool">
      <Header
        title={item.value?.title ?? 'Roadmap item'}
        subtitle="Platform roadmap"
      />
      <Content>
        <Disclaimer />
        <Typography mb={2}>
          <Link to={root()}>← Back to the roadmap</Link>
        </Typography>
        <Grid container spacing={3}>
          <Grid item xs={12} md={8}>
            {details}
          </Grid>
          <Grid item xs={12} md={4}>
            <Stack spacing={3}>
              {item.value && <ItemCards item={item.value} />}
              {item.value && (
                <DemandCard itemId={item.value.id} canManage={canManage} />
              )}
              <InfoCard titleTypographyProps={CARD_HEADING} title="History">
                {changes}
              </InfoCard>
            </Stack>
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
