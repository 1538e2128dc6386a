import {
  HORIZONS,
  LABELS,
  RoadmapChange,
  RoadmapItem,
  isShipped,
} from '@paved/plugin-roadmap-common';

/** Escapes Markdown so that user text renders as text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, ch => `\\${ch}`);
}

/** What happened to items over the review window, in the product's words. */
export interface ReviewChange {
  itemId: string;
  title: string;
  action: RoadmapChange['action'];
  changes: RoadmapChange['changes'];
  /** The item has been deleted since (it is only listed as removed). */
  deleted: boolean;
}

const label = (value: unknown) =>
  LABELS[value as keyof typeof LABELS] ?? String(value);

/** An item's survey comments in its latest campaign; `comments` null: under k, not given. */
export interface ReviewDemand {
  comments: number | null;
  minGroupSize: number | null;
  campaign: string;
}

/** "4 comments", or "fewer than 5 comments" when NPS suppressed the count. */
export function commentCount(
  comments: number | null,
  minGroupSize: number | null,
): string {
  if (comments === null) {
    return minGroupSize === null
      ? 'too few comments to show'
      : `fewer than ${minGroupSize} comments`;
  }
  return `${comments} ${comments === 1 ? 'comment' : 'comments'}`;
}

/**
 * The quarterly review for all-hands, as Markdown: the roadmap by horizon with votes,
 * what changed in the window (added, moved, shipped, declined, removed), and what
 * the team decided not to do, and why.
 */
export function reviewMarkdown(options: {
  items: RoadmapItem[];
  changes: ReviewChange[];
  /** Per item id: survey comments in its themes, and the campaign they came from. */
  demand?: Map<string, ReviewDemand>;
  since: Date;
  now: Date;
  disclaimer: string;
}): string {
  const { items, changes, since, now } = options;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const lines: string[] = [
    `# Platform roadmap review, ${day(now)}`,
    '',
    `_${escapeMarkdown(options.disclaimer)}_`,
    '',
  ];
  for (const horizon of HORIZONS) {
    const inHorizon = items.filter(
      i => i.horizon === horizon && i.status !== 'declined',
    );
    lines.push(`## ${LABELS[horizon]}`, '');
    if (inHorizon.length === 0) lines.push('Nothing here yet.', '');
    for (const item of inHorizon) {
      const quarter = item.targetQuarter
        ? `, target ${item.targetQuarter}`
        : '';
      const asked = options.demand?.get(item.id);
      const demand = asked
        ? `; asked for in ${commentCount(
            asked.comments,
            asked.minGroupSize,
          )} (${escapeMarkdown(asked.campaign)})`
        : '';
      const votes = `${item.votes} ${item.votes === 1 ? 'vote' : 'votes'}`;
      lines.push(
        `- **${escapeMarkdown(item.title)}**: ${label(
          item.status,
        )}${quarter}; ${votes}${demand}`,
        `  ${escapeMarkdown(item.summary)}`,
      );
    }
    lines.push('');
  }

  const title = (c: ReviewChange) => `**${escapeMarkdown(c.title)}**`;
  const current = new Map(items.map(i => [i.id, i]));
  // Deleted items are only "removed"; the others by what happened to them.
  const live = changes.filter(c => !c.deleted && current.has(c.itemId));
  const once = (list: ReviewChange[]) =>
    list.filter((c, i) => list.findIndex(o => o.itemId === c.itemId) === i);
  const added = live.filter(
    c => c.action === 'created' && current.get(c.itemId)!.status !== 'declined',
  );
  const moved = live.filter(c => c.changes.horizon && c.action !== 'created');
  const shipped = once(
    live.filter(
      c =>
        c.changes.status !== undefined &&
        isShipped({ status: String(c.changes.status.to) }),
    ),
  );
  // Declined in the window, at creation or later, and still declined now.
  const declined = once(
    live.filter(
      c =>
        c.changes.status?.to === 'declined' &&
        current.get(c.itemId)!.status === 'declined',
    ),
  );
  const removed = changes.filter(c => c.action === 'deleted');
  lines.push(`## What changed since ${day(since)}`, '');
  const section = (
    name: string,
    list: ReviewChange[],
    describe: (c: ReviewChange) => string,
  ) => {
    lines.push(`### ${name}`, '');
    if (list.length === 0) lines.push('None.');
    for (const c of list) lines.push(`- ${describe(c)}`);
    lines.push('');
  };
  section('Added', added, title);
  section(
    'Moved',
    moved,
    c =>
      `${title(c)}: ${label(c.changes.horizon.from)} → ${label(
        c.changes.horizon.to,
      )}`,
  );
  section('Shipped', shipped, title);
  const withReason = (item: RoadmapItem | undefined, name: string) =>
    item?.declineReason
      ? `**${escapeMarkdown(name)}**: ${escapeMarkdown(item.declineReason)}`
      : `**${escapeMarkdown(name)}**`;
  section('Declined', declined, c =>
    withReason(current.get(c.itemId), c.title),
  );
  section('Removed', removed, title);

  const notDoing = items.filter(i => i.status === 'declined');
  lines.push('## Not doing, and why', '');
  if (notDoing.length === 0) lines.push('Nothing declined.');
  for (const item of notDoing) lines.push(`- ${withReason(item, item.title)}`);
  return `${lines.join('\n').trimEnd()}\n`;
}
