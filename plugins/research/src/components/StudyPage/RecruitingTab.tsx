import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  CandidateView,
  PersonView,
  StudyDetail,
} from '@paved/plugin-research-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { researchApiRef } from '../../api/ResearchApi';
import {
  count,
  isoToLocalInput,
  localInputToIso,
  quarterLabel,
  tenureLabel,
} from '../format';
import { Empty, Section } from '@paved/frontend-utils';

type Row = CandidateView & { lastInterviewed?: string | null; added?: boolean };

// Two slots early next week, at 10:00 and 14:00 local time.
function defaultSlots(): string[] {
  const day = new Date();
  day.setDate(day.getDate() + ((8 - day.getDay()) % 7 || 7));
  const at = (hour: number) => {
    const d = new Date(day);
    d.setHours(hour, 0, 0, 0);
    return isoToLocalInput(d);
  };
  return [at(10), at(14)];
}

/**
 * Recruiting: the balanced proposal from the catalog (teams, new joiners and
 * long-standing developers, nobody interviewed in the last two quarters, volunteers
 * first), which the PM adjusts, then invitations with slots to choose from.
 */
export function RecruitingTab(props: {
  study: StudyDetail;
  onChanged: () => void;
}) {
  const { study, onChanged } = props;
  const researchApi = useApi(researchApiRef);
  const proposal = useAsyncRetry(
    () => researchApi.getRecruiting(study.id),
    [researchApi, study.id],
  );
  const people = useAsyncRetry(() => researchApi.listPeople(), [researchApi]);
  const [added, setAdded] = useState<Row[]>([]);
  const [deselected, setDeselected] = useState<Set<string>>(new Set());
  const [slots, setSlots] = useState<string[]>(defaultSlots);
  const [message, setMessage] = useState(
    'Thirty minutes about how you work with the platform: no preparation needed.',
  );
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const [sending, setSending] = useState(false);

  const rows: Row[] = useMemo(() => {
    const last = new Map(
      (people.value ?? []).map(p => [p.userRef, p.lastInterviewed]),
    );
    return [
      ...(proposal.value?.candidates ?? []).map(c => ({
        ...c,
        lastInterviewed: last.get(c.userRef),
      })),
      ...added,
    ];
  }, [proposal.value, people.value, added]);
  const chosen = rows.filter(r => !deselected.has(r.userRef));
  const invitedAlready = new Set(
    (study.invitations ?? []).map(i => i.userRef).filter(Boolean),
  );
  const addable = (people.value ?? []).filter(
    p =>
      !rows.some(r => r.userRef === p.userRef) &&
      !invitedAlready.has(p.userRef),
  );
  const slotIsos = slots.map(localInputToIso);
  const slotsValid =
    slots.length > 0 &&
    slotIsos.every(s => s !== null && Date.parse(s) > Date.now());

  const toggle = (userRef: string) =>
    setDeselected(current => {
      const next = new Set(current);
      if (next.has(userRef)) next.delete(userRef);
      else next.add(userRef);
      return next;
    });

  const invite = async () => {
    setError(undefined);
    setDone(undefined);
    setSending(true);
    try {
      const result = await researchApi.invite(study.id, {
        people: chosen.map(r => r.userRef),
        slots: slotIsos as string[],
        message,
      });
      setDone(
        `Invited ${count(
          result.invited,
          'person',
          'people',
        )}; each got a notice in the portal.`,
      );
      setAdded([]);
      setDeselected(new Set());
      proposal.retry();
      people.retry();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSending(false);
    }
  };

  if (proposal.loading && !proposal.value) return <Progress />;
  if (proposal.error) return <ResponseErrorPanel error={proposal.error} />;
  const view = proposal.value!;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} lg={8}>
        <Section
          title="Who to invite"
          subheader={`Proposed from the catalog for ${quarterLabel(
            study.quarter,
          )}: ${count(view.eligible, 'developer')} eligible, ${
            view.resting
          } resting after an interview in the last two quarters. Survey answers are never used.`}
        >
          {rows.length === 0 ? (
            <Empty>
              {view.stillNeeded === 0
                ? 'The study has all the participants it needs.'
                : 'Nobody left to propose; add someone below.'}
            </Empty>
          ) : (
            <Table size="small" aria-label="Candidates">
              <TableHead>
                <TableRow>
                  <TableCell
                    padding="checkbox"
                    sx={{ whiteSpace: 'nowrap', pr: 2 }}
                  >
                    Invite
                  </TableCell>
                  <TableCell>Name</TableCell>
                  <TableCell>Team</TableCell>
                  <TableCell>Tenure</TableCell>
                  <TableCell>Last interviewed</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map(r => (
                  <TableRow
                    key={r.userRef}
                    selected={!deselected.has(r.userRef)}
                  >
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={!deselected.has(r.userRef)}
                        onChange={() => toggle(r.userRef)}
                        inputProps={{ 'aria-label': `Invite ${r.displayName}` }}
                      />
                    </TableCell>
                    <TableCell>
                      {r.displayName}
                      {r.volunteer && (
                        <Chip size="small" label="Volunteered" sx={{ ml: 1 }} />
                      )}
                      {r.added && (
                        <Chip
                          size="small"
                          variant="outlined"
                          label="Added by you"
                          sx={{ ml: 1 }}
                        />
                      )}
                    </TableCell>
                    <TableCell>{r.teamName ?? '—'}</TableCell>
                    <TableCell>{tenureLabel(r.tenure)}</TableCell>
                    <TableCell>
                      {r.lastInterviewed
                        ? quarterLabel(r.lastInterviewed)
                        : 'Never'}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Autocomplete<PersonView>
            sx={{ mt: 2, maxWidth: 480 }}
            size="small"
            options={addable}
            value={null}
            loading={people.loading}
            getOptionLabel={p =>
              `${p.displayName}${p.teamName ? ` (${p.teamName})` : ''}`
            }
            onChange={(_, person) => {
              if (person) setAdded(a => [...a, { ...person, added: true }]);
            }}
            renderInput={params => (
              <TextField
                {...params}
                label="Add someone"
                helperText="Anyone in the catalog outside the platform team"
              />
            )}
          />
        </Section>
      </Grid>
      <Grid item xs={12} lg={4}>
        <Section title="Invitation">
          <Stack spacing={2}>
            <Typography variant="body2">
              Each person picks one of these slots (30 minutes) in the portal,
              or declines.
            </Typography>
            {slots.map((slot, index) => (
              <Stack
                key={index}
                direction="row"
                spacing={1}
                alignItems="center"
              >
                <TextField
                  type="datetime-local"
                  label={`Slot ${index + 1}`}
                  value={slot}
                  onChange={e =>
                    setSlots(s =>
                      s.map((v, i) => (i === index ? e.target.value : v)),
                    )
                  }
                  InputLabelProps={{ shrink: true }}
                  size="small"
                  fullWidth
                  error={
                    slotIsos[index] === null ||
                    Date.parse(slotIsos[index] ?? '') <= Date.now()
                  }
                />
                <IconButton
                  aria-label={`Remove slot ${index + 1}`}
                  disabled={slots.length === 1}
                  onClick={() => setSlots(s => s.filter((_, i) => i !== index))}
                >
                  ×
                </IconButton>
              </Stack>
            ))}
            <Button
              disabled={slots.length >= 6}
              onClick={() =>
                setSlots(s => [...s, s[s.length - 1] ?? defaultSlots()[0]])
              }
            >
              Add a slot
            </Button>
            <TextField
              label="Message"
              value={message}
              onChange={e => setMessage(e.target.value)}
              multiline
              minRows={2}
              inputProps={{ maxLength: 1000 }}
            />
            <Button
              variant="contained"
              disabled={sending || chosen.length === 0 || !slotsValid}
              onClick={invite}
            >
              {`Invite ${count(chosen.length, 'person', 'people')}`}
            </Button>
            {!slotsValid && (
              <Typography variant="body2">
                Every slot must be a date and time in the future.
              </Typography>
            )}
            {done && (
              <Alert severity="success" role="status">
                {done}
              </Alert>
            )}
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </Section>
      </Grid>
    </Grid>
  );
}
