import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  InterviewNotes,
  Observation,
  RoadmapItemRef,
  SharedTheme,
} from '@paved/plugin-research-common';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { researchApiRef } from '../../api/ResearchApi';
import { rootRouteRef } from '../../routes';
import { formatSlot, roadmapItemPath, statusLabel } from '../format';
import { ObservationForm } from './ObservationForm';
import { Empty, Section } from '@paved/frontend-utils';

function Finding(props: {
  observation: Observation;
  editable: boolean;
  themes: SharedTheme[];
  roadmapItems: RoadmapItemRef[] | undefined;
  onChanged: (notes?: InterviewNotes) => void;
}) {
  const { observation: o, editable } = props;
  const researchApi = useApi(researchApiRef);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  if (editing) {
    return (
      <ObservationForm
        themes={props.themes}
        roadmapItems={props.roadmapItems}
        initial={o}
        submitLabel="Save finding"
        onCancel={() => setEditing(false)}
        onSubmit={async body => {
          props.onChanged(await researchApi.updateObservation(o.id, body));
          setEditing(false);
        }}
      />
    );
  }
  return (
    <Stack component="article" spacing={0.5} aria-label={`Finding: ${o.theme}`}>
      <Stack
        direction="row"
        spacing={1}
        alignItems="center"
        flexWrap="wrap"
        useFlexGap
      >
        <Chip size="small" color="primary" label={o.theme} />
        {o.quote && <Chip size="small" variant="outlined" label="Quote" />}
      </Stack>
      {o.text === null ? (
        <Typography variant="body2" color="text.secondary">
          Words removed: the participant withdrew. The theme and root cause
          stay.
        </Typography>
      ) : (
        <Typography
          component={o.quote ? 'blockquote' : 'p'}
          sx={o.quote ? { fontStyle: 'italic', m: 0 } : undefined}
        >
          {o.text}
        </Typography>
      )}
      {o.rootCause && (
        <Typography variant="body2">
          <strong>Root cause:</strong> {o.rootCause}
        </Typography>
      )}
      {o.roadmapItemId && (
        <Typography variant="body2">
          <strong>Roadmap:</strong>{' '}
          <Link to={roadmapItemPath(o.roadmapItemId)}>
            {o.roadmapItemTitle ?? 'a roadmap item'}
          </Link>
        </Typography>
      )}
      {editable && (
        <Stack direction="row" spacing={1}>
          <Button size="small" onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button
            size="small"
            color="error"
            onClick={async () => {
              setError(undefined);
              try {
                await researchApi.deleteObservation(o.id);
                props.onChanged();
              } catch (e) {
                setError((e as Error).message);
              }
            }}
          >
            Delete
          </Button>
        </Stack>
      )}
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}

function RawNotes({
  notes,
  onSaved,
}: {
  notes: InterviewNotes;
  onSaved: (n: InterviewNotes) => void;
}) {
  const researchApi = useApi(researchApiRef);
  const [text, setText] = useState(notes.rawNotes ?? '');
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  useEffect(() => setText(notes.rawNotes ?? ''), [notes.rawNotes]);
  const editable = notes.status === 'accepted';
  return (
    <Section
      title="Raw notes"
      subheader="Only holders of research.notes.read see these; they are deleted if the participant withdraws."
    >
      <Stack spacing={1}>
        <TextField
          label="Raw notes"
          value={text}
          onChange={e => setText(e.target.value)}
          multiline
          minRows={8}
          fullWidth
          disabled={!editable}
          inputProps={{ maxLength: 20000 }}
        />
        {editable && (
          <Stack direction="row" spacing={1} alignItems="center">
            <Button
              variant="outlined"
              disabled={text === (notes.rawNotes ?? '')}
              onClick={async () => {
                setError(undefined);
                try {
                  onSaved(
                    await researchApi.setRawNotes(notes.invitationId, text),
                  );
                  setStatus('Saved');
                } catch (e) {
                  setError((e as Error).message);
                }
              }}
            >
              Save notes
            </Button>
            {status && (
              <Typography variant="body2" role="status">
                {status}
              </Typography>
            )}
          </Stack>
        )}
        {error && <Alert severity="error">{error}</Alert>}
      </Stack>
    </Section>
  );
}

/** /research/interviews/:id: one interview's findings and, with research.notes.read, its raw notes. */
export function InterviewPage() {
  const { id = '' } = useParams();
  const researchApi = useApi(researchApiRef);
  const root = useRouteRef(rootRouteRef);
  const loaded = useAsyncRetry(
    () => researchApi.getInterview(id),
    [researchApi, id],
  );
  const [fresh, setFresh] = useState<InterviewNotes>();
  const themes = useAsync(() => researchApi.listThemes(), [researchApi]);
  const items = useAsync(
    () => researchApi.listRoadmapItems().catch(() => undefined),
    [researchApi],
  );
  useEffect(() => setFresh(undefined), [loaded.value]);
  const notes = fresh ?? loaded.value;
  const changed = (next?: InterviewNotes) =>
    next ? setFresh(next) : loaded.retry();

  let body;
  if (loaded.loading && !notes) body = <Progress />;
  else if (loaded.error) body = <ResponseErrorPanel error={loaded.error} />;
  else if (notes) {
    const editable = notes.status === 'accepted';
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12} lg={notes.rawNotes !== undefined ? 7 : 12}>
          <Section
            title="Findings"
            subheader="Each observation carries a theme from the shared list and a root cause; quotes are marked."
          >
            <Stack spacing={2} divider={<Divider flexItem />}>
              {notes.observations.length === 0 && (
                <Empty>No findings yet.</Empty>
              )}
              {notes.observations.map(o => (
                <Finding
                  key={o.id}
                  observation={o}
                  editable={editable}
                  themes={themes.value ?? []}
                  roadmapItems={items.value}
                  onChanged={changed}
                />
              ))}
              {editable && (
                <div>
                  <Typography variant="subtitle1" component="h3" mb={1}>
                    Add a finding
                  </Typography>
                  {themes.error ? (
                    <ResponseErrorPanel error={themes.error} />
                  ) : (
                    <ObservationForm
                      themes={themes.value ?? []}
                      roadmapItems={items.value}
                      submitLabel="Add finding"
                      onSubmit={async body2 =>
                        setFresh(
                          await researchApi.addObservation(
                            notes.invitationId,
                            body2,
                          ),
                        )
                      }
                    />
                  )}
                </div>
              )}
              {!editable && (
                <Empty>
                  {notes.status === 'withdrawn'
                    ? 'The participant withdrew: their words and notes are gone, and nothing can be added.'
                    : 'Findings are written once the participant has accepted.'}
                </Empty>
              )}
            </Stack>
          </Section>
        </Grid>
        {notes.rawNotes !== undefined && (
          <Grid item xs={12} lg={5}>
            <RawNotes notes={notes} onSaved={setFresh} />
          </Grid>
        )}
      </Grid>
    );
  }

  const who = notes?.displayName
    ? `${notes.label}: ${notes.displayName}`
    : notes?.label;
  return (
    <Page themeId="tool">
      <Header
        title={who ?? 'Interview'}
        subtitle={
          notes
            ? `${notes.studyTitle} · ${statusLabel(
                notes.status,
              )} · ${formatSlot(notes.slot)}`
            : 'User research'
        }
      />
      <Content>
        <Typography mb={2}>
          {notes ? (
            <Link to={`${root()}/studies/${notes.studyId}?tab=interviews`}>
              ← {notes.studyTitle}
            </Link>
          ) : (
            <Link to={root()}>← User research</Link>
          )}
        </Typography>
        {body}
      </Content>
    </Page>
  );
}
