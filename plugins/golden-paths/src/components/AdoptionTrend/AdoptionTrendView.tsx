import { lazy, Suspense, useState } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Progress } from '@backstage/core-components';
import { AdoptionTrend } from '@paved/plugin-golden-paths-common';
import { AdoptionTable } from './AdoptionTable';
import { Empty, PressedButton } from '@paved/frontend-utils';

// Loaded on demand so the chart library does not weigh on the portal's first load.
const AdoptionTrendChart = lazy(() => import('./AdoptionTrendChart'));

/** The adoption trend as a chart, or the same figures as a table. */
export function AdoptionTrendView({ trend }: { trend: AdoptionTrend }) {
  const [asTable, setAsTable] = useState(false);
  if (trend.quarters.every(q => q.adoption === null)) {
    return <Empty>No new components in these quarters.</Empty>;
  }
  return (
    <Stack spacing={1}>
      <Stack direction="row" justifyContent="flex-end">
        <PressedButton pressed={asTable} onToggle={setAsTable}>
          Show as table
        </PressedButton>
      </Stack>
      {asTable ? (
        <AdoptionTable trend={trend} />
      ) : (
        <Suspense fallback={<Progress />}>
          <AdoptionTrendChart trend={trend} />
        </Suspense>
      )}
      <Typography variant="caption" color="text.secondary">
        Quarters without new components are left blank: there is no rate to
        show.
      </Typography>
    </Stack>
  );
}
