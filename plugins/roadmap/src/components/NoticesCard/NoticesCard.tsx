import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { NoticesSection } from '@paved/frontend-utils';
import { roadmapApiRef } from '../../api/RoadmapApi';
import { formatDate, useItemLink } from '../format';

/** The user's roadmap inbox: changes to items they follow or voted for. */
export function NoticesCard() {
  const roadmapApi = useApi(roadmapApiRef);
  const itemLink = useItemLink();
  return (
    <NoticesSection
      title="Your roadmap notices"
      listLabel="Roadmap notices"
      empty="No notices yet. Vote for or follow an item to hear when it changes."
      deps={[roadmapApi]}
      load={() => roadmapApi.listNotifications()}
      markAllRead={() => roadmapApi.markNotificationsRead()}
      primary={n => (
        <>
          <Link to={itemLink(n.itemId)}>{n.itemTitle}</Link>
          {`: ${n.message}`}
        </>
      )}
      secondary={n => formatDate(n.createdAt)}
    />
  );
}
