import type { z } from 'zod';
import type { audienceSchema } from './schemas';
import type { NpsChange, NpsSummary, ScoreBand } from './nps';
import type { SuppressionReason } from './suppression';
import type { NpsWarning } from './warning';

/** Who a campaign asks. */
export type Audience = z.infer<typeof audienceSchema>;

/** Where a campaign is in its life. */
export type CampaignStatus = 'upcoming' | 'open' | 'closed';

/** A survey campaign. */
export interface Campaign {
  id: string;
  title: string;
  question: string;
  followUp: string;
  /** ISO 8601. */
  opensAt: string;
  /** ISO 8601. */
  closesAt: string;
  audience: Audience;
  /** 'schedule' when the quarterly task created it. */
  origin: 'schedule' | 'manual';
  status: CampaignStatus;
  /**
   * Published answers; null while fewer than the group minimum (answers wait to be
   * published in batches; see CampaignResults.batching).
   */
  answers: number | null;
}

/** What the portal-wide prompt should show the caller: a campaign, or nothing. */
export interface Prompt {
  campaign: Campaign | null;
  /** How many days "Remind me later" hides the prompt for. */
  remindLaterDays: number;
}

/** One team's row in a campaign's breakdown; hidden rows carry no numbers. */
export type TeamBreakdownRow =
  | { team: string | null; visible: true; summary: NpsSummary }
  | { team: string | null; visible: false; reason: SuppressionReason };

/** A campaign's aggregate results. */
export interface CampaignResults {
  campaign: Campaign;
  /** Absent until the campaign has enough answers to show without exposing anyone. */
  summary: NpsSummary | null;
  /** Answers per score 0..10 (index = score); null while the summary is hidden. */
  distribution: number[] | null;
  participation: {
    /** Published answers; null while fewer than minGroupSize. */
    respondents: number | null;
    /** Catalog users in the audience. */
    eligible: number;
    /** respondents ÷ eligible, 0..1; null when hidden or nobody is eligible. */
    rate: number | null;
  };
  minGroupSize: number;
  teams: TeamBreakdownRow[];
  /**
   * How answers are published: while the campaign is open, a team's answers appear
   * in batches once 2k wait, and k always stay back until it closes (k =
   * minGroupSize); see answersToRelease.
   */
  batching: { campaignOpen: boolean; k: number };
}

/** One campaign on the trend line. */
export interface TrendPoint {
  campaign: Campaign;
  summary: NpsSummary | null;
  /** Change from the previous campaign with a summary. */
  change: NpsChange | null;
  /** The goal line at this campaign's close, when a baseline is set. */
  goal: number | null;
}

/** NPS across campaigns, oldest first. */
export interface Trend {
  points: TrendPoint[];
  warningThreshold: number;
  /** k: counts below it are never shown (campaign answers are null). */
  minGroupSize: number;
  /** Set when the latest summarised campaign is below the warning threshold. */
  warning: NpsWarning | null;
  baselineCampaignId: string | null;
}

/** A comment as platform PMs read it: never who wrote it. */
export interface CampaignComment {
  /** The answer's random id, for tagging. */
  id: string;
  comment: string;
  band: ScoreBand;
  /** The team, only when its group is large enough to show comments by team. */
  team: string | null;
  themes: string[];
}

/** A campaign's comments, or why they are hidden. */
export interface CampaignComments {
  campaignId: string;
  minCommentGroupSize: number;
  /** False while fewer answers than the minimum have their comments published: none is shown. */
  shown: boolean;
  /** How many answers (with or without a comment) the shown comments come from; null when hidden. */
  answers: number | null;
  comments: CampaignComment[];
}

/** How many comments carry a theme. */
export interface ThemeCount {
  theme: string;
  comments: number;
}

/**
 * How many visible comments of a campaign carry a set of themes (the demand for a
 * roadmap item). A count below k (`minGroupSize`) is not given: `suppressed` is true
 * and `comments` null, so the campaign still shows ("fewer than k"), not as zero.
 */
export type ThemeDemand = {
  campaignId: string;
  title: string;
  /** ISO 8601. */
  opensAt: string;
} & (
  | { suppressed: false; comments: number }
  | { suppressed: true; comments: null }
);

/** `GET /theme-demand`: per campaign with at least one such comment, oldest first. */
export interface ThemeDemandResponse {
  /** k: a campaign with fewer comments than this (but at least one) is `suppressed`. */
  minGroupSize: number;
  items: ThemeDemand[];
}

/** A theme's comments in the newest campaign that has any (`POST /theme-demand/latest`). */
export interface LatestThemeDemand {
  theme: string;
  campaignId: string;
  /** The campaign's title. */
  title: string;
  /** ISO 8601. */
  opensAt: string;
  /** At least `minGroupSize`: smaller counts are not shown. */
  comments: number;
}

/** The most commented themes, each in its newest campaign; themes under k comments are left out. */
export interface LatestThemeDemandResponse {
  /** k: a theme with fewer comments than this in its newest campaign is not listed. */
  minGroupSize: number;
  items: LatestThemeDemand[];
}
