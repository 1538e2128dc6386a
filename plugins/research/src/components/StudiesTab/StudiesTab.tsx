import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { upcomingQuarters } from '@paved/common';
import { PARTICIPANT_GOAL } from '@paved/plugin-research-common';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { researchApiRef } from '../../api/ResearchApi';
import { rootRouteRef } from '../../routes';
import { quarterLabel, statusLabel } from '../format';
import { Empty, Figure, Section } from '@paved/frontend-utils';

function NewStudyDialog(props: { open: boolean; onClose: () => void }) {
  const researchApi = useApi(researchApiRef);
  const root = useRouteRef(rootRouteRef);
  const navigate = useNavigate();
  const quarters = upcomingQuarters(new Date());
  const [title, setTitle] = useState('');
  const [quarter, setQuarter] = useState(quarters[0]);
  const [goal, setGoal] = useState<number>(PARTICIPANT_GOAL.default);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const create = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setSaving(true);
    try {
      const study = await researchApi.createStudy({ title, quarter, goal });
      navigate(`${root()}/studies/${study.id}`);
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  };

  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="sm" fullWidth>
      <form onSubmit={create} aria-label="New study">
        <DialogTitle>New interview study</DialogTitle>
        <DialogContent>
          <Stack spacing={2} mt={1}>
            <TextField
              label="Title"
              value={title}
              onChange={e => setTitle(e.target.value)}
              required
              inputProps={{ maxLength: 200 }}
              helperText="What the study is about, e.g. Setting up a new service"
            />
            <TextField
              select
              label="Quarter"
              value={quarter}
              onChange={e => setQuarter(e.target.value)}
            >
              {quarters.map(q => (
                <MenuItem key={q} value={q}>
                  {quarterLabel(q)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label="Participants wanted"
              value={goal}
              onChange={e => setGoal(Number(e.target.value))}
              helperText="The practice: 6 to 10 conversations per quarter"
            >
              {Array.from(
                { length: PARTICIPANT_GOAL.max - PARTICIPANT_GOAL.min + 1 },
                (_, i) => PARTICIPANT_GOAL.min + i,
              ).map(n => (
                <MenuItem key={n} value={n}>
                  {n}
                </MenuItem>
              ))}
            </TextField>
            {error && <Alert severity="error">{error}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="contained"
            disabled={saving || !title.trim()}
          >
            Create study
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** The studies, for platform PMs: progress per quarter, and a new one. */
export function StudiesTab() {
  const researchApi = useApi(researchApiRef);
  const root = useRouteRef(rootRouteRef);
  const studies = useAsync(() => researchApi.listStudies(), [researchApi]);
  const [creating, setCreating] = useState(false);

  let body;
  if (studies.loading) body = <Progress />;
  else if (studies.error) body = <ResponseErrorPanel error={studies.error} />;
  else if (!studies.value?.length)
    body = (
      <Empty>
        No study yet. One is proposed automatically when a quarter starts
        without one; or create it now.
      </Empty>
    );
  else
    body = (
      <Table size="small" aria-label="Interview studies">
        <TableHead>
          <TableRow>
            <TableCell>Quarter</TableCell>
            <TableCell>Study</TableCell>
            <TableCell>Status</TableCell>
            <TableCell align="right">Accepted / goal</TableCell>
            <TableCell align="right">Interviewed</TableCell>
            <TableCell>Summary</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {studies.value.map(s => (
            <TableRow key={s.id}>
              <TableCell>
                <Figure>{quarterLabel(s.quarter)}</Figure>
              </TableCell>
              <TableCell>
                <Link to={`${root()}/studies/${s.id}`}>{s.title}</Link>
                {s.status === 'proposed' && s.scheduled && (
                  <Chip
                    size="small"
                    label="Proposed by the schedule"
                    sx={{ ml: 1 }}
                  />
                )}
              </TableCell>
              <TableCell>{statusLabel(s.status)}</TableCell>
              <TableCell align="right">
                <Figure>{`${s.accepted} / ${s.goal}`}</Figure>
              </TableCell>
              <TableCell align="right">
                <Figure>{s.interviewed}</Figure>
              </TableCell>
              <TableCell>
                {s.summaryPublished ? 'Published' : 'Draft'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );

  return (
    <Section
      title="Interview studies"
      subheader="6 to 10 conversations a quarter about what developers did, not what they want."
      action={
        <Button variant="contained" onClick={() => setCreating(true)}>
          New study
        </Button>
      }
    >
      {body}
      <NewStudyDialog open={creating} onClose={() => setCreating(false)} />
    </Section>
  );
}
