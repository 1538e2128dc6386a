import { createApiRef } from '@backstage/core-plugin-api';
import {
  Campaign,
  CampaignComments,
  CampaignResults,
  CreateCampaignRequest,
  UpdateCampaignRequest,
  Prompt,
  SubmitAnswerRequest,
  ThemeCount,
  Trend,
} from '@paved/plugin-nps-common';
import type { ShippedItem } from '@paved/plugin-roadmap-common';

/** The platform NPS backend, as the portal uses it. */
export interface NpsApi {
  /**
   * The campaign to ask the signed-in user about now, if any; with
   * `includePutOff`, also one they snoozed or dismissed (for the NPS page).
   */
  getPrompt(options?: { includePutOff?: boolean }): Promise<Prompt>;
  /** Sends the user's answer; a second answer is refused (409). */
  answer(campaignId: string, answer: SubmitAnswerRequest): Promise<void>;
  /** Hides the prompt for a few days. */
  remindLater(campaignId: string): Promise<{ until: string }>;
  /** Hides the prompt for the rest of the campaign. */
  notThisQuarter(campaignId: string): Promise<void>;
  /** Every campaign, oldest first. */
  listCampaigns(): Promise<Campaign[]>;
  /** A campaign's aggregate results. */
  getResults(campaignId: string): Promise<CampaignResults>;
  /** NPS across campaigns. */
  getTrend(): Promise<Trend>;
  /** A campaign's comments (platform PMs). */
  getComments(campaignId: string): Promise<CampaignComments>;
  /** Replaces a comment's themes (platform PMs). */
  setThemes(responseId: string, themes: string[]): Promise<void>;
  /** Comments per theme, in one campaign or all (platform PMs). */
  getThemes(campaignId?: string): Promise<ThemeCount[]>;
  /** A CSV export: aggregates (everyone) or comments (platform PMs). */
  exportCsv(campaignId: string, what: 'results' | 'comments'): Promise<string>;
  /** Creates a campaign (platform PMs). */
  createCampaign(campaign: CreateCampaignRequest): Promise<Campaign>;
  /** Edits a campaign that has not opened yet (platform PMs). */
  updateCampaign(
    campaignId: string,
    patch: UpdateCampaignRequest,
  ): Promise<Campaign>;
  /** Closes an open campaign now (platform PMs). */
  closeCampaign(campaignId: string): Promise<Campaign>;
  /** Deletes a campaign without answers (platform PMs). */
  deleteCampaign(campaignId: string): Promise<void>;
  /**
   * Roadmap items that became generally available since `since` (ISO 8601), newest
   * first, as the roadmap backend answers it; empty when the portal has no roadmap.
   */
  getShippedSince(since: string): Promise<ShippedItem[]>;
}

/** Reference to the {@link NpsApi}. */
export const npsApiRef = createApiRef<NpsApi>({ id: 'plugin.nps.service' });
