import { DAY_MS } from '@paved/plugin-platform-metrics-common';
import { TARGETS, fakeApis, item, makeReport } from '../__testUtils__/fixtures';
import { formatDifference, loadReview, reviewMarkdown } from './review';

describe('the quarterly review', () => {
  it('lists every metric, OKRs, what shipped and is next, breaking changes, themes and the not-doing list', async () => {
    const apis = fakeApis({
      roadmap: {
        listItems: jest.fn().mockResolvedValue([
          item({
            id: 'a',
            title: 'Preview environments',
            horizon: 'now',
            breakingChange: {
              notice: 'Old previews stop',
              effectiveDate: '2027-01-15',
            },
          }),
          item({
            id: 's',
            title: 'CI cache',
            status: 'generally-available',
            shippedAt: '2026-10-20T00:00:00Z',
          }),
          ...['One', 'Two', 'Three'].map((t, i) =>
            item({
              id: `d${i}`,
              title: `Not ${t}`,
              status: 'declined',
              declineReason: `Reason ${t}`,
            }),
          ),
        ]),
        getTopThemes: jest.fn().mockResolvedValue({
          minGroupSize: 5,
          themes: [
            {
              theme: 'slow ci',
              comments: 12,
              campaignId: 'c4',
              campaign: '2026-Q4 survey',
              items: [{ id: 'a', title: 'Preview environments' }],
            },
          ],
        }),
      },
    });
    // The 90 days a quarter earlier: half the deployments, twice the failure rate.
    const previous = makeReport({
      deployments: 45,
      changeFailures: 9,
      leadTimeMs: 2 * DAY_MS,
      leadTimeCommits: 45,
    });
    previous.window = {
      from: '2026-06-02T00:00:00.000Z',
      to: '2026-09-01T00:00:00.000Z',
      days: 90,
    };
    (apis.metrics.getDora as jest.Mock).mockImplementation(
      async (request: { end?: string }) =>
        request.end === '2026-08-31'
          ? previous
          : makeReport({
              deployments: 90,
              changeFailures: 9,
              leadTimeMs: 2 * DAY_MS,
              leadTimeCommits: 90,
            }),
    );
    const data = await loadReview(
      {
        health: apis.health,
        nps: apis.nps,
        goldenPaths: apis.goldenPaths,
        metrics: apis.metrics,
        roadmap: apis.roadmap,
      },
      TARGETS,
      new Date('2026-11-30T12:00:00Z'),
    );
    const md = reviewMarkdown(data);
    expect(md).toMatch(/^# Platform health review, Q4 2026\n/);
    expect(md).toContain(
      '| Platform NPS | +30 (95%: +15 to +45) | at least +20 (goal line) | Too early to tell | +20 since the previous campaign (significant at 95%) |',
    );
    expect(md).toContain(
      '| Golden-path adoption | 70% (95%: 40% to 89%) | at least 80% | Too early to tell | No detectable change since 2026-Q3: +10 pts, and the 95% interval \u221228 pts to +45 pts includes zero |',
    );
    expect(md).toContain(
      '| Deployment frequency | 7/week, High | High or better | On track | +3.5/week since the 90 days to 2026-08-31 (a change in value, not tested for significance) |',
    );
    expect(md).toContain(
      '| Change failure rate | 10%, High | High or better | On track | No detectable change since the 90 days to 2026-08-31: \u221210 pts, and the 95% interval \u221225 pts to +2 pts includes zero |',
    );
    expect(apis.metrics.getDora).toHaveBeenCalledWith({
      windowDays: 90,
      end: '2026-08-31',
    });
    // Time to first deployment pooled by joining quarter.
    expect(apis.metrics.getOnboarding).toHaveBeenCalledWith({ quarters: 8 });
    expect(md).toContain('## What shipped\n\n- **CI cache**');
    expect(md).toContain('## What is next\n\n- **Preview environments** (Now)');
    expect(md).toContain(
      '**Preview environments**, from 2027-01-15: Old previews stop',
    );
    expect(md).toContain(
      '- **slow ci**: 12 comments (2026\\-Q4 survey); Preview environments',
    );
    expect(md).toContain('## Not doing, and why');
    for (const t of ['One', 'Two', 'Three']) {
      expect(md).toContain(`- **Not ${t}**: Reason ${t}`);
    }
    expect(md).not.toContain('Nothing declined.');
    expect(md).not.toMatch(/Declined: None/);
  });

  it('signs a difference unless it rounds to nothing; percentages change by points', () => {
    expect(formatDifference(20, 'points')).toBe('+20');
    expect(formatDifference(-0.3, 'percent')).toBe('0 pts');
    expect(formatDifference(0.4, 'points')).toBe('0');
    expect(formatDifference(-10, 'percent')).toBe('\u221210 pts');
    // An interval's end: a tenth rather than a 0 that hides which side it is on.
    expect(formatDifference(-0.4, 'percent', true)).toBe('\u22120.4 pts');
    expect(formatDifference(0.36, 'percent', true)).toBe('+0.4 pts');
    expect(formatDifference(0.04, 'percent', true)).toBe('0 pts');
    expect(formatDifference(-0.3, 'points', true)).toBe('\u22120.3');
    expect(formatDifference(-2.4, 'percent', true)).toBe('\u22122 pts');
    expect(formatDifference(0.2, 'days', true)).toBe('+0.2 days');
    expect(formatDifference(3.5, 'perWeek')).toBe('+3.5/week');
    expect(formatDifference(-0.04, 'perWeek')).toBe('0/week');
    expect(formatDifference(-24, 'hours')).toBe('\u221224 h');
    expect(formatDifference(72, 'hours')).toBe('+3 days');
    expect(formatDifference(-1.5, 'days')).toBe('\u22121.5 days');
  });
});
