import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { Campaign, Trend } from '@paved/plugin-nps-common';
import { npsApiRef } from '../../api/NpsApi';
import { volunteerRouteRef } from '../../plugin';
import { NpsAnswerForm } from '../NpsAnswerForm';
import { formatNps } from '../format';

// The NPS page has its own form: /nps and anything below it, nothing else.
const onNpsPage = (pathname: string) => /^\/nps(\/|$)/.test(pathname);

type State =
  | { step: 'asking' }
  | { step: 'thanks'; trend: Trend | null }
  | { step: 'snoozed'; until: string }
  | { step: 'gone' };

/** A day as people read it, e.g. "Thursday 3 December". */
function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
}

/**
 * Keeps the panel's height free at the bottom of every page, so whatever the
 * panel covers can be scrolled above it (and focus scrolls clear of it).
 */
function useReservedSpace(panel: React.RefObject<HTMLElement>, on: boolean) {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const element = panel.current;
    if (!on || !element) return undefined;
    setHeight(element.offsetHeight);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setHeight(element.offsetHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [panel, on]);
  return on ? height : 0;
}

/**
 * The survey prompt shown on every page while a campaign asks the user: a panel
 * in the corner, never a modal, so it does not block work.
 */
export function NpsPrompt() {
  const npsApi = useApi(npsApiRef);
  const location = useLocation();
  const prompt = useAsync(() => npsApi.getPrompt(), [npsApi]);
  const shipped = useAsync(async () => {
    const current = prompt.value?.campaign;
    if (!current) return [];
    // Items shipped since the previous campaign opened: what changed since you last answered.
    const campaigns = await npsApi.listCampaigns();
    const previous = campaigns
      .filter(c => c.opensAt < current.opensAt)
      .sort((a, b) => b.opensAt.localeCompare(a.opensAt))[0];
    return previous ? npsApi.getShippedSince(previous.opensAt) : [];
  }, [npsApi, prompt.value]);
  const [state, setState] = useState<State>({ step: 'asking' });
  const [error, setError] = useState<string | null>(null);
  const panel = useRef<HTMLElement>(null);
  const campaign: Campaign | null | undefined = prompt.value?.campaign;
  const shown = Boolean(
    campaign && !onNpsPage(location.pathname) && state.step !== 'gone',
  );
  const reserved = useReservedSpace(panel, shown);

  // The NPS page has its own form; errors loading the prompt stay silent.
  if (!shown || !campaign) return null;
  const days = prompt.value?.remindLaterDays;

  async function putOff(action: 'later' | 'quarter') {
    try {
      if (action === 'later') {
        const { until } = await npsApi.remindLater(campaign!.id);
        setState({ step: 'snoozed', until });
      } else {
        await npsApi.notThisQuarter(campaign!.id);
        setState({ step: 'gone' });
      }
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function answered() {
    const trend = await npsApi.getTrend().catch(() => null);
    setState({ step: 'thanks', trend });
  }

  return (
    <Paper
      ref={panel}
      component="aside"
      role="complementary"
      aria-label="Platform survey"
      elevation={8}
      sx={{
        position: 'fixed',
        right: 24,
        bottom: 24,
        width: 460,
        maxWidth: 'calc(100vw - 48px)',
        p: 2,
        zIndex: 1200,
        maxHeight: 'calc(100vh - 48px)',
        overflowY: 'auto',
      }}
    >
      {reserved > 0 && (
        <GlobalStyles
          styles={{
            '[data-backstage-core-page]': {
              paddingBottom: reserved + 48,
              scrollPaddingBottom: reserved + 48,
            },
          }}
        />
      )}
      <Stack direction="row" justifyContent="space-between" alignItems="start">
        <Typography variant="subtitle2" component="h2" gutterBottom>
          {campaign.title}
        </Typography>
        {(state.step === 'thanks' || state.step === 'snoozed') && (
          <IconButton
            size="small"
            aria-label="Close the survey panel"
            onClick={() => setState({ step: 'gone' })}
          >
            ×
          </IconButton>
        )}
      </Stack>
      {state.step === 'asking' && (shipped.value ?? []).length > 0 && (
        <Typography variant="body2" sx={{ mb: 1 }}>
          Since the last survey we shipped:{' '}
          {shipped.value!.slice(0, 4).map((item, i) => (
            <span key={item.id}>
              {i > 0 && ', '}
              <Link component={RouterLink} to={`/roadmap/items/${item.id}`}>
                {item.title}
              </Link>
            </span>
          ))}
          .
        </Typography>
      )}
      {state.step === 'asking' && (
        <NpsAnswerForm
          campaign={campaign}
          onAnswered={answered}
          actions={
            <>
              <Button onClick={() => putOff('later')}>
                {days
                  ? `Remind me later (in ${days} ${
                      days === 1 ? 'day' : 'days'
                    })`
                  : 'Remind me later'}
              </Button>
              <Button onClick={() => putOff('quarter')}>
                Not this quarter
              </Button>
            </>
          }
        />
      )}
      {state.step === 'thanks' && <Thanks trend={state.trend} />}
      {state.step === 'snoozed' && (
        <Snoozed
          until={state.until}
          onClose={() => setState({ step: 'gone' })}
        />
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
    </Paper>
  );
}

/** Moves keyboard focus to an element once it is shown: where the user's next step is. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

function Snoozed(props: { until: string; onClose: () => void }) {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <Stack spacing={1} role="status" ref={ref} tabIndex={-1}>
      <Typography>
        {`We will ask you again on ${formatDay(
          props.until,
        )}. You can also answer any time on the Platform NPS page.`}
      </Typography>
      <Button sx={{ alignSelf: 'start' }} onClick={props.onClose}>
        OK
      </Button>
    </Stack>
  );
}

function Thanks({ trend }: { trend: Trend | null }) {
  // Bound by the app (e.g. to user research); the link carries nothing of the answer.
  const volunteer = useRouteRef(volunteerRouteRef);
  const recent = (trend?.points ?? []).filter(p => p.summary).slice(-4);
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <Stack
      spacing={1}
      role="status"
      ref={ref}
      tabIndex={-1}
      sx={{ '&:focus-visible': { outline: 'none' } }}
    >
      <Typography>
        Thank you! Your answer is stored confidentially and counted with others
        in a batch, at the latest when the survey closes.
      </Typography>
      {recent.length > 0 && (
        <Typography variant="body2">
          Platform NPS lately:{' '}
          {recent
            .map(
              p =>
                `${p.campaign.title.replace('Platform NPS ', '')} ${formatNps(
                  p.summary!.nps,
                )}`,
            )
            .join(' · ')}
        </Typography>
      )}
      <Link component={RouterLink} to="/nps">
        See the results and the trend
      </Link>
      {volunteer && (
        <Link component={RouterLink} to={volunteer()}>
          I'd talk to the platform team for 30 minutes
        </Link>
      )}
    </Stack>
  );
}
