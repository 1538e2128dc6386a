import { useId, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Divider from '@mui/material/Divider';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { MyInvitation } from '@paved/plugin-research-common';
import { downloadText, Empty, Section } from '@paved/frontend-utils';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { researchApiRef } from '../../api/ResearchApi';
import { formatSlot, quarterLabel, statusLabel } from '../format';

function Invitation(props: {
  invitation: MyInvitation;
  onChanged: (invitations: MyInvitation[]) => void;
}) {
  const { invitation, onChanged } = props;
  const researchApi = useApi(researchApiRef);
  const legendId = useId();
  const [slot, setSlot] = useState('');
  const [busy, setBusy] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [error, setError] = useState<string>();
  const now = Date.now();
  const slots = invitation.slots.filter(s => Date.parse(s) > now);

  const act = async (action: () => Promise<MyInvitation[]>) => {
    setError(undefined);
    setBusy(true);
    try {
      const next = await action();
      setWithdrawing(false);
      onChanged(next);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const downloadCalendar = async () => {
    setError(undefined);
    try {
      const ics = await researchApi.calendarFile(invitation.id);
      downloadText(ics, 'platform-interview.ics', 'text/calendar');
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Stack
      component="article"
      aria-label={invitation.studyTitle}
      spacing={1}
      py={1.5}
    >
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap">
        <Typography variant="subtitle1" component="h3">
          {invitation.studyTitle}
        </Typography>
        <Chip
          size="small"
          label={statusLabel(invitation.status)}
          color={invitation.status === 'accepted' ? 'success' : 'default'}
        />
        <Typography variant="body2" color="text.secondary">
          {quarterLabel(invitation.quarter)} · {invitation.minutes} minutes
        </Typography>
      </Stack>
      {invitation.message && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
          {invitation.message}
        </Typography>
      )}
      {invitation.status === 'invited' && (
        <>
          <FormControl component="fieldset">
            <FormLabel component="legend" id={legendId}>
              Pick a slot that suits you
            </FormLabel>
            {slots.length === 0 ? (
              <Empty>
                Every proposed slot has passed; decline, and the team will ask
                again.
              </Empty>
            ) : (
              <RadioGroup
                aria-labelledby={legendId}
                name={`slot-${invitation.id}`}
                value={slot}
                onChange={e => setSlot(e.target.value)}
              >
                {slots.map(s => (
                  <FormControlLabel
                    key={s}
                    value={s}
                    control={<Radio size="small" />}
                    label={formatSlot(s)}
                  />
                ))}
              </RadioGroup>
            )}
          </FormControl>
          <Stack direction="row" spacing={1}>
            <Button
              variant="contained"
              disabled={!slot || busy}
              onClick={() => act(() => researchApi.accept(invitation.id, slot))}
            >
              Accept
            </Button>
            <Button
              disabled={busy}
              onClick={() => act(() => researchApi.decline(invitation.id))}
            >
              Decline
            </Button>
          </Stack>
        </>
      )}
      {invitation.status === 'accepted' && (
        <>
          <Typography>
            Your interview: <strong>{formatSlot(invitation.slot)}</strong>
          </Typography>
          <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
            <Button variant="outlined" onClick={downloadCalendar}>
              Add to calendar (.ics)
            </Button>
            <Button color="warning" onClick={() => setWithdrawing(true)}>
              Withdraw
            </Button>
          </Stack>
        </>
      )}
      {invitation.status === 'declined' && (
        <Typography variant="body2">
          You declined. Thank you for letting us know.
        </Typography>
      )}
      {error && <Alert severity="error">{error}</Alert>}
      <Dialog open={withdrawing} onClose={() => setWithdrawing(false)}>
        <DialogTitle>Withdraw from this study?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Your name, your slot and the notes of your interview are removed.
            What the team learned stays only as themes and root causes that
            cannot be traced back to you.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setWithdrawing(false)}>
            Keep taking part
          </Button>
          <Button
            color="warning"
            variant="contained"
            disabled={busy}
            onClick={() => act(() => researchApi.withdraw(invitation.id))}
          >
            Withdraw
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}

/** The user's interview invitations: accept with a slot, decline, or withdraw later. */
export function InvitationsCard() {
  const researchApi = useApi(researchApiRef);
  const invitations = useAsyncRetry(
    () => researchApi.myInvitations(),
    [researchApi],
  );
  const [fresh, setFresh] = useState<MyInvitation[]>();
  const list = fresh ?? invitations.value;

  let body;
  if (invitations.loading && !list) body = <Progress />;
  else if (invitations.error && !list)
    body = <ResponseErrorPanel error={invitations.error} />;
  else if (!list?.length)
    body = (
      <Empty>
        No invitations. When a study asks you for 30 minutes, the invitation
        appears here.
      </Empty>
    );
  else
    body = list.map((invitation, index) => (
      <div key={invitation.id}>
        {index > 0 && <Divider />}
        <Invitation invitation={invitation} onChanged={setFresh} />
      </div>
    ));

  return (
    <Section
      title="Your invitations"
      subheader="Interviews are 30 minutes, by video call. You can withdraw at any time."
    >
      {body}
    </Section>
  );
}
