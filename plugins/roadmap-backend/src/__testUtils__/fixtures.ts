import { ThemeLatestDemand } from '../service/NpsDemandSource';

/** NPS's latest demand for 'ci speed': 6 comments in the Q4 2026 campaign (k is 5). */
export const ciSpeedLatestDemand: {
  minGroupSize: number;
  items: ThemeLatestDemand[];
} = {
  minGroupSize: 5,
  items: [
    {
      theme: 'ci speed',
      campaignId: 'q4',
      title: 'Platform NPS Q4 2026',
      opensAt: '2026-10-01T09:00:00.000Z',
      comments: 6,
    },
  ],
};
