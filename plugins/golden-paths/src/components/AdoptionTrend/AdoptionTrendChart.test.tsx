import { screen } from '@testing-library/react';
import {
  fakeGoldenPathsApi,
  makeTrend,
  quarter,
  renderGoldenPaths,
} from '../../__testUtils__/fixtures';
import AdoptionTrendChart, { toChartData } from './AdoptionTrendChart';

const trend = makeTrend([
  quarter('2026-Q1', 10, 7),
  quarter('2026-Q2', 0, 0),
  quarter('2026-Q3', 4, 4),
]);

describe('AdoptionTrendChart', () => {
  it('plots percentages, and a quarter without new components as a gap, not zero', () => {
    const [q1, q2, q3] = toChartData(trend);
    expect(q1.quarter).toBe('Q1 2026');
    expect(q1.adoption).toBeCloseTo(70);
    expect(q1.interval![0]).toBeCloseTo(39.68, 1);
    expect(q1.interval![1]).toBeCloseTo(89.22, 1);
    expect(q2).toEqual({ quarter: 'Q2 2026', adoption: null, interval: null });
    expect(q3.adoption).toBe(100);
  });

  it('draws the goal line and percentage axis', async () => {
    await renderGoldenPaths(<AdoptionTrendChart trend={trend} />, {
      api: fakeGoldenPathsApi(),
    });
    expect(
      await screen.findByRole('img', {
        name: /Q1 2026 to Q3 2026, against the 80% goal/,
      }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Goal 80%')).toBeInTheDocument();
    for (const tick of ['0%', '20%', '80%', '100%']) {
      expect(screen.getByText(tick)).toBeInTheDocument();
    }
  });
});
