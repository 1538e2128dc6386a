import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import {
  Content,
  Header,
  Link,
  MarkdownContent,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  GOLDEN_PATH_GUIDE_ANNOTATION,
  GoldenPathDetail,
} from '@paved/plugin-golden-paths-common';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { goldenPathsApiRef } from '../../api/GoldenPathsApi';
import { rootRouteRef } from '../../routes';
import { PathChips, PathFacts, UsePathButton } from '../PathCard';
import { safeImageUri, safeLinkUri } from '../format';
import {
  Empty,
  isNotFound,
  NotFoundPanel,
  Section,
  statusOf,
} from '@paved/frontend-utils';
import { PathServicesTable } from './PathServicesTable';

function PathDetails({ goldenPath }: { goldenPath: GoldenPathDetail }) {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <Section title="About this path">
          <Typography variant="body1">{goldenPath.description}</Typography>
          <PathChips goldenPath={goldenPath} />
          <PathFacts goldenPath={goldenPath} />
          <UsePathButton
            goldenPath={goldenPath}
            describedBy="golden-path-title"
          />
        </Section>
      </Grid>
      <Grid item xs={12} md={8}>
        <Stack spacing={3}>
          <Section title="Guide">
            {(goldenPath.guide ?? '').trim() ? (
              <div data-testid="golden-path-guide">
                {/* Raw HTML never becomes elements; only safe link and image targets. */}
                <MarkdownContent
                  content={goldenPath.guide}
                  dialect="gfm"
                  transformLinkUri={safeLinkUri}
                  transformImageUri={safeImageUri}
                />
              </div>
            ) : (
              <Empty>
                This path has no guide yet. Its owners can add one in the
                template's <code>{GOLDEN_PATH_GUIDE_ANNOTATION}</code>{' '}
                annotation.
              </Empty>
            )}
          </Section>
          <Section
            title="Services created from this path"
            subheader={
              goldenPath.version
                ? `Current version ${goldenPath.version}; services made from an earlier version are marked "Older version".`
                : undefined
            }
          >
            <PathServicesTable goldenPath={goldenPath} />
          </Section>
        </Stack>
      </Grid>
    </Grid>
  );
}

/** /golden-paths/:namespace/:name: one path, its guide and the services created from it. */
export function PathPage() {
  const { namespace = '', name = '' } = useParams();
  const goldenPathsApi = useApi(goldenPathsApiRef);
  const root = useRouteRef(rootRouteRef);
  const path = useAsync(
    () => goldenPathsApi.getPath(namespace, name),
    [goldenPathsApi, namespace, name],
  );

  let body;
  if (path.loading) body = <Progress />;
  else if (
    path.error &&
    (isNotFound(path.error) || statusOf(path.error) === 400)
  )
    body = (
      <NotFoundPanel
        title="This golden path does not exist"
        backTo={root()}
        backLabel="See all golden paths"
      >
        {`"${namespace}/${name}" is not an approved golden path. It may have been renamed or retired, or it is a template that is not marked as a golden path.`}
      </NotFoundPanel>
    );
  else if (path.error) body = <ResponseErrorPanel error={path.error} />;
  else if (path.value) body = <PathDetails goldenPath={path.value} />;

  return (
    <Page themeId="tool">
      <Header
        title={
          <span id="golden-path-title">
            {path.value?.title ?? 'Golden path'}
          </span>
        }
        pageTitleOverride={path.value?.title ?? 'Golden path'}
        subtitle="Golden path"
      />
      <Content>
        <Typography mb={2}>
          <Link to={root()}>← All golden paths</Link>
        </Typography>
        {body}
      </Content>
    </Page>
  );
}
