import { ReactNode, useId } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { InfoCard } from '@backstage/core-components';

/** A card that is also a named region of the page, so screen readers can jump to it. */
export function Section(props: {
  title: string;
  subheader?: ReactNode;
  action?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <Box component="section" aria-labelledby={id}>
      <InfoCard
        title={<span id={id}>{props.title}</span>}
        titleTypographyProps={{ component: 'h2' }}
        subheader={props.subheader}
        action={props.action}
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
