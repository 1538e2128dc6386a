import { ReactNode, useId } from 'react';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';

/** A card that is also a named region of the page, so screen readers can jump to it. */
export function Section(props: {
  title: string;
  subheader?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Box component="section" aria-labelledby={id} sx={{ height: '100%' }}>
      <InfoCard
        title={<span id={id}>{props.title}</span>}
        titleTypographyProps={{ component: 'h2' }}
        subheader={props.subheader}
        action={props.action}
        variant="fullHeight"
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

/** A body by state: loading, error, or the loaded value (kept while the next loads). */
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
