import { ReactNode, useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { roadmapItemManagePermission } from '@paved/plugin-roadmap-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { roadmapApiRef } from '../../api/RoadmapApi';
import {
  downloadText,
  serverMessage,
  useSearchParam,
} from '@paved/frontend-utils';
import { Disclaimer } from '../Disclaimer';
import { ItemForm } from '../ItemForm';
import { NoticesCard } from '../NoticesCard';
import { RoadmapBoard } from '../RoadmapBoard';
import {
  BreakingView,
  ListView,
  NotDoingView,
  ShippedView,
} from './RoadmapViews';

const TABS = [
  { id: 'board', label: 'Board' },
  { id: 'list', label: 'List' },
  { id: 'shipped', label: 'Shipped' },
  { id: 'not-doing', label: 'Not doing, and why' },
  { id: 'breaking', label: 'Breaking changes ahead' },
] as const;

/** The /roadmap page: the board, list and other views, notices and PM tools. */
export function RoadmapPage() {
  const roadmapApi = useApi(roadmapApiRef);
  const canManage = usePermission({
    permission: roadmapItemManagePermission,
  }).allowed;
  const items = useAsyncRetry(() => roadmapApi.listItems(), [roadmapApi]);
  // The view is in the address (?view=list): linkable, kept on reload.
  const [view, setView] = useSearchParam('view');
  const tab = Math.max(
    0,
    TABS.findIndex(t => t.id === view),
  );
  const [creating, setCreating] = useState(false);
  const [exportError, setExportError] = useState<string>();

  // Once the roadmap is shown, this is the user's latest visit: changes from
  // here on get the "changed since your last visit" marker next time.
  const visited = useRef(false);
  useEffect(() => {
    if (items.value && !visited.current) {
      visited.current = true;
      roadmapApi.recordVisit().catch(() => undefined);
    }
  }, [items.value, roadmapApi]);

  const exportReview = async () => {
    setExportError(undefined);
    try {
      const markdown = await roadmapApi.getReviewMarkdown();
      downloadText(markdown, 'platform-roadmap-review.md', 'text/markdown');
    } catch (e) {
      setExportError(serverMessage(e));
    }
  };

  let content: ReactNode;
  if (items.loading && !items.value) content = <Progress />;
  else if (items.error) content = <ResponseErrorPanel error={items.error} />;
  else if (!items.value?.length)
    content = (
      <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
        No items yet
      </Typography>
    );
  else {
    const all = items.value;
    const id = TABS[tab].id;
    content = (id === 'board' && (
      <RoadmapBoard items={all} canManage={canManage} onChanged={items.retry} />
    )) ||
      (id === 'list' && <ListView items={all} />) ||
      (id === 'shipped' && <ShippedView items={all} />) ||
      (id === 'not-doing' && <NotDoingView items={all} />) || (
        <BreakingView items={all} />
      );
  }

  return (
    <Page themeId="tool">
      <Header
        title="Platform roadmap"
        subtitle="What the platform team is working on now, next and later, and why"
      />
      <Content>
        <Disclaimer />
        <Grid container spacing={3}>
          <Grid item xs={12} lg={9}>
            <Stack
              direction="row"
              spacing={1}
              mb={1}
              flexWrap="wrap"
              useFlexGap
            >
              {canManage && (
                <Button variant="contained" onClick={() => setCreating(true)}>
                  New item
                </Button>
              )}
              <Button variant="outlined" onClick={exportReview}>
                Export quarterly review (Markdown)
              </Button>
            </Stack>
            {exportError && <Alert severity="error">{exportError}</Alert>}
            <Tabs
              value={tab}
              onChange={(_, value: number) =>
                setView(value === 0 ? '' : TABS[value].id)
              }
              aria-label="Roadmap views"
              variant="scrollable"
              scrollButtons="auto"
            >
              {TABS.map((t, index) => (
                <Tab
                  key={t.id}
                  label={t.label}
                  id={`roadmap-tab-${t.id}`}
                  aria-controls={`roadmap-tabpanel-${t.id}`}
                  value={index}
                />
              ))}
            </Tabs>
            <Box
              role="tabpanel"
              id={`roadmap-tabpanel-${TABS[tab].id}`}
              aria-labelledby={`roadmap-tab-${TABS[tab].id}`}
              pt={2}
            >
              {content}
            </Box>
          </Grid>
          <Grid item xs={12} lg={3}>
            <NoticesCard />
          </Grid>
        </Grid>
        <Dialog
          open={creating}
          onClose={() => setCreating(false)}
          maxWidth="md"
          fullWidth
        >
          <DialogTitle>New roadmap item</DialogTitle>
          <DialogContent>
            <ItemForm
              onCancel={() => setCreating(false)}
              onSaved={() => {
                setCreating(false);
                items.retry();
              }}
            />
          </DialogContent>
        </Dialog>
      </Content>
    </Page>
  );
}
