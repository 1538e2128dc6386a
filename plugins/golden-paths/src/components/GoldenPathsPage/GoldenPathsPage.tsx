import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { Content, Header, Page } from '@backstage/core-components';
import { useSearchParams } from 'react-router-dom';
import { AdoptionTab } from '../AdoptionTab';
import { PathsTab } from '../PathsTab';

const TABS = [
  { id: 'paths', label: 'Paths' },
  { id: 'adoption', label: 'Adoption' },
] as const;

/** The /golden-paths page: the approved paths, and how much new work starts from them. */
export function GoldenPathsPage() {
  // The tab is in the address so a link can open Adoption directly.
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = Math.max(
    0,
    TABS.findIndex(t => t.id === searchParams.get('tab')),
  );
  const selectTab = (index: number) =>
    setSearchParams(index === 0 ? {} : { tab: TABS[index].id }, {
      replace: true,
    });

  return (
    <Page themeId="tool">
      <Header
        title="Golden paths"
        subtitle="Approved templates that set up a service the way the platform supports it: start new services here."
      />
      <Content>
        <Tabs
          value={tab}
          onChange={(_, value: number) => selectTab(value)}
          aria-label="Golden paths views"
        >
          {TABS.map((t, index) => (
            <Tab
              key={t.id}
              label={t.label}
              id={`golden-paths-tab-${t.id}`}
              aria-controls={`golden-paths-tabpanel-${t.id}`}
              value={index}
            />
          ))}
        </Tabs>
        <Box
          role="tabpanel"
          id={`golden-paths-tabpanel-${TABS[tab].id}`}
          aria-labelledby={`golden-paths-tab-${TABS[tab].id}`}
          pt={2}
        >
          {TABS[tab].id === 'paths' ? <PathsTab /> : <AdoptionTab />}
        </Box>
      </Content>
    </Page>
  );
}
