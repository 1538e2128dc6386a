import { ReactNode, useId } from 'react';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';

/**
 * A card that is also a named region of the page (its title a level-2 heading), so
 * screen-reader users can jump between the sections of a Paved page.
 */
export function Section(props: {
  title: string;
  subheader?: ReactNode;
  action?: ReactNode;
  /** Stretch to the height of its grid row (cards side by side). */
  fullHeight?: boolean;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      sx={props.fullHeight ? { height: '100%' } : undefined}
    >
      <InfoCard
        title={<span id={headingId}>{props.title}</span>}
        titleTypographyProps={{ component: 'h2' }}
        subheader={props.subheader}
        action={props.action}
        variant={props.fullHeight ? 'fullHeight' : undefined}
      >
        {props.children}
      </InfoCard>
    </Box>
  );
}

/** What a section says when it has nothing to show. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
      {children}
    </Typography>
  );
}

/** Numbers never break across lines. */
export const nowrap = { whiteSpace: 'nowrap' } as const;

/** A number with its unit that never wraps in the middle ("3 of 8"). */
export function Figure({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={nowrap}>
      {children}
    </Box>
  );
}

/** A section's body by state: loading, error, or the loaded value (kept while the next loads). */
export function byState<T>(
  state: { loading: boolean; error?: Error; value?: T },
  render: (value: T) => ReactNode,
): ReactNode {
  if (state.error) return <ResponseErrorPanel error={state.error} />;
  if (state.value === undefined) return <Progress />;
  return (
    <>
      {state.loading && <LinearProgress aria-label="Updating" />}
      {render(state.value)}
    </>
  );
}
