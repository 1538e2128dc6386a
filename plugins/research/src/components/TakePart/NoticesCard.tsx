import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { researchApiRef } from '../../api/ResearchApi';
import { formatDay } from '../format';
import { Nothing, Section } from '../Section';

/** The user's research inbox: invitations, preview news, general availability. */
export function NoticesCard() {
  const researchApi = useApi(researchApiRef);
  const notices = useAsyncRetry(() => researchApi.listNotices(), [researchApi]);
  const unread = (notices.value ?? []).filter(n => !n.read).length;

  let body;
  if (notices.loading && !notices.value) body = <Progress />;
  else if (notices.error) body = <ResponseErrorPanel error={notices.error} />;
  else if (!notices.value?.length) body = <Nothing>No notices yet.</Nothing>;
  else
    body = (
      <List dense aria-label="Research notices">
        {notices.value.map(n => (
          <ListItem
            key={n.id}
            sx={n.read ? undefined : { bgcolor: 'action.selected' }}
            secondaryAction={
              n.read ? undefined : <Chip size="small" label="New" />
            }
          >
            <ListItemText
              primary={n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
              primaryTypographyProps={{
                fontWeight: n.read ? 'normal' : 'bold',
                pr: n.read ? 0 : 6,
              }}
              secondary={`${n.message} · ${formatDay(n.createdAt)}`}
            />
          </ListItem>
        ))}
      </List>
    );

  return (
    <Section
      title="Your research notices"
      subheader={unread > 0 ? `${unread} unread` : undefined}
      action={
        <Button
          size="small"
          disabled={unread === 0}
          onClick={async () => {
            await researchApi.markNoticesRead().catch(() => undefined);
            notices.retry();
          }}
        >
          Mark all read
        </Button>
      }
    >
      {body}
    </Section>
  );
}
