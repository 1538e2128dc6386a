import { ReactNode } from 'react';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router-dom';

/** Props of {@link NotFoundPanel}. */
export interface NotFoundPanelProps {
  /** What was not found, as a heading, e.g. "This roadmap item does not exist". */
  title: string;
  /** Why that may be, in plain words. */
  children?: ReactNode;
  /** Where to go instead, and the link's text. */
  backTo: string;
  backLabel: string;
}

/**
 * What a page shows for something that does not exist (a deleted item, a
 * mistyped address): a heading, why, and a way back, never a raw 404.
 */
export function NotFoundPanel(props: NotFoundPanelProps) {
  return (
    <Paper
      component="section"
      aria-labelledby="paved-not-found-title"
      variant="outlined"
      sx={{ p: 3, maxWidth: 720 }}
    >
      <Typography
        id="paved-not-found-title"
        variant="h5"
        component="h2"
        gutterBottom
      >
        {props.title}
      </Typography>
      {props.children && (
        <Typography variant="body1" sx={{ mb: 2 }}>
          {props.children}
        </Typography>
      )}
      <Button variant="contained" component={RouterLink} to={props.backTo}>
        {props.backLabel}
      </Button>
    </Paper>
  );
}
