import { adoptionRate } from '@paved/plugin-golden-paths-common';
import { changeWords } from './review';
import {
  adoptionReading,
  doraReadings,
  npsReading,
  onboardingReading,
  participationReading,
  monthLabel,
  previousDoraWindowEnd,
  sameTeam,
} from './readings';
import {
  TARGETS,
  makeReport,
  makeResults,
  makeTrend,
  summary,
} from '../__testUtils__/fixtures';
import { DAY_MS } from '@paved/plugin-platform-metrics-common';

// 7 of 10 new components from golden paths in 2026-Q4: 70%, and an interval
// that spans the 80% goal.
const q4Adoption = {
  goal: 0.8,
  quarters: [
    {
      quarter: '2026-Q4',
      newComponents: 10,
      fromGoldenPaths: 7,
      adoption: { rate: 0.7, low: 0.397, high: 0.892 },
    },
  ],
};

describe('health readings', () => {
  it('reads NPS from the latest campaign against the goal line, with its change and significance', () => {
    const r = npsReading({
      trend: makeTrend(),
      results: makeResults(),
      targets: TARGETS,
      view: 'quarterly',
    });
    expect(r.value).toBe(30);
    expect(r.targetValue).toBe(20);
    // 100 answers: the interval (about ±16) spans the +20 goal line.
    expect(r.low).toBeLessThan(20);
    expect(r.status).toBe('too-early');
    expect(r.change).toEqual({
      difference: 20,
      significant: true,
      since: 'the previous campaign',
    });
    expect(r.series).toEqual([10, 30]);
  });

  it('shows a team only where its group is large enough, and says why not', () => {
    const base = {
      trend: makeTrend(),
      results: makeResults(),
      targets: TARGETS,
      view: 'quarterly' as const,
    };
    const checkout = npsReading({ ...base, team: 'group:default/checkout' });
    expect(checkout.value).toBe(summary(6, 2, 2).nps);
    const data = npsReading({ ...base, team: 'group:default/data' });
    expect(data).toMatchObject({
      value: null,
      low: null,
      suppressed: true,
      status: 'no-data',
      note: 'Hidden: fewer than 5 answers',
    });
    const none = npsReading({ ...base, team: 'group:default/fleet' });
    expect(none).toMatchObject({ value: null, suppressed: false });
  });

  it('keeps participation hidden while the campaign hides it', () => {
    const results = makeResults();
    results.participation = { respondents: null, eligible: 40, rate: null };
    expect(participationReading({ results, targets: TARGETS })).toMatchObject({
      value: null,
      suppressed: true,
      status: 'no-data',
    });
    expect(
      participationReading({ results: makeResults(), targets: TARGETS }),
    ).toMatchObject({ value: 62.5, status: 'on-track' });
  });

  it('judges adoption with its interval against 80%', () => {
    const r = adoptionReading({
      trend: q4Adoption,
      teams: null,
      targets: TARGETS,
      view: 'quarterly',
    });
    expect(r.value).toBeCloseTo(70);
    expect(r.status).toBe('too-early');
  });

  it("tests adoption's change since last quarter (Newcombe's interval), and compares with the quarter right before", () => {
    const quarter = (
      q: string,
      fromGoldenPaths: number,
      newComponents: number,
    ) => ({
      quarter: q,
      newComponents,
      fromGoldenPaths,
      adoption: adoptionRate({ newComponents, fromGoldenPaths }),
    });
    const read = (quarters: ReturnType<typeof quarter>[]) =>
      adoptionReading({
        trend: { goal: 0.8, quarters },
        teams: null,
        targets: TARGETS,
        view: 'quarterly',
      });
    // Newcombe (1998)'s first example: 56/70 vs 48/80, +20 points in 5.2 to 33.4.
    const rise = read([quarter('2026-Q3', 48, 80), quarter('2026-Q4', 56, 70)]);
    expect(rise.change).toMatchObject({
      significant: true,
      since: '2026-Q3',
    });
    expect(rise.change!.difference).toBeCloseTo(20, 8);
    expect(rise.change!.low).toBeCloseTo(5.2431, 3);
    expect(rise.change!.high).toBeCloseTo(33.3873, 3);
    expect(changeWords(rise)).toBe(
      '+20 pts since 2026-Q3 (95% interval +5 pts to +33 pts, significant at 95%)',
    );
    // 7/10 vs 6/10: +10 points, but −28.2 to +44.6 includes zero.
    const noise = read([quarter('2026-Q3', 6, 10), quarter('2026-Q4', 7, 10)]);
    expect(noise.change!.significant).toBe(false);
    expect(noise.change!.low).toBeCloseTo(-28.1686, 3);
    expect(noise.change!.high).toBeCloseTo(44.5689, 3);
    expect(changeWords(noise)).toBe(
      'No detectable change since 2026-Q3: +10 pts, and the 95% interval \u221228 pts to +45 pts includes zero',
    );
    // Last quarter had no new components: no change, not the change since an older quarter.
    const gap = read([
      quarter('2026-Q2', 1, 10),
      quarter('2026-Q3', 0, 0),
      quarter('2026-Q4', 7, 10),
    ]);
    expect(gap.value).toBeCloseTo(70);
    expect(gap.change).toBeNull();
    expect(changeWords(gap)).toBe('—');
    // A single quarter: nothing to compare with.
    expect(read([quarter('2026-Q4', 7, 10)]).change).toBeNull();
  });

  it('adds the last months in the monthly view, a month without new components said so', () => {
    const r = adoptionReading({
      trend: q4Adoption,
      teams: null,
      months: {
        goal: 0.8,
        months: [
          {
            month: '2026-09',
            newComponents: 4,
            fromGoldenPaths: 3,
            adoption: { rate: 0.75, low: 0.3, high: 0.95 },
          },
          {
            month: '2026-10',
            newComponents: 0,
            fromGoldenPaths: 0,
            adoption: null,
          },
          {
            month: '2026-11',
            newComponents: 6,
            fromGoldenPaths: 4,
            adoption: { rate: 4 / 6, low: 0.3, high: 0.9 },
          },
        ],
      },
      targets: TARGETS,
      view: 'monthly',
    });
    expect(r.value).toBeCloseTo(70);
    expect(r.series).toEqual([75, null, (4 / 6) * 100]);
    expect(r.breakdown).toEqual([
      { label: 'Sep 2026', value: 75, note: '3 of 4' },
      { label: 'Oct 2026', value: null, note: 'no new components' },
      { label: 'Nov 2026', value: (4 / 6) * 100, note: '4 of 6' },
    ]);
    expect(monthLabel('2027-01')).toBe('Jan 2027');
    expect(monthLabel('2026-12')).toBe('Dec 2026');
  });

  it('hides time to first deployment while no cohort is large enough', () => {
    const r = onboardingReading({
      report: {
        minCohortSize: 5,
        cohorts: [
          {
            cohort: '2026-10',
            joined: 3,
            deployed: null,
            notYetDeployed: null,
            medianDays: null,
          },
        ],
      },
      targets: TARGETS,
    });
    expect(r).toMatchObject({ value: null, suppressed: true });
    expect(r.note).toMatch(/no cohort has 5 first deployments/);
  });

  it('classifies DORA against the target band, one band short being at risk', () => {
    const readings = doraReadings({
      report: makeReport({
        deployments: 90,
        changeFailures: 9,
        leadTimeMs: 2 * DAY_MS,
        leadTimeCommits: 90,
      }),
      history: null,
      targets: TARGETS,
    });
    const byId = Object.fromEntries(readings.map(r => [r.metric, r]));
    expect(byId.changeFailureRate).toMatchObject({
      value: 10,
      band: 'High',
      status: 'on-track',
    });
    expect(byId.leadTime).toMatchObject({ value: 48, band: 'High' });
    expect(byId.recoveryTime).toMatchObject({ value: null, status: 'no-data' });
    expect(
      doraReadings({
        report: makeReport({
          deployments: 90,
          changeFailures: 12,
        }),
        history: null,
        targets: TARGETS,
      }).find(r => r.metric === 'changeFailureRate'),
    ).toMatchObject({ band: 'Medium', status: 'at-risk' });
  });

  it("gives each DORA metric's change since the window a quarter earlier as a change in value", () => {
    expect(previousDoraWindowEnd(new Date('2026-11-30T12:00:00Z'))).toBe(
      '2026-08-31',
    );
    const previous = {
      ...makeReport({
        deployments: 45,
        changeFailures: 9,
        leadTimeMs: 3 * DAY_MS,
        leadTimeCommits: 45,
      }),
      window: {
        from: '2026-06-02T00:00:00.000Z',
        to: '2026-09-01T00:00:00.000Z',
        days: 90,
      },
    };
    const report = makeReport({
      deployments: 90,
      changeFailures: 9,
      leadTimeMs: 2 * DAY_MS,
      leadTimeCommits: 90,
    });
    const byId = Object.fromEntries(
      doraReadings({ report, history: null, previous, targets: TARGETS }).map(
        r => [r.metric, r],
      ),
    );
    const since = 'the 90 days to 2026-08-31';
    // 90 deployments in 90 days is 7 a week; 45 was 3.5.
    expect(byId.deploymentFrequency.change).toEqual({
      difference: 3.5,
      significant: null,
      since,
    });
    // 9 of 90 is 10%, 9 of 45 was 20%: two proportions, so Newcombe's hybrid
    // score interval (values computed separately from the Wilson intervals
    // 9/90 and 9/45): -24.58 to +2.07 points, which includes zero.
    const failures = byId.changeFailureRate.change!;
    expect(failures.difference).toBeCloseTo(-10, 10);
    expect(failures.low).toBeCloseTo(-24.584, 2);
    expect(failures.high).toBeCloseTo(2.0695, 3);
    expect(failures.significant).toBe(false);
    expect(changeWords(byId.changeFailureRate)).toBe(
      'No detectable change since the 90 days to 2026-08-31: \u221210 pts, and the 95% interval \u221225 pts to +2 pts includes zero',
    );
    // 9 of 90 against 30 of 90 a quarter earlier: -34.58 to -11.43 points,
    // a significant fall.
    const fell = doraReadings({
      report,
      history: null,
      previous: {
        ...makeReport({ deployments: 90, changeFailures: 30 }),
        window: previous.window,
      },
      targets: TARGETS,
    }).find(r => r.metric === 'changeFailureRate')!.change!;
    expect(fell.difference).toBeCloseTo(-23.333, 2);
    expect(fell.low).toBeCloseTo(-34.583, 2);
    expect(fell.high).toBeCloseTo(-11.432, 2);
    expect(fell.significant).toBe(true);
    // 48 hours, down from 72.
    expect(byId.leadTime.change!.difference).toBe(-24);
    expect(changeWords(byId.leadTime)).toBe(
      '\u221224 h since the 90 days to 2026-08-31 (a change in value, not tested for significance)',
    );
    // No recovery in either window: no change to show.
    expect(byId.recoveryTime.change).toBeNull();
    // Too little data a quarter earlier: no change either.
    const thin = doraReadings({
      report,
      history: null,
      previous: makeReport({ deployments: 2, leadTimeCommits: 0 }),
      targets: TARGETS,
    });
    expect(
      thin.find(r => r.metric === 'deploymentFrequency')!.change,
    ).toBeNull();
    // Without the earlier window (the monthly view): none.
    expect(
      doraReadings({ report, history: null, targets: TARGETS }).every(
        r => r.change === null,
      ),
    ).toBe(true);
  });

  it('matches team refs however they are written', () => {
    expect(sameTeam('checkout', 'group:default/checkout')).toBe(true);
    expect(sameTeam('group:default/Checkout', 'group:default/checkout')).toBe(
      true,
    );
    expect(sameTeam(null, 'group:default/checkout')).toBe(false);
  });
});
