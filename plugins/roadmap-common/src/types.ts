import type { z } from 'zod';
import type { Category, Horizon, RoadmapStatus } from './model';
import type { breakingChangeSchema, linkSchema } from './schemas';

/** A link from an item. */
export type RoadmapLink = z.infer<typeof linkSchema>;
/** A breaking-change notice. */
export type BreakingChange = z.infer<typeof breakingChangeSchema>;

/** A roadmap item as everyone reads it. */
export interface RoadmapItem {
  id: string;
  title: string;
  summary: string;
  /** Markdown; rendered sanitised. */
  description: string;
  problem: string;
  category: Category;
  owner: string;
  horizon: Horizon;
  targetQuarter: string | null;
  status: RoadmapStatus;
  declineReason: string | null;
  links: RoadmapLink[];
  breakingChange: BreakingChange | null;
  /** Position within its horizon, 0 = top. */
  rank: number;
  /** Increases with every change; edits must name the version they were based on. */
  version: number;
  /** ISO 8601, when the item became generally available. */
  shippedAt: string | null;
  createdAt: string;
  updatedAt: string;
  votes: number;
  votedByMe: boolean;
  subscribedByMe: boolean;
  /** Changed since the user last looked at the roadmap. */
  changedSinceLastVisit: boolean;
}

/** A notice in the user's roadmap inbox. */
export interface RoadmapNotification {
  id: number;
  itemId: string;
  itemTitle: string;
  message: string;
  /** ISO 8601. */
  createdAt: string;
  read: boolean;
}

/** One entry of an item's history. */
export interface RoadmapChange {
  version: number;
  action: 'created' | 'updated' | 'moved' | 'deleted';
  /** Who changed it (an entity ref). */
  by: string;
  /** ISO 8601. */
  at: string;
  /** Field name → its value before and after. */
  changes: Record<string, { from: unknown; to: unknown }>;
}

/**
 * Comments in one survey campaign that carry an item's themes (as NPS's
 * `ThemeDemand`). Under NPS's k the count is not given: `suppressed` is true and
 * `comments` null ("fewer than k comments", not zero).
 */
export type CampaignDemand = {
  campaignId: string;
  title: string;
  /** ISO 8601. */
  opensAt: string;
} & (
  | { suppressed: false; comments: number }
  | { suppressed: true; comments: null }
);

/** A survey comment theme with the roadmap items that answer it. */
export interface TopTheme {
  theme: string;
  /** Comments carrying it in the newest campaign that has any (at least `minGroupSize`). */
  comments: number;
  campaignId: string;
  /** That campaign's title. */
  campaign: string;
  /** Roadmap items linked to the theme (not declined), soonest first: now, next, later. */
  items: Array<{ id: string; title: string }>;
}

/** The survey's most commented themes that roadmap items answer (`GET /top-themes`). */
export interface TopThemes {
  /** NPS's k: themes with fewer comments in their newest campaign are left out. */
  minGroupSize: number | null;
  themes: TopTheme[];
}

/** The NPS themes an item answers and the demand behind them, per campaign and per study. */
export interface ItemDemand {
  themes: string[];
  /** NPS's k: a campaign with fewer comments is `suppressed`; null without NPS. */
  minGroupSize: number | null;
  /** Campaigns with at least one such comment, oldest first. */
  campaigns: CampaignDemand[];
  /** Interview participants per research study (empty without the research plugin). */
  studies: StudyDemand[];
}

/** Interview participants of one research study whose findings link to an item. */
export interface StudyDemand {
  studyId: string;
  title: string;
  /** e.g. 2026-Q4 */
  quarter: string;
  participants: number;
}

/** An item's stage, as other plugins read it (user research: previews, general availability). */
export interface RoadmapItemStatus {
  id: string;
  title: string;
  status: string;
}

/** A research study's public summary, as the quarterly review includes it. */
export interface ResearchSummary {
  title: string;
  quarter: string;
  participants: number;
  heard: string;
  willDo: string;
  willNotDo: string;
}

/**
 * One page of a list, shaped like the catalog's paged queries: the items, how
 * many there are in all, and where the next page starts (absent on the last).
 */
export interface Page<T> {
  items: T[];
  totalItems: number;
  pageInfo: { nextOffset?: number };
}
