import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { NoticesSection } from '@paved/frontend-utils';
import { researchApiRef } from '../../api/ResearchApi';
import { formatDay } from '../format';

/** The user's research inbox: invitations, preview news, general availability. */
export function NoticesCard() {
  const researchApi = useApi(researchApiRef);
  return (
    <NoticesSection
      title="Your research notices"
      listLabel="Research notices"
      empty="No notices yet."
      deps={[researchApi]}
      load={() => researchApi.listNotices()}
      markAllRead={() => researchApi.markNoticesRead()}
      primary={n => (n.link ? <Link to={n.link}>{n.title}</Link> : n.title)}
      secondary={n => `${n.message} · ${formatDay(n.createdAt)}`}
    />
  );
}
