import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  GOLDEN_PATH_VERSION_ANNOTATION,
  isOlderVersion,
  sourceTemplateRef,
} from '@paved/plugin-golden-paths-common';
import { isNotFound, statusOf } from '@paved/frontend-utils';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../../api/GoldenPathsApi';
import { usePathLink } from '../links';

/**
 * On a component's catalog page: the golden path and version it was created
 * from, and whether the path has a newer version since.
 */
export function EntityGoldenPathCard() {
  const { entity } = useEntity();
  const goldenPathsApi = useApi(goldenPathsApiRef);
  const pathLink = usePathLink();
  const templateRef = sourceTemplateRef(entity);
  const createdFrom =
    entity.metadata.annotations?.[GOLDEN_PATH_VERSION_ANNOTATION] ?? null;
  const template = templateRef ? parseEntityRef(templateRef) : undefined;
  const path = useAsync(async () => {
    if (!template) return undefined;
    try {
      return await goldenPathsApi.getPath(template.namespace, template.name);
    } catch (e) {
      // A template that is not (or no longer) an approved golden path.
      if (isNotFound(e) || statusOf(e) === 400) return null;
      throw e;
    }
  }, [goldenPathsApi, template?.namespace, template?.name]);

  let body;
  if (!template) {
    body = (
      <Typography variant="body2">
        Not created from a golden path template.
      </Typography>
    );
  } else if (path.loading) {
    body = <Progress />;
  } else if (path.error) {
    body = <ResponseErrorPanel error={path.error} />;
  } else if (!path.value) {
    body = (
      <Typography variant="body2">
        {`Created from the template ${template.name}, which is not an approved golden path.`}
      </Typography>
    );
  } else {
    const current = path.value.version;
    const outdated = isOlderVersion(createdFrom, current);
    body = (
      <Box>
        <Typography variant="body1">
          {'Created from the golden path '}
          <Link
            to={pathLink(path.value.namespace, path.value.name)}
            underline="always"
          >
            {path.value.title}
          </Link>
          {createdFrom ? `, version ${createdFrom}.` : '.'}
        </Typography>
        <Box mt={1.5}>
          {!createdFrom && (
            <Alert severity="info">
              {`The version it was created from is not recorded. The path is at version ${
                current ?? 'unknown'
              }.`}
            </Alert>
          )}
          {createdFrom && outdated && (
            <Alert severity="warning">
              {`A newer version of the path exists: ${current}. Its guide says what changed; bring this component up to date when you can.`}
            </Alert>
          )}
          {createdFrom && !outdated && (
            <Alert severity="success">
              {`Up to date: ${
                current ?? createdFrom
              } is the path's current version.`}
            </Alert>
          )}
        </Box>
      </Box>
    );
  }
  return (
    <Box
      component="section"
      id="paved-golden-path-card"
      aria-labelledby="paved-golden-path-card-title"
    >
      <InfoCard
        title={<span id="paved-golden-path-card-title">Golden path</span>}
        titleTypographyProps={{ component: 'h2' }}
      >
        {body}
      </InfoCard>
    </Box>
  );
}
