import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { GOLDEN_PATH_ANNOTATION } from '@paved/plugin-golden-paths-common';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../../api/GoldenPathsApi';
import { PathCard } from '../PathCard';

/** Shown when no template is an approved golden path yet. */
function NoPaths() {
  return (
    <>
      <Typography variant="h6" component="p" sx={{ pt: 2 }}>
        No approved golden paths yet
      </Typography>
      <Typography variant="body2" color="text.secondary">
        To make a Software Template a golden path, annotate it with{' '}
        <code>{`${GOLDEN_PATH_ANNOTATION}: "true"`}</code>; it appears here once
        the catalog has read it.
      </Typography>
    </>
  );
}

/** The Paths tab: one card per approved golden path. */
export function PathsTab() {
  const goldenPathsApi = useApi(goldenPathsApiRef);
  const paths = useAsync(() => goldenPathsApi.listPaths(), [goldenPathsApi]);

  if (paths.loading) return <Progress />;
  if (paths.error) return <ResponseErrorPanel error={paths.error} />;
  if (!paths.value?.length) return <NoPaths />;
  return (
    <Grid
      container
      spacing={2}
      component="ul"
      aria-label="Golden paths"
      sx={{ listStyle: 'none', p: 0 }}
    >
      {paths.value.map(path => (
        <Grid item xs={12} md={6} xl={4} component="li" key={path.templateRef}>
          <PathCard goldenPath={path} />
        </Grid>
      ))}
    </Grid>
  );
}
