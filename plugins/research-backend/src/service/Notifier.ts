import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { NoticeContent, NoticeStore } from '../database/NoticeStore';

/**
 * Tells people something: always in the research inbox, and through Backstage
 * notifications when the notifications plugin is installed.
 */
export class Notifier {
  constructor(
    private readonly notices: NoticeStore,
    private readonly options: {
      logger: LoggerService;
      /** Backstage notifications, when installed. */
      notifications?: NotificationService;
      now?: () => Date;
    },
  ) {}

  async notify(userRefs: string[], notice: NoticeContent): Promise<void> {
    const recipients = [...new Set(userRefs)];
    if (recipients.length === 0) return;
    await this.notices.add(
      recipients,
      notice,
      this.options.now?.() ?? new Date(),
    );
    const { notifications, logger } = this.options;
    if (!notifications) return;
    try {
      await notifications.send({
        recipients: { type: 'entity', entityRef: recipients },
        payload: {
          title: notice.title,
          description: notice.message,
          link: notice.link ?? undefined,
          topic: `research-${notice.kind}`,
        },
      });
    } catch (error) {
      // The inbox has it; Backstage notifications are a courtesy.
      logger.warn(`Could not send Backstage notifications: ${error}`);
    }
  }
}
