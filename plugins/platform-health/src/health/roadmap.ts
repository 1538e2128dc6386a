import { useApi } from '@backstage/core-plugin-api';
import { quarterBounds, quarterOf } from '@paved/common';
import { RoadmapApi, roadmapApiRef } from '@paved/plugin-roadmap-react';
import type { RoadmapItem } from '@paved/plugin-roadmap-common';
import useAsync from 'react-use/esm/useAsync';

/** A survey comment theme with the roadmap items that answer it. */
export interface ThemeWithItems {
  theme: string;
  /** Comments carrying it in the latest campaign that has any (at least NPS's k). */
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
 * The survey's top comment themes with the roadmap items that answer them, in
 * one request: the roadmap backend owns the links and asks NPS for the counts
 * (newest campaign per theme; themes under NPS's k comments are left out).
 */
export async function loadTopThemes(
  roadmapApi: Pick<RoadmapApi, 'getTopThemes'>,
  limit = 5,
): Promise<ThemeWithItems[]> {
  return (await loadTopThemesWithK(roadmapApi, limit)).themes;
}

async function loadTopThemesWithK(
  roadmapApi: Pick<RoadmapApi, 'getTopThemes'>,
  limit: number,
): Promise<{ minGroupSize: number | null; themes: ThemeWithItems[] }> {
  const { minGroupSize, themes } = await roadmapApi.getTopThemes(limit);
  return {
    minGroupSize,
    themes: themes.map(t => ({
      theme: t.theme,
      comments: t.comments,
      campaign: t.campaign,
      items: t.items,
    })),
  };
}

/** The top themes, for the health page, with NPS's k (the smallest count shown). */
export function useTopThemes(limit = 5) {
  const roadmapApi = useApi(roadmapApiRef);
  return useAsync(
    () => loadTopThemesWithK(roadmapApi, limit),
    [roadmapApi, limit],
  );
}
