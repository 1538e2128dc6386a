import Button from '@mui/material/Button';
import { CARD_HEADING } from '@paved/frontend-utils';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { roadmapApiRef } from '../../api/RoadmapApi';
import { formatDate, useItemLink } from '../format';

/** The user's roadmap inbox: changes to items they follow or voted for. */
export function NoticesCard() {
  const roadmapApi = useApi(roadmapApiRef);
  const itemLink = useItemLink();
  const notices = useAsyncRetry(
    () => roadmapApi.listNotifications(),
    [roadmapApi],
  );
  const unread = (notices.value ?? []).filter(n => !n.read).length;

  let content;
  if (notices.loading && !notices.value) content = <Progress />;
  else if (notices.error)
    content = <ResponseErrorPanel error={notices.error} />;
  else if (!notices.value?.length)
    content = (
      <Typography variant="body2">
        No notices yet. Vote for or follow an item to hear when it changes.
      </Typography>
    );
  else
    content = (
      <List dense aria-label="Roadmap notices">
        {notices.value.map(n => (
          <ListItem
            key={n.id}
            sx={n.read ? undefined : { bgcolor: 'action.selected' }}
            secondaryAction={
              n.read ? undefined : <Chip size="small" label="New" />
            }
          >
            <ListItemText
              primary={
                <>
                  <Link to={itemLink(n.itemId)}>{n.itemTitle}</Link>
                  {`: ${n.message}`}
                </>
              }
              primaryTypographyProps={{
                fontWeight: n.read ? 'normal' : 'bold',
              }}
              secondary={formatDate(n.createdAt)}
            />
          </ListItem>
        ))}
      </List>
    );

  return (
    <InfoCard
      titleTypographyProps={CARD_HEADING}
      title="Your roadmap notices"
      subheader={unread > 0 ? `${unread} unread` : undefined}
      action={
        <Button
          size="small"
          disabled={unread === 0}
          onClick={async () => {
            await roadmapApi.markNotificationsRead().catch(() => undefined);
            notices.retry();
          }}
        >
          Mark all read
        </Button>
      }
    >
      {content}
    </InfoCard>
  );
}
