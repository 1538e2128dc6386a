import { Content, Header, Page } from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { researchStudyManagePermission } from '@paved/plugin-research-common';
import { LinkableTabs, TabSpec } from '../tabs';
import { SummariesTab } from '../SummariesTab';
import { TakePartTab } from '../TakePart';
import { PreviewsTab } from '../PreviewsTab';
import { StudiesTab } from '../StudiesTab';

/** /research: what we heard, taking part, previews, and (for PMs) the studies. */
export function ResearchPage() {
  const canManage = usePermission({
    permission: researchStudyManagePermission,
  }).allowed;
  const tabs: TabSpec[] = [
    { id: 'heard', label: 'What we heard', render: () => <SummariesTab /> },
    {
      id: 'invitations',
      label: 'Take part',
      render: () => <TakePartTab />,
    },
    { id: 'previews', label: 'Previews', render: () => <PreviewsTab /> },
  ];
  if (canManage) {
    tabs.push({
      id: 'studies',
      label: 'Studies',
      render: () => <StudiesTab />,
    });
  }
  return (
    <Page themeId="tool">
      <Header
        title="User research"
        subtitle="Every quarter we talk with 6 to 10 developers about how they work, and try new platform features with you before everyone gets them."
      />
      <Content>
        <LinkableTabs
          label="User research views"
          idPrefix="research"
          tabs={tabs}
        />
      </Content>
    </Page>
  );
}
