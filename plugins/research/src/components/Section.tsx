import { ReactNode, useId } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { InfoCard } from '@backstage/core-components';

/** A card that is a named region, so screen-reader users can jump between them. */
export function Section(props: {
  title: string;
  subheader?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId}>
      <InfoCard
        title={<span id={headingId}>{props.title}</span>}
        titleTypographyProps={{ component: 'h2' }}
        subheader={props.subheader}
        action={props.action}
      >
        {props.children}
      </InfoCard>
    </Box>
  );
}

/** The text of an empty view. */
export function Nothing({ children }: { children: ReactNode }) {
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
      {children}
    </Typography>
  );
}

/** A number with its unit that never wraps in the middle ("3 of 8"). */
export function Figure({ children }: { children: ReactNode }) {
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
      {children}
    </Box>
  );
}
