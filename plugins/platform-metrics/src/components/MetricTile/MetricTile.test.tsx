import { screen } from '@testing-library/react';
import { DAY_MS } from '@paved/plugin-platform-metrics-common';
import {
  fakeApi,
  makeReport,
  renderMetrics,
} from '../../__testUtils__/fixtures';
import { MetricTile } from './MetricTile';

// Rendering a whole page is slow on a busy 2-core machine.
jest.setTimeout(60_000);

describe('MetricTile', () => {
  it('shows the value with nowrap, the band with its version, and what it is over', async () => {
    const report = makeReport({
      deployments: 100,
      leadTimeMs: DAY_MS,
      leadTimeCommits: 240,
    });
    await renderMetrics(
      <MetricTile
        metric={report.metrics.leadTime}
        bandVersion="dora-2023"
        trend={[1, 2, 3]}
      />,
      { api: fakeApi() },
    );
    const tile = screen.getByRole('article', { name: 'Change lead time' });
    expect(tile).toHaveTextContent('1.0 days');
    expect(screen.getByText('1.0 days')).toHaveStyle({ whiteSpace: 'nowrap' });
    // Exactly one day is not "less than one day": high, not elite.
    expect(screen.getByText('High · dora-2023')).toBeInTheDocument();
    expect(tile).toHaveTextContent('over 240 commits');
    expect(
      screen.getByRole('img', { name: 'Change lead time, weekly trend' }),
    ).toBeInTheDocument();
  });

  it('says too little data in words and shows no band', async () => {
    const report = makeReport({ deployments: 4, changeFailures: 1 });
    await renderMetrics(
      <MetricTile
        metric={report.metrics.changeFailureRate}
        bandVersion="dora-2023"
        trend={[]}
      />,
      { api: fakeApi() },
    );
    expect(
      screen.getByText(
        'Too little data: 4 production deployments in 90 days (at least 5 are needed).',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/dora-2023/)).toBeNull();
    expect(screen.queryByText('25%')).toBeNull();
  });

  it('rework rate: a value and trend, never a band', async () => {
    const report = makeReport({ deployments: 20, rework: 3 });
    await renderMetrics(
      <MetricTile
        metric={report.metrics.reworkRate}
        bandVersion="dora-2023"
        trend={[1, 2]}
      />,
      { api: fakeApi() },
    );
    expect(screen.getByText('15%')).toBeInTheDocument();
    expect(
      screen.getByText('No published band: value and trend'),
    ).toBeInTheDocument();
  });
});
