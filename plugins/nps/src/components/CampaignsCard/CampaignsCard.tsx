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
import {
  Campaign,
  CampaignStatus,
  createCampaignSchema,
  updateCampaignSchema,
} from '@paved/plugin-nps-common';
import {
  CARD_HEADING,
  FieldErrors,
  fieldErrorsFromIssues,
  GroupPicker,
  ScrollTable,
  serverFieldErrors,
} from '@paved/frontend-utils';
import { entityDisplayName } from '@paved/common';
import { npsApiRef } from '../../api/NpsApi';
import { formatAnswers } from '../format';

const day = (iso: string) => iso.slice(0, 10);

const STATUS_LABELS: Record<CampaignStatus, string> = {
  upcoming: 'Upcoming',
  open: 'Open',
  closed: 'Closed',
};

// The form's fields by the schema's paths: a team problem shows on the picker.
function forField(errors: FieldErrors) {
  const at = (prefix: string) =>
    Object.entries(errors).find(
      ([path]) => path === prefix || path.startsWith(`${prefix}.`),
    )?.[1];
  return {
    title: at('title'),
    opensAt: at('opensAt'),
    closesAt: at('closesAt'),
    teams: at('audience'),
    other: Object.entries(errors)
      .filter(
        ([path]) => !/^(title|opensAt|closesAt|audience)(\.|$)/.test(path),
      )
      .map(([, message]) => message),
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
  const [groups, setGroups] = useState<string[]>(
    editing?.audience.type === 'groups' ? editing.audience.groups : [],
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const shown = forField(errors);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    const fields = {
      title,
      opensAt: opens ? new Date(opens).toISOString() : '',
      closesAt: closes ? new Date(closes).toISOString() : '',
      audience:
        audience === 'all'
          ? { type: 'all' as const }
          : { type: 'groups' as const, groups },
    };
    // The same rules the server applies (nps-common), checked before sending.
    const checked = (
      editing ? updateCampaignSchema : createCampaignSchema
    ).safeParse(fields);
    if (!checked.success) {
      setErrors(fieldErrorsFromIssues(checked.error.issues));
      return;
    }
    setErrors({});
    try {
      if (editing) await npsApi.updateCampaign(editing.id, fields);
      else await npsApi.createCampaign(fields);
      setTitle('');
      onSaved();
    } catch (e) {
      const reasons = serverFieldErrors(e);
      setErrors(reasons.fields);
      setError(reasons.message ?? null);
    }
  }

  return (
    <Stack
      component="form"
      onSubmit={submit}
      // The schema checks the fields and says why, at each field.
      noValidate
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
        error={Boolean(shown.title)}
        helperText={shown.title}
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          label="Opens"
          type="datetime-local"
          value={opens}
          onChange={e => setOpens(e.target.value)}
          InputLabelProps={{ shrink: true }}
          required
          error={Boolean(shown.opensAt)}
          helperText={shown.opensAt && 'Choose when the survey opens'}
          sx={{ minWidth: 230 }}
        />
        <TextField
          label="Closes"
          type="datetime-local"
          value={closes}
          onChange={e => setCloses(e.target.value)}
          InputLabelProps={{ shrink: true }}
          required
          error={Boolean(shown.closesAt)}
          helperText={
            shown.closesAt &&
            (/after opensAt/.test(shown.closesAt)
              ? 'Must be after the opening'
              : 'Choose when the survey closes')
          }
          sx={{ minWidth: 230 }}
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
        <GroupPicker
          multiple
          label="Teams"
          value={groups}
          onChange={setGroups}
          error={
            shown.teams &&
            (/at least one/.test(shown.teams)
              ? 'Choose at least one team'
              : shown.teams)
          }
          helperText="The teams whose members are asked, from the catalog"
        />
      )}
      {shown.other.map(message => (
        <Alert severity="error" key={message}>
          {message}
        </Alert>
      ))}
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
      titleTypographyProps={CARD_HEADING}
      title="Campaigns"
      subheader="A campaign opens every quarter by itself; add others here."
    >
      <Stack spacing={3}>
        {error && <Alert severity="error">{error}</Alert>}
        <ScrollTable size="small" aria-label="Campaigns">
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
                <TableCell className="paved-nowrap">{`${day(c.opensAt)} – ${day(
                  c.closesAt,
                )}`}</TableCell>
                <TableCell>
                  {c.audience.type === 'all'
                    ? 'Everyone'
                    : c.audience.groups.map(entityDisplayName).join(', ')}
                </TableCell>
                <TableCell>{STATUS_LABELS[c.status]}</TableCell>
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
        </ScrollTable>
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
