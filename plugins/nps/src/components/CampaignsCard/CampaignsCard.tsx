import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
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
import { Audience, Campaign } from '@paved/plugin-nps-common';
import { npsApiRef } from '../../api/NpsApi';
import { formatAnswers } from '../format';

const day = (iso: string) => iso.slice(0, 10);

// "checkout, group:default/routing" → group entity refs.
function toAudience(kind: string, groups: string): Audience {
  if (kind === 'all') return { type: 'all' };
  return {
    type: 'groups',
    groups: groups
      .split(',')
      .map(g => g.trim())
      .filter(Boolean)
      .map(g => (g.includes(':') ? g : `group:default/${g}`)),
  };
}

// An ISO date as the value of a datetime-local input, in the browser's time zone.
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(
    d.getHours(),
  )}:${pad(d.getMinutes())}`;
}

function CampaignForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing?: Campaign;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const npsApi = useApi(npsApiRef);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [opens, setOpens] = useState(
    editing ? toLocalInput(editing.opensAt) : '',
  );
  const [closes, setCloses] = useState(
    editing ? toLocalInput(editing.closesAt) : '',
  );
  const [audience, setAudience] = useState<string>(
    editing?.audience.type ?? 'all',
  );
  const [groups, setGroups] = useState(
    editing?.audience.type === 'groups'
      ? editing.audience.groups.join(', ')
      : '',
  );
  const [error, setError] = useState<string | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    const fields = {
      title,
      opensAt: opens ? new Date(opens).toISOString() : '',
      closesAt: closes ? new Date(closes).toISOString() : '',
      audience: toAudience(audience, groups),
    };
    try {
      if (editing) await npsApi.updateCampaign(editing.id, fields);
      else await npsApi.createCampaign(fields);
      setTitle('');
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <Stack
      component="form"
      onSubmit={submit}
      spacing={2}
      aria-label={editing ? `Edit ${editing.title}` : 'New campaign'}
    >
      <Typography variant="subtitle2" component="h3">
        {editing ? `Edit ${editing.title}` : 'New campaign'}
      </Typography>
      <TextField
        label="Title"
        value={title}
        onChange={e => setTitle(e.target.value)}
        required
      />
      <Stack direction="row" spacing={2}>
        <TextField
          label="Opens"
          type="datetime-local"
          value={opens}
          onChange={e => setOpens(e.target.value)}
          InputLabelProps={{ shrink: true }}
          required
        />
        <TextField
          label="Closes"
          type="datetime-local"
          value={closes}
          onChange={e => setCloses(e.target.value)}
          InputLabelProps={{ shrink: true }}
          required
        />
      </Stack>
      <RadioGroup
        row
        aria-label="Audience"
        value={audience}
        onChange={e => setAudience(e.target.value)}
      >
        <FormControlLabel value="all" control={<Radio />} label="Everyone" />
        <FormControlLabel
          value="groups"
          control={<Radio />}
          label="Some teams"
        />
      </RadioGroup>
      {audience === 'groups' && (
        <TextField
          label="Teams"
          helperText="Comma-separated, e.g. checkout, routing"
          value={groups}
          onChange={e => setGroups(e.target.value)}
        />
      )}
      {error && <Alert severity="error">{error}</Alert>}
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained">
          {editing ? 'Save changes' : 'Create campaign'}
        </Button>
        {editing && <Button onClick={onCancel}>Cancel</Button>}
      </Stack>
    </Stack>
  );
}

/** Survey campaigns for platform PMs: see them all, create, close early, delete. */
export function CampaignsCard({ onChanged }: { onChanged: () => void }) {
  const npsApi = useApi(npsApiRef);
  const campaigns = useAsyncRetry(() => npsApi.listCampaigns(), [npsApi]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Campaign | undefined>();
  const [deleting, setDeleting] = useState<Campaign | undefined>();

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      campaigns.retry();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  if (campaigns.loading && !campaigns.value) return <Progress />;
  if (campaigns.error) return <ResponseErrorPanel error={campaigns.error} />;
  const rows: Campaign[] = [...(campaigns.value ?? [])].reverse();

  return (
    <InfoCard
      title="Campaigns"
      subheader="A campaign opens every quarter by itself; add others here."
    >
      <Stack spacing={3}>
        {error && <Alert severity="error">{error}</Alert>}
        <Table size="small" aria-label="Campaigns">
          <TableHead>
            <TableRow>
              <TableCell>Campaign</TableCell>
              <TableCell>Window</TableCell>
              <TableCell>Audience</TableCell>
              <TableCell>Status</TableCell>
              <TableCell align="right">Answers</TableCell>
              <TableCell>Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(c => (
              <TableRow key={c.id}>
                <TableCell>{c.title}</TableCell>
                <TableCell>{`${day(c.opensAt)} – ${day(
                  c.closesAt,
                )}`}</TableCell>
                <TableCell>
                  {c.audience.type === 'all'
                    ? 'Everyone'
                    : c.audience.groups.join(', ')}
                </TableCell>
                <TableCell>{c.status}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatAnswers(c.answers)}
                </TableCell>
                <TableCell>
                  {c.status === 'upcoming' && (
                    <Button size="small" onClick={() => setEditing(c)}>
                      Edit
                    </Button>
                  )}
                  {c.status === 'open' && (
                    <Button
                      size="small"
                      onClick={() => act(() => npsApi.closeCampaign(c.id))}
                    >
                      Close now
                    </Button>
                  )}
                  {c.status === 'upcoming' && (
                    <Button
                      size="small"
                      color="error"
                      aria-label={`Delete ${c.title}`}
                      onClick={() => setDeleting(c)}
                    >
                      Delete
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Dialog
          open={deleting !== undefined}
          onClose={() => setDeleting(undefined)}
          aria-labelledby="nps-delete-campaign-title"
        >
          <DialogTitle id="nps-delete-campaign-title">
            {`Delete “${deleting?.title ?? ''}”?`}
          </DialogTitle>
          <DialogContent>
            <DialogContentText>
              It has not opened yet, so nobody has answered it. Its title,
              questions, window and audience are deleted; this cannot be undone.
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setDeleting(undefined)}>Keep it</Button>
            <Button
              color="error"
              onClick={() => {
                const id = deleting!.id;
                setDeleting(undefined);
                act(() => npsApi.deleteCampaign(id));
              }}
            >
              Delete campaign
            </Button>
          </DialogActions>
        </Dialog>
        <CampaignForm
          key={editing?.id ?? 'new'}
          editing={editing}
          onSaved={() => {
            setEditing(undefined);
            act(async () => undefined);
          }}
          onCancel={() => setEditing(undefined)}
        />
      </Stack>
    </InfoCard>
  );
}
