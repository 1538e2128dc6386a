import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { MetricCard } from './MetricCard';
import type { MetricReading } from '../../health/readings';

const reading = (overrides: Partial<MetricReading>): MetricReading => ({
  metric: 'adoption',
  value: 70,
  low: 40,
  high: 89,
  suppressed: false,
  note: '7 of 10 new components',
  targetText: 'at least 80%',
  targetValue: 80,
  status: 'too-early',
  band: null,
  series: [60, 70],
  change: { difference: 10, significant: null },
  period: '2026-Q4',
  ...overrides,
});

// The card of a reading (adoption unless `metric` says otherwise).
const renderReading = (overrides: Partial<MetricReading> = {}) =>
  renderInTestApp(
    <MetricCard
      metric={overrides.metric ?? 'adoption'}
      reading={reading(overrides)}
    />,
  );

// An NPS reading without a number to show.
const npsWithoutNumber: Partial<MetricReading> = {
  metric: 'nps',
  value: null,
  low: null,
  high: null,
  status: 'no-data',
  series: [],
  change: null,
};

describe('MetricCard', () => {
  it('shows the value, its interval, the status, the target and a link to its page', async () => {
    await renderReading();
    expect(
      screen.getByRole('article', { name: 'Golden-path adoption' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('value-adoption')).toHaveTextContent('70%');
    expect(screen.getByText(/95% interval 40 to 89%/)).toBeInTheDocument();
    expect(screen.getByText('Too early to tell')).toBeInTheDocument();
    expect(screen.getByText('Target: at least 80%')).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /Details\s?about golden-path adoption/,
      }),
    ).toHaveAttribute('href', '/golden-paths?tab=adoption');
  });

  it('says a change is not detectable when its interval includes zero, and an untested change is a change in value', async () => {
    await renderInTestApp(
      <>
        <MetricCard
          metric="adoption"
          reading={reading({
            change: {
              difference: 10,
              low: -28.2,
              high: 44.6,
              significant: false,
              since: '2026-Q3',
            },
          })}
        />
        <MetricCard
          metric="leadTime"
          reading={reading({
            metric: 'leadTime',
            low: null,
            high: null,
            change: { difference: -6, significant: null, since: '2026-Q3' },
          })}
        />
      </>,
    );
    expect(screen.getByTestId('change-adoption')).toHaveTextContent(
      'No detectable change since 2026-Q3: +10 pts, and the 95% interval \u221228 pts to +45 pts includes zero',
    );
    expect(screen.getByTestId('change-leadTime')).toHaveTextContent(
      '\u22126 h since 2026-Q3 (a change in value, not tested for significance)',
    );
  });

  it('lists the months of the monthly view, with a month without data in words', async () => {
    await renderReading({
      breakdown: [
        { label: 'Sep 2026', value: 75, note: '3 of 4' },
        { label: 'Oct 2026', value: null, note: 'no new components' },
        { label: 'Nov 2026', value: 70, note: '7 of 10' },
      ],
    });
    const list = screen.getByRole('list', {
      name: 'Golden-path adoption by month',
    });
    expect(
      Array.from(list.querySelectorAll('li')).map(li => li.textContent),
    ).toEqual([
      'Sep 2026: 75% (3 of 4)',
      'Oct 2026: no new components',
      'Nov 2026: 70% (7 of 10)',
    ]);
  });

  it('is loading before its owner answers', async () => {
    await renderInTestApp(<MetricCard metric="nps" loading />);
    expect(screen.getByLabelText('Loading')).toBeInTheDocument();
  });

  it('says when its owner failed', async () => {
    await renderInTestApp(
      <MetricCard metric="nps" error={new Error('NPS is down')} />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not load: NPS is down',
    );
  });

  it('shows no number and says why when there is no data', async () => {
    await renderReading({
      ...npsWithoutNumber,
      note: 'No campaign has results to show yet',
    });
    expect(screen.getByTestId('value-nps')).toHaveTextContent('—');
    expect(screen.getByText('No data')).toBeInTheDocument();
    expect(
      screen.getByText('No campaign has results to show yet'),
    ).toBeInTheDocument();
  });

  it('keeps a suppressed number hidden', async () => {
    await renderReading({
      ...npsWithoutNumber,
      suppressed: true,
      note: 'Hidden: fewer than 5 answers',
    });
    expect(screen.getByTestId('value-nps')).toHaveTextContent('Hidden');
    expect(
      screen.getByText('Hidden: fewer than 5 answers'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/95% interval/)).not.toBeInTheDocument();
  });

  it('says "No target" for a value without one', async () => {
    await renderReading({
      metric: 'reworkRate',
      low: null,
      high: null,
      targetText: null,
      targetValue: null,
      status: 'no-data',
    });
    expect(screen.getByText('No target')).toBeInTheDocument();
  });
});
