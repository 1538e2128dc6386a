import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  PREVIEW_STAGES,
  Preview,
  PreviewDetail,
  researchPreviewManagePermission,
} from '@paved/plugin-research-common';
import { RoadmapItemCardProps } from '@paved/plugin-roadmap-react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { researchApiRef } from '../../api/ResearchApi';
import { count, formatDay } from '../format';
import { Figure, Section } from '@paved/frontend-utils';

function OpenPreview(props: { itemId: string; onOpened: () => void }) {
  const researchApi = useApi(researchApiRef);
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string>();
  return (
    <Stack spacing={1}>
      <Typography variant="body2">
        Let developers try this before everyone gets it. They join from this
        page and leave feedback; you see who takes part.
      </Typography>
      <TextField
        label="What to try, and how"
        value={description}
        onChange={e => setDescription(e.target.value)}
        multiline
        minRows={2}
        inputProps={{ maxLength: 2000 }}
      />
      <Button
        variant="contained"
        onClick={async () => {
          setError(undefined);
          try {
            await researchApi.openPreview({
              itemId: props.itemId,
              description,
            });
            props.onOpened();
          } catch (e) {
            setError((e as Error).message);
          }
        }}
      >
        Open a preview
      </Button>
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}

function FeedbackForm(props: {
  preview: Preview;
  onSent: (p: Preview) => void;
}) {
  const researchApi = useApi(researchApiRef);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);
  return (
    <Stack
      component="form"
      spacing={1}
      aria-label="Preview feedback"
      onSubmit={async (event: React.FormEvent) => {
        event.preventDefault();
        setError(undefined);
        try {
          props.onSent(await researchApi.sendFeedback(props.preview.id, text));
          setText('');
          setSent(true);
        } catch (e) {
          setError((e as Error).message);
        }
      }}
    >
      <TextField
        label="Your feedback"
        value={text}
        onChange={e => {
          setText(e.target.value);
          setSent(false);
        }}
        multiline
        minRows={2}
        inputProps={{ maxLength: 2000 }}
        helperText="What worked, what broke, what surprised you. The platform team reads it with your name."
      />
      <Stack direction="row" spacing={1} alignItems="center">
        <Button type="submit" variant="outlined" disabled={!text.trim()}>
          Send feedback
        </Button>
        {sent && (
          <Typography variant="body2" role="status">
            Thank you: feedback sent
          </Typography>
        )}
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}

function Participants(props: { preview: Preview; onChanged: () => void }) {
  const { preview } = props;
  const researchApi = useApi(researchApiRef);
  const detail = useAsyncRetry(
    () => researchApi.getPreviewDetail(preview.id),
    [researchApi, preview.id, preview.feedback, preview.participants],
  );
  const themes = useAsync(() => researchApi.listThemes(), [researchApi]);
  const [fresh, setFresh] = useState<PreviewDetail>();
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [closing, setClosing] = useState(false);
  const [message, setMessage] = useState('');
  const [info, setInfo] = useState<string>();
  const [error, setError] = useState<string>();
  const view = fresh ?? detail.value;

  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (detail.loading && !view) return <Progress />;
  if (detail.error) return <ResponseErrorPanel error={detail.error} />;
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle2" component="h4">
        Participants
      </Typography>
      <Typography variant="body2">
        {view!.participants.length === 0
          ? 'Nobody has joined yet.'
          : view!.participants.map(p => p.displayName).join(', ')}
      </Typography>
      <Typography variant="subtitle2" component="h4">
        Feedback
      </Typography>
      {view!.feedback.length === 0 && (
        <Typography variant="body2">No feedback yet.</Typography>
      )}
      {view!.feedback.map(f => (
        <Stack
          key={f.id}
          spacing={0.5}
          component="article"
          aria-label={`Feedback from ${f.displayName}`}
        >
          <Typography variant="body2">
            <strong>{f.displayName}</strong> · {formatDay(f.createdAt)}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
            {f.text}
          </Typography>
          <Autocomplete
            multiple
            size="small"
            options={(themes.value ?? []).map(t => t.theme)}
            value={f.themes}
            onChange={(_, value) =>
              act(async () =>
                setFresh(await researchApi.tagFeedback(f.id, value)),
              )
            }
            renderInput={params => (
              <TextField
                {...params}
                label="Themes"
                inputProps={{
                  ...params.inputProps,
                  'aria-label': `Themes of the feedback from ${f.displayName}`,
                }}
              />
            )}
          />
        </Stack>
      ))}
      {preview.status === 'open' && (
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap pt={1}>
          <Button
            variant="outlined"
            disabled={view!.participants.length === 0}
            onClick={() => setNoticeOpen(true)}
          >
            Send participants a notice
          </Button>
          <Button color="warning" onClick={() => setClosing(true)}>
            Close the preview
          </Button>
        </Stack>
      )}
      {info && (
        <Alert severity="success" role="status">
          {info}
        </Alert>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      <Dialog open={noticeOpen} onClose={() => setNoticeOpen(false)} fullWidth>
        <DialogTitle>Notice to the preview's participants</DialogTitle>
        <DialogContent>
          <TextField
            label="Message"
            value={message}
            onChange={e => setMessage(e.target.value)}
            multiline
            minRows={3}
            fullWidth
            sx={{ mt: 1 }}
            inputProps={{ maxLength: 1000 }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setNoticeOpen(false)}>Cancel</Button>
          <Button
            variant="contained"
            disabled={!message.trim()}
            onClick={() =>
              act(async () => {
                const { sent } = await researchApi.sendPreviewNotice(
                  preview.id,
                  message,
                );
                setNoticeOpen(false);
                setMessage('');
                setInfo(`Notice sent to ${count(sent, 'participant')}`);
              })
            }
          >
            Send notice
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={closing} onClose={() => setClosing(false)}>
        <DialogTitle>Close this preview?</DialogTitle>
        <DialogContent>
          <Typography>
            Nobody can join or leave feedback any more; participants get a
            thank-you notice.
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setClosing(false)}>Keep it open</Button>
          <Button
            color="warning"
            variant="contained"
            onClick={() =>
              act(async () => {
                await researchApi.closePreview(preview.id);
                setClosing(false);
                props.onChanged();
              })
            }
          >
            Close the preview
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

/**
 * The developer preview of a roadmap item, on the item's page: everyone sees its size
 * and feedback counts and can join it; participants leave feedback; platform PMs
 * open it, see who takes part, tag feedback, send notices and close it.
 */
export function PreviewCard({ item }: RoadmapItemCardProps) {
  const researchApi = useApi(researchApiRef);
  const canManage = usePermission({
    permission: researchPreviewManagePermission,
  }).allowed;
  const loaded = useAsyncRetry(
    async () => (await researchApi.listPreviews(item.id))[0] ?? null,
    [researchApi, item.id],
  );
  const [fresh, setFresh] = useState<Preview>();
  const [error, setError] = useState<string>();
  const preview = fresh ?? loaded.value;
  const refresh = () => {
    setFresh(undefined);
    loaded.retry();
  };

  if (loaded.loading && preview === undefined) {
    return (
      <Section title="Developer preview">
        <Progress />
      </Section>
    );
  }
  if (loaded.error) {
    return (
      <Section title="Developer preview">
        <ResponseErrorPanel error={loaded.error} />
      </Section>
    );
  }
  if (!preview) {
    if (!canManage || !PREVIEW_STAGES.includes(item.status)) return null;
    return (
      <Section title="Developer preview">
        <OpenPreview itemId={item.id} onOpened={refresh} />
      </Section>
    );
  }

  const join = async (on: boolean) => {
    setError(undefined);
    try {
      setFresh(await researchApi.setParticipation(preview.id, on));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Section
      title="Developer preview"
      subheader={
        preview.status === 'open'
          ? `Open since ${formatDay(preview.openedAt)}`
          : `Closed ${formatDay(preview.closedAt)}`
      }
    >
      <Stack spacing={1.5}>
        <Typography aria-label="Preview size" role="status">
          <Figure>{count(preview.participants, 'developer')}</Figure> taking
          part · <Figure>{count(preview.feedback, 'feedback note')}</Figure>
        </Typography>
        {preview.feedbackByTheme.length > 0 && (
          <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
            {preview.feedbackByTheme.map(t => (
              <Chip
                key={t.theme}
                size="small"
                label={`${t.theme}: ${t.feedback}`}
              />
            ))}
          </Stack>
        )}
        {preview.description && (
          <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
            {preview.description}
          </Typography>
        )}
        {preview.status === 'open' && !preview.joinedByMe && (
          <Button variant="contained" onClick={() => join(true)}>
            Join the preview
          </Button>
        )}
        {preview.status === 'open' && preview.joinedByMe && (
          <>
            <Stack direction="row" spacing={1} alignItems="center">
              <Chip color="success" label="You take part" />
              <Button size="small" onClick={() => join(false)}>
                Leave the preview
              </Button>
            </Stack>
            <FeedbackForm preview={preview} onSent={setFresh} />
          </>
        )}
        {preview.status === 'closed' && preview.gaNotifiedAt && (
          <Typography variant="body2">
            This item is generally available: participants were told on{' '}
            {formatDay(preview.gaNotifiedAt)}.
          </Typography>
        )}
        {error && <Alert severity="error">{error}</Alert>}
        {canManage && (
          <Accordion
            disableGutters
            elevation={0}
            sx={{ border: 1, borderColor: 'divider' }}
          >
            <AccordionSummary
              expandIcon={<span aria-hidden>▾</span>}
              aria-controls={`preview-${preview.id}-participants`}
              id={`preview-${preview.id}-participants-header`}
            >
              <Typography variant="subtitle2" component="h3">
                Participants and feedback (platform team only)
              </Typography>
            </AccordionSummary>
            <AccordionDetails id={`preview-${preview.id}-participants`}>
              <Participants preview={preview} onChanged={refresh} />
            </AccordionDetails>
          </Accordion>
        )}
      </Stack>
    </Section>
  );
}
