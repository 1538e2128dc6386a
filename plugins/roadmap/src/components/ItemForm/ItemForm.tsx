import { FormEvent, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useApi } from '@backstage/core-plugin-api';
import {
  CATEGORIES,
  Category,
  CreateItemRequest,
  HORIZONS,
  Horizon,
  LABELS,
  RoadmapItem,
  RoadmapStatus,
  STATUSES,
  createItemSchema,
} from '@paved/plugin-roadmap-common';
import {
  FieldErrors,
  GroupPicker,
  fieldErrorsFromIssues,
  serverFieldErrors,
} from '@paved/frontend-utils';
import { quarterLabel, upcomingQuarters } from '@paved/common';
import { roadmapApiRef } from '../../api/RoadmapApi';
import { DEFAULT_OWNER, isConflict } from '../format';

interface FormState {
  title: string;
  summary: string;
  description: string;
  problem: string;
  category: Category;
  owner: string;
  horizon: Horizon;
  targetQuarter: string;
  status: RoadmapStatus;
  declineReason: string;
  links: { title: string; url: string }[];
  breakingNotice: string;
  breakingDate: string;
}

function toState(item?: RoadmapItem): FormState {
  return {
    title: item?.title ?? '',
    summary: item?.summary ?? '',
    description: item?.description ?? '',
    problem: item?.problem ?? '',
    category: item?.category ?? 'developer-portal',
    owner: item?.owner ?? DEFAULT_OWNER,
    horizon: item?.horizon ?? 'later',
    targetQuarter: item?.targetQuarter ?? '',
    status: item?.status ?? 'exploring',
    declineReason: item?.declineReason ?? '',
    links: item?.links.map(l => ({ ...l })) ?? [],
    breakingNotice: item?.breakingChange?.notice ?? '',
    breakingDate: item?.breakingChange?.effectiveDate ?? '',
  };
}

function toRequest(state: FormState): CreateItemRequest {
  const declined = state.status === 'declined';
  return {
    title: state.title.trim(),
    summary: state.summary.trim(),
    description: state.description,
    problem: state.problem,
    category: state.category,
    owner: state.owner.trim(),
    horizon: state.horizon,
    targetQuarter: state.targetQuarter || null,
    status: state.status,
    declineReason: declined ? state.declineReason.trim() : null,
    links: state.links
      .filter(l => l.title.trim() || l.url.trim())
      .map(l => ({ title: l.title.trim(), url: l.url.trim() })),
    // Half a breaking change is sent as such, so the schema says what is missing.
    breakingChange:
      state.breakingNotice.trim() || state.breakingDate
        ? {
            notice: state.breakingNotice.trim(),
            effectiveDate: state.breakingDate,
          }
        : null,
  };
}

// The schema's reasons in the form's words, where the schema's are technical.
const PLAIN: Array<[RegExp, string]> = [
  [/needs a public declineReason/, 'A declined item needs a public reason.'],
  [
    /effectiveDate must be a date/,
    'Choose the day the breaking change takes effect.',
  ],
  [/owner must be a group/, 'Choose the team that owns this item.'],
];
const plain = (message: string) =>
  PLAIN.find(([pattern]) => pattern.test(message))?.[1] ?? message;

/**
 * The PM form for a new item or an edit. An edit names the version it was
 * based on; when someone else changed the item meanwhile (409), it offers to
 * reload the current version instead of overwriting it.
 */
