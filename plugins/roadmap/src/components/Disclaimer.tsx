import Alert from '@mui/material/Alert';
import { ROADMAP_DISCLAIMER } from './format';

/** The forward-looking disclaimer, on every roadmap page. */
export function Disclaimer() {
  return (
    <Alert severity="info" role="note" sx={{ mb: 2 }}>
      {ROADMAP_DISCLAIMER}
    </Alert>
  );
}
