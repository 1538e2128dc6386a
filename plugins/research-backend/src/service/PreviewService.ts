import { isShipped } from '@paved/plugin-roadmap-common';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  PREVIEW_STAGES,
  Preview,
  PreviewDetail,
  openPreviewSchema,
} from '@paved/plugin-research-common';
import { z } from 'zod';
import { PreviewStore } from '../database/PreviewStore';
import { Notifier } from './Notifier';
import { PeopleDirectory } from './PeopleDirectory';
import { RoadmapItemSource } from './RoadmapItemSource';
import { ThemeCatalog } from './ThemeCatalog';

const STAGE_LABELS: Record<string, string> = {
  exploring: 'Exploring',
  'in-design': 'In design',
  building: 'Building',
  alpha: 'Alpha',
  beta: 'Beta',
  'generally-available': 'Generally available',
  declined: 'Not doing',
};

/** What the preview service needs. */
export interface PreviewServiceOptions {
  store: PreviewStore;
  themes: ThemeCatalog;
  people: PeopleDirectory;
  roadmap: RoadmapItemSource;
  notifier: Notifier;
  now?: () => Date;
}

const itemLink = (itemId: string) => `/roadmap/items/${itemId}`;

/** Holds the rules of developer preview programmes. */
export class PreviewService {
  private readonly now: () => Date;

  constructor(private readonly options: PreviewServiceOptions) {
    this.now = options.now ?? (() => new Date());
  }

  private get store() {
    return this.options.store;
  }

  private async preview(id: string, userRef: string): Promise<Preview> {
    const preview = await this.store.get(id, userRef);
    if (!preview) throw new NotFoundError(`No preview with id ${id}`);
    return preview;
  }

  /** Every preview, or the one of a roadmap item: sizes and counts, no names. */
  list(userRef: string, itemId?: string): Promise<Preview[]> {
    return this.store.list(userRef, itemId);
  }

  /** One preview. */
  get(id: string, userRef: string): Promise<Preview> {
    return this.preview(id, userRef);
  }

  /** Opens a preview of a roadmap item in alpha or beta; one per item. */
  async open(
    input: z.output<typeof openPreviewSchema>,
    by: string,
  ): Promise<Preview> {
    const items = await this.options.roadmap.items();
    if (!items) {
      throw new ServiceUnavailableError(
        'The roadmap cannot be reached to check the item; try again',
      );
    }
    const item = items.find(i => i.id === input.itemId);
    if (!item)
      throw new NotFoundError(`No roadmap item with id ${input.itemId}`);
    if (!PREVIEW_STAGES.includes(item.status)) {
      throw new ConflictError(
        `Only items in alpha or beta can open a preview; "${item.title}" is ${
          STAGE_LABELS[item.status] ?? item.status
        }`,
      );
    }
    const id = await this.store.insert(
      {
        itemId: item.id,
        itemTitle: item.title,
        description: input.description,
      },
      by,
      this.now(),
    );
    if (!id) throw new ConflictError(`"${item.title}" has a preview already`);
    return this.preview(id, by);
  }

  /** Joins or leaves a preview; joining needs it open. */
  async join(id: string, userRef: string, on: boolean): Promise<Preview> {
    const preview = await this.preview(id, userRef);
    if (on && preview.status !== 'open') {
      throw new ConflictError(
        'This preview is closed; it takes no new participants',
      );
    }
    await this.store.setParticipant(id, userRef, on, this.now());
    return this.preview(id, userRef);
  }

  /** Stores a participant's feedback on the item. */
  async feedback(id: string, userRef: string, text: string): Promise<Preview> {
    const preview = await this.preview(id, userRef);
    if (!preview.joinedByMe) {
      throw new NotAllowedError('Join the preview to leave feedback');
    }
    if (preview.status !== 'open') {
      throw new ConflictError(
        'This preview is closed; it takes no more feedback',
      );
    }
    await this.store.insertFeedback(id, userRef, text, this.now());
    return this.preview(id, userRef);
  }

  /** The participants and their feedback, for the PM running the preview. */
  async detail(id: string, userRef: string): Promise<PreviewDetail> {
    await this.preview(id, userRef);
    const [participants, feedback, people] = await Promise.all([
      this.store.participants(id),
      this.store.feedback(id),
      this.options.people.people(),
    ]);
    const names = new Map(people.map(p => [p.userRef, p.displayName]));
    const name = (ref: string) => names.get(ref) ?? ref;
    return {
      participants: participants.map(p => ({
        ...p,
        displayName: name(p.userRef),
      })),
      feedback: feedback.map(f => ({ ...f, displayName: name(f.userRef) })),
    };
  }

  /** Tags a feedback note with themes of the shared list; returns its preview id. */
  async tagFeedback(feedbackId: string, themes: string[]): Promise<string> {
    const previewId = await this.store.feedbackPreview(feedbackId);
    if (!previewId)
      throw new NotFoundError(`No feedback with id ${feedbackId}`);
    await this.options.themes.assertShared(themes);
    await this.store.setFeedbackThemes(feedbackId, themes);
    return previewId;
  }

  /** Sends the participants a notice; returns how many got it. */
  async notice(
    id: string,
    message: string,
    by: string,
  ): Promise<{ sent: number }> {
    const preview = await this.preview(id, by);
    const participants = (await this.store.participants(id)).map(
      p => p.userRef,
    );
    await this.options.notifier.notify(participants, {
      kind: 'preview',
      title: `Preview of ${preview.itemTitle}`,
      message,
      link: itemLink(preview.itemId),
    });
    return { sent: participants.length };
  }

  /** Closes a preview and tells its participants. */
  async close(id: string, by: string): Promise<Preview> {
    const preview = await this.preview(id, by);
    if (!(await this.store.close(id, this.now()))) {
      throw new ConflictError('This preview is closed already');
    }
    const participants = (await this.store.participants(id)).map(
      p => p.userRef,
    );
    await this.options.notifier.notify(participants, {
      kind: 'preview',
      title: `The preview of ${preview.itemTitle} has closed`,
      message: 'Thank you for taking part: your feedback shapes what ships.',
      link: itemLink(preview.itemId),
    });
    return this.preview(id, by);
  }

  /**
   * Tells every preview's participants, once, when its roadmap item has reached
   * general availability (and closes the preview). Runs on a schedule; returns the
   * previews it announced.
   */
  async announceGeneralAvailability(): Promise<string[]> {
    const waiting = await this.store.awaitingGeneralAvailability();
    if (waiting.length === 0) return [];
    const items = await this.options.roadmap.items();
    if (!items) return [];
    const available = new Map(items.filter(isShipped).map(i => [i.id, i]));
    const announced: string[] = [];
    for (const preview of waiting) {
      const item = available.get(preview.itemId);
      if (!item) continue;
      // Only the replica that marks it sends the notices.
      if (!(await this.store.markGenerallyAvailable(preview.id, this.now()))) {
        continue;
      }
      const participants = (await this.store.participants(preview.id)).map(
        p => p.userRef,
      );
      await this.options.notifier.notify(participants, {
        kind: 'preview',
        title: `${item.title} is generally available`,
        message:
          'The item you previewed has shipped to everyone. Thank you for your feedback along the way.',
        link: itemLink(item.id),
      });
      announced.push(preview.id);
    }
    return announced;
  }
}
