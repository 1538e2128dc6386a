import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { Link } from '@backstage/core-components';
import { downloadText, serverMessage } from '@paved/frontend-utils';
import { loadReview, reviewMarkdown } from '../../health/review';
import { useReviewApis } from './useReviewApis';

/** One click: the quarterly leadership review as Markdown; beside it, the printable page. */
export function ReviewExportButton() {
  const apis = useReviewApis();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const targets = await apis.health.getTargets();
      const data = await loadReview(apis, targets);
      await apis.health.recordReviewExport(data.quarter, 'markdown');
      downloadText(
        reviewMarkdown(data),
        `platform-health-review-${data.quarter}.md`,
        'text/markdown',
      );
    } catch (e) {
      setError(serverMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
      <Button variant="contained" onClick={download} disabled={busy}>
        {busy ? 'Preparing the review…' : 'Download quarterly review'}
      </Button>
      <Link to="review">Printable review</Link>
      {error && <Alert severity="error">{error}</Alert>}
    </Box>
  );
}
