import { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useSearchParams } from 'react-router-dom';

/** One tab of a linkable tab set. */
export interface TabSpec {
  id: string;
  label: string;
  render: () => ReactNode;
}

/**
 * Tabs whose selection is in the address (`?tab=`), so each view can be linked to
 * and survives a reload; the first tab needs no parameter.
 */
export function LinkableTabs(props: {
  label: string;
  idPrefix: string;
  tabs: TabSpec[];
}) {
  const { tabs, idPrefix } = props;
  const [searchParams, setSearchParams] = useSearchParams();
  const index = Math.max(
    0,
    tabs.findIndex(t => t.id === searchParams.get('tab')),
  );
  const select = (next: number) => {
    const params = new URLSearchParams(searchParams);
    if (next === 0) params.delete('tab');
    else params.set('tab', tabs[next].id);
    setSearchParams(params, { replace: true });
  };
  const current = tabs[index];
  return (
    <>
      <Tabs
        value={index}
        onChange={(_, value: number) => select(value)}
        aria-label={props.label}
        variant="scrollable"
        scrollButtons="auto"
      >
        {tabs.map((t, i) => (
          <Tab
            key={t.id}
            label={t.label}
            id={`${idPrefix}-tab-${t.id}`}
            aria-controls={`${idPrefix}-tabpanel-${t.id}`}
            value={i}
          />
        ))}
      </Tabs>
      <Box
        role="tabpanel"
        id={`${idPrefix}-tabpanel-${current.id}`}
        aria-labelledby={`${idPrefix}-tab-${current.id}`}
        pt={2}
      >
        {current.render()}
      </Box>
    </>
  );
}
