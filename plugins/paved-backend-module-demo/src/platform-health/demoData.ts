import { addQuarters, quarterBounds, quarterOf } from '@paved/common';
import type { PlatformHealthDemoDataContext } from '@paved/plugin-platform-health-backend';

const PM = 'user:default/priya.raman';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The platform team's OKRs for the current quarter: key results bound to the
 * health metrics and one entered by hand, with check-ins at the monthly reviews.
 * Loads once: nothing is written when the quarter already has objectives.
 */
export async function loadPlatformHealthDemoData(
  { store, service }: PlatformHealthDemoDataContext,
  now: Date = new Date(),
): Promise<boolean> {
  const quarter = quarterOf(now);
  if ((await service.list(quarter)).objectives.length > 0) return false;
  const { start, end } = quarterBounds(quarter);
  const due = new Date(end.getTime() - DAY_MS).toISOString().slice(0, 10);
  // Check-ins at the first two monthly reviews that have already happened.
  const reviews = [1, 2]
    .map(month => new Date(start.getTime() + month * 30 * DAY_MS))
    .filter(at => at < now);

  const developers = await service.create(
    {
      quarter,
      title: 'Developers recommend the platform',
      description:
        'Close the loop on the survey: ship what the top comment themes ask for.',
      keyResults: [
        {
          title: 'Platform NPS reaches +30',
          metric: 'nps',
          start: 20,
          target: 30,
          due,
        },
        {
          title: 'Lead time for changes under 20 hours',
          metric: 'leadTime',
          start: 30,
          target: 20,
          due,
        },
      ],
    },
    PM,
  );
  const paths = await service.create(
    {
      quarter,
      title: 'Golden paths are the easy way',
      description: 'Most new services start from a golden path, by choice.',
      keyResults: [
        {
          title: 'Golden-path adoption reaches 75%',
          metric: 'adoption',
          start: 60,
          target: 75,
          due,
        },
        {
          title: 'Change failure rate below 10%',
          metric: 'changeFailureRate',
          start: 14,
          target: 10,
          due,
        },
        {
          title: 'Six teams build on CI v2',
          metric: 'manual',
          unit: 'teams',
          start: 2,
          target: 6,
          due,
        },
      ],
    },
    PM,
  );
  const checkIns: Array<[string, number[], string[]]> = [
    [
      developers.keyResults[0].id,
      [22, 25],
      ['Survey opened', 'Comments tagged'],
    ],
    [paths.keyResults[0].id, [62, 66], ['', 'Data team pairing started']],
    [paths.keyResults[2].id, [3, 4], ['Fleet on CI v2', 'Routing migrated']],
  ];
  for (const [id, values, notes] of checkIns) {
    for (const [i, at] of reviews.entries()) {
      await store.addCheckIn(id, values[i], notes[i], PM, at);
    }
  }
  // Last quarter's objective, so the quarterly view has history.
  const previous = addQuarters(quarter, -1);
  if ((await service.list(previous)).objectives.length === 0) {
    const prevEnd = new Date(quarterBounds(previous).end.getTime() - DAY_MS);
    await store.createObjective(
      previous,
      {
        title: 'New joiners ship in their first fortnight',
        description: '',
        keyResults: [
          {
            title: 'Median time to first deployment under 14 days',
            metric: 'onboarding',
            start: 21,
            target: 14,
            due: prevEnd.toISOString().slice(0, 10),
          },
        ],
      },
      PM,
      quarterBounds(previous).start,
    );
  }
  return true;
}