export function ItemForm(props: {
  item?: RoadmapItem;
  onSaved: (item: RoadmapItem) => void;
  onCancel: () => void;
}) {
  const roadmapApi = useApi(roadmapApiRef);
  const [base, setBase] = useState(props.item);
  const [state, setState] = useState(() => toState(props.item));
  const [error, setError] = useState<string>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState(false);
  // The reason for one field, from the browser-side check or the server.
  const problem = (field: string) =>
    errors[field] ? plain(errors[field]) : undefined;
  const fieldProps = (field: string, helperText?: string) => ({
    error: Boolean(errors[field]),
    helperText: problem(field) ?? helperText,
  });
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setState(s => ({ ...s, [key]: value }));

  const quarters = upcomingQuarters(new Date());
  if (state.targetQuarter && !quarters.includes(state.targetQuarter)) {
    quarters.unshift(state.targetQuarter);
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    setConflict(false);
    const body = toRequest(state);
    // The same rules the server applies (roadmap-common), checked before sending.
    const checked = createItemSchema.safeParse(body);
    if (!checked.success) {
      setErrors(fieldErrorsFromIssues(checked.error.issues));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = base
        ? await roadmapApi.updateItem(base.id, {
            version: base.version,
            ...body,
          })
        : await roadmapApi.createItem(body);
      props.onSaved(saved);
    } catch (e) {
      if (isConflict(e)) setConflict(true);
      else {
        const reasons = serverFieldErrors(e);
        setErrors(reasons.fields);
        setError(reasons.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    if (!base) return;
    setBusy(true);
    try {
      const current = await roadmapApi.getItem(base.id);
      setBase(current);
      setState(toState(current));
      setConflict(false);
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const formName = base ? `Edit ${base.title}` : 'New roadmap item';
  return (
    <Box component="form" aria-label={formName} onSubmit={submit} noValidate>
      <Stack spacing={2} mt={1}>
        {conflict && (
          <Alert
            severity="warning"
            action={
              <Button color="inherit" onClick={reload} disabled={busy}>
                Reload
              </Button>
            }
          >
            Someone else changed this item since you opened it. Reload to see
            the current version; your changes here will be replaced.
          </Alert>
        )}
        {error && <Alert severity="error">{error}</Alert>}
        {Object.keys(errors).length > 0 && (
          <Alert severity="error">
            Some fields need a change before the item can be saved; each says
            why.
          </Alert>
        )}
        <TextField
          label="Title"
          required
          value={state.title}
          onChange={e => set('title', e.target.value)}
          inputProps={{ maxLength: 200 }}
          {...fieldProps('title')}
        />
        <TextField
          label="Summary"
          required
          value={state.summary}
          onChange={e => set('summary', e.target.value)}
          inputProps={{ maxLength: 500 }}
          {...fieldProps('summary')}
        />
        <TextField
          label="Problem"
          multiline
          minRows={2}
          value={state.problem}
          onChange={e => set('problem', e.target.value)}
          {...fieldProps('problem', 'The problem developers have today')}
        />
        <TextField
          label="Description"
          multiline
          minRows={4}
          value={state.description}
          onChange={e => set('description', e.target.value)}
          {...fieldProps('description', 'Markdown')}
        />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            select
            fullWidth
            id="roadmap-form-category"
            label="Category"
            value={state.category}
            onChange={e => set('category', e.target.value as Category)}
          >
            {CATEGORIES.map(c => (
              <MenuItem key={c} value={c}>
                {LABELS[c]}
              </MenuItem>
            ))}
          </TextField>
          <Box sx={{ width: '100%' }}>
            <GroupPicker
              id="roadmap-form-owner"
              label="Owner"
              required
              value={state.owner ? [state.owner] : []}
              onChange={refs => set('owner', refs[0] ?? '')}
              error={problem('owner')}
              helperText="The team that owns this item"
            />
          </Box>
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            select
            fullWidth
            id="roadmap-form-horizon"
            label="Horizon"
            value={state.horizon}
            onChange={e => set('horizon', e.target.value as Horizon)}
          >
            {HORIZONS.map(h => (
              <MenuItem key={h} value={h}>
                {LABELS[h]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            fullWidth
            id="roadmap-form-quarter"
            label="Target quarter"
            value={state.targetQuarter}
            onChange={e => set('targetQuarter', e.target.value)}
          >
            <MenuItem value="">None</MenuItem>
            {quarters.map(q => (
              <MenuItem key={q} value={q}>
                {quarterLabel(q)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            fullWidth
            id="roadmap-form-status"
            label="Status"
            value={state.status}
            onChange={e => set('status', e.target.value as RoadmapStatus)}
          >
            {STATUSES.map(s => (
              <MenuItem key={s} value={s}>
                {LABELS[s]}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        {state.status === 'declined' && (
          <TextField
            label="Decline reason"
            required
            multiline
            minRows={2}
            value={state.declineReason}
            onChange={e => set('declineReason', e.target.value)}
            {...fieldProps(
              'declineReason',
              'Shown publicly under “Not doing, and why”',
            )}
          />
        )}
        <Typography variant="subtitle2" component="h3">
          Links
        </Typography>
        {state.links.map((link, index) => (
          <Stack direction="row" spacing={1} key={index} alignItems="center">
            <TextField
              size="small"
              label={`Link ${index + 1} title`}
              {...fieldProps(`links.${index}.title`)}
              value={link.title}
              onChange={e =>
                set(
                  'links',
                  state.links.map((l, i) =>
                    i === index ? { ...l, title: e.target.value } : l,
                  ),
                )
              }
            />
            <TextField
              size="small"
              fullWidth
              label={`Link ${index + 1} URL`}
              type="url"
              {...fieldProps(`links.${index}.url`)}
              value={link.url}
              onChange={e =>
                set(
                  'links',
                  state.links.map((l, i) =>
                    i === index ? { ...l, url: e.target.value } : l,
                  ),
                )
              }
            />
            <IconButton
              aria-label={`Remove link ${index + 1}`}
              onClick={() =>
                set(
                  'links',
                  state.links.filter((_, i) => i !== index),
                )
              }
            >
              ×
            </IconButton>
          </Stack>
        ))}
        <Box>
          <Button
            size="small"
            disabled={state.links.length >= 20}
            onClick={() =>
              set('links', [...state.links, { title: '', url: '' }])
            }
          >
            Add link
          </Button>
        </Box>
        <Typography variant="subtitle2" component="h3">
          Breaking change
        </Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            fullWidth
            multiline
            label="Breaking change notice"
            value={state.breakingNotice}
            onChange={e => set('breakingNotice', e.target.value)}
            {...fieldProps(
              'breakingChange.notice',
              'Leave empty when nothing breaks',
            )}
          />
          <TextField
            label="Takes effect on"
            type="date"
            InputLabelProps={{ shrink: true }}
            value={state.breakingDate}
            onChange={e => set('breakingDate', e.target.value)}
            {...fieldProps('breakingChange.effectiveDate')}
            // Wide enough for the whole date and its picker button.
            sx={{ minWidth: 220, flexShrink: 0 }}
          />
        </Stack>
        <Stack direction="row" spacing={1} justifyContent="flex-end">
          <Button onClick={props.onCancel}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {base ? 'Save changes' : 'Create item'}
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}
