import { ReactNode, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { serverMessage } from './errors';
import { Empty, Section } from './Section';

/** What every notice has: the plugin adds its own fields. */
export type Notice = { id: string | number; read: boolean; createdAt: string };

/** Props of {@link NoticesSection}. */
export type NoticesSectionProps<N extends Notice> = {
  /** The card's title ("Your roadmap notices"). */
  title: string;
  /** The list's accessible name ("Roadmap notices"). */
  listLabel: string;
  /** What the card says when there is nothing. */
  empty: ReactNode;
  load: () => Promise<N[]>;
  markAllRead: () => Promise<unknown>;
  /** Dependencies that reload the list when they change (the API). */
  deps: unknown[];
  primary: (notice: N) => ReactNode;
  secondary: (notice: N) => ReactNode;
};

/**
 * A user's inbox of notices from one plugin: unread ones first in bold with a "New"
 * chip, and "Mark all read" (a failure to mark is said, not swallowed).
 */
export function NoticesSection<N extends Notice>(
  props: NoticesSectionProps<N>,
) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const notices = useAsyncRetry(props.load, props.deps);
  const [markError, setMarkError] = useState<string>();
  const unread = (notices.value ?? []).filter(n => !n.read).length;

  let body: ReactNode;
  if (notices.loading && !notices.value) body = <Progress />;
  else if (notices.error) body = <ResponseErrorPanel error={notices.error} />;
  else if (!notices.value?.length) body = <Empty>{props.empty}</Empty>;
  else
    body = (
      <List dense aria-label={props.listLabel}>
        {notices.value.map(n => (
          <ListItem
            key={n.id}
            sx={n.read ? undefined : { bgcolor: 'action.selected' }}
            secondaryAction={
              n.read ? undefined : <Chip size="small" label="New" />
            }
          >
            <ListItemText
              primary={props.primary(n)}
              primaryTypographyProps={{
                fontWeight: n.read ? 'normal' : 'bold',
                pr: n.read ? 0 : 6,
              }}
              secondary={props.secondary(n)}
            />
          </ListItem>
        ))}
      </List>
    );

  return (
    <Section
      title={props.title}
      subheader={unread > 0 ? `${unread} unread` : undefined}
      action={
        <Button
          size="small"
          disabled={unread === 0}
          onClick={async () => {
            setMarkError(undefined);
            try {
              await props.markAllRead();
            } catch (e) {
              setMarkError(
                `Could not mark the notices read: ${serverMessage(
                  e,
                )}. Try again.`,
              );
            }
            notices.retry();
          }}
        >
          Mark all read
        </Button>
      }
    >
      {markError && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {markError}
        </Alert>
      )}
      {body}
    </Section>
  );
}
