import { useApi } from '@backstage/core-plugin-api';
import { quarterBounds, quarterOf } from '@paved/common';
import { RoadmapApi, roadmapApiRef } from '@paved/plugin-roadmap';
import type { RoadmapItem } from '@paved/plugin-roadmap-common';
import useAsync from 'react-use/esm/useAsync';
import {
  PlatformHealthApi,
  platformHealthApiRef,
} from '../api/PlatformHealthApi';

/** A survey comment theme with the roadmap items that answer it. */
export interface ThemeWithItems {
  theme: string;
  /** Comments carrying it in the latest campaign that has any. */
  comments: number;
  campaign: string | null;
  items: Array<{ id: string; title: string }>;
}

/** What the health page and the review say about the roadmap. */
export interface RoadmapSummary {
  quarter: string;
  shippedThisQuarter: RoadmapItem[];
  now: number;
  next: number;
  /** Still ahead (effective today or later), soonest first. */
  breakingAhead: RoadmapItem[];
  /** Now and Next items that are not shipped: what comes next. */
  upcoming: RoadmapItem[];
  /** Declined items with their reasons: what was decided not to do. */
  notDoing: RoadmapItem[];
}

const isGa = (item: RoadmapItem) => item.status === 'generally-available';

/** The roadmap in the health page's terms, from the roadmap's own items. */
export function summariseRoadmap(
  items: RoadmapItem[],
  now: Date,
): RoadmapSummary {
  const quarter = quarterOf(now);
  const { start, end } = quarterBounds(quarter);
  const today = now.toISOString().slice(0, 10);
  const open = items.filter(i => i.status !== 'declined' && !isGa(i));
  return {
    quarter,
    shippedThisQuarter: items.filter(
      i =>
        i.shippedAt &&
        Date.parse(i.shippedAt) >= start.getTime() &&
        Date.parse(i.shippedAt) < end.getTime(),
    ),
    now: open.filter(i => i.horizon === 'now').length,
    next: open.filter(i => i.horizon === 'next').length,
    breakingAhead: items
      .filter(
        i =>
          i.status !== 'declined' &&
          i.breakingChange &&
          i.breakingChange.effectiveDate >= today,
      )
      .sort((a, b) =>
        a.breakingChange!.effectiveDate.localeCompare(
          b.breakingChange!.effectiveDate,
        ),
      ),
    upcoming: open.filter(i => i.horizon === 'now' || i.horizon === 'next'),
    notDoing: items.filter(i => i.status === 'declined'),
  };
}

/** The roadmap's summary now. */
export function useRoadmapSummary(now: Date = new Date()) {
  const roadmapApi = useApi(roadmapApiRef);
  return useAsync(
    async () => summariseRoadmap(await roadmapApi.listItems(), now),
    [roadmapApi],
  );
}

/**
 * The survey's top comment themes with their linked roadmap items: the themes
 * come from the items' links (roadmap), the counts from the NPS backend's
 * aggregate demand in the latest campaign that has any.
 */
export async function loadTopThemes(
  roadmapApi: Pick<RoadmapApi, 'getDemand'>,
  healthApi: Pick<PlatformHealthApi, 'getThemeDemand'>,
  items: RoadmapItem[],
  limit = 5,
): Promise<ThemeWithItems[]> {
  const open = items.filter(i => i.status !== 'declined');
  const demands = await Promise.all(
    open.map(async item => ({
      item,
      demand: await roadmapApi.getDemand(item.id),
    })),
  );
  const byTheme = new Map<string, Array<{ id: string; title: string }>>();
  for (const { item, demand } of demands) {
    for (const theme of demand.themes) {
      byTheme.set(theme, [
        ...(byTheme.get(theme) ?? []),
        { id: item.id, title: item.title },
      ]);
    }
  }
  const counted = await Promise.all(
    [...byTheme.entries()].map(async ([theme, linked]) => {
      const perCampaign = await healthApi.getThemeDemand(theme);
      const newest = [...perCampaign].sort((a, b) =>
        b.opensAt.localeCompare(a.opensAt),
      )[0];
      return {
        theme,
        comments: newest?.comments ?? 0,
        campaign: newest?.title ?? null,
        items: linked,
      };
    }),
  );
  return counted
    .filter(t => t.comments > 0)
    .sort((a, b) => b.comments - a.comments || a.theme.localeCompare(b.theme))
    .slice(0, limit);
}

/** The top themes, for the health page. */
export function useTopThemes(limit = 5) {
  const roadmapApi = useApi(roadmapApiRef);
  const healthApi = useApi(platformHealthApiRef);
  return useAsync(
    async () =>
      loadTopThemes(roadmapApi, healthApi, await roadmapApi.listItems(), limit),
    [roadmapApi, healthApi, limit],
  );
}
