import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import {
  Campaign,
  CampaignResults,
  NPS_FOLLOW_UP,
  NPS_QUESTION,
  NpsSummary,
  summarizeNps,
  suppressGroups,
  TeamBreakdownRow,
} from '@paved/plugin-nps-common';
import { ResultsCard } from './ResultsCard';

// Negative numbers are written with U+2212, never a hyphen.
const minus = (n: number) => String(n).replace('-', '\u2212');

const campaign: Campaign = {
  id: '3f7c1a52-9d0e-4b8a-a1c4-5e2f6d7b8c90',
  title: 'Platform NPS 2025 Q4',
  question: NPS_QUESTION,
  followUp: NPS_FOLLOW_UP,
  opensAt: '2025-10-06T09:00:00Z',
  closesAt: '2025-10-27T09:00:00Z',
  audience: { type: 'all' },
  origin: 'schedule',
  status: 'closed',
  answers: 15,
};

function summary(promoters: number, passives: number, detractors: number) {
  return summarizeNps({ promoters, passives, detractors }) as NpsSummary;
}

// 7 promoters, 5 passives, 3 detractors: NPS (7 - 3) / 15 = +26.7, shown as +27.
const overall = summary(7, 5, 3);
const checkout = summary(4, 2, 2);

const teamSummaries: Record<string, NpsSummary> = {
  'group:default/checkout': checkout,
};

// Checkout (8) is shown; "No team" (2) is too small, so Platform (5) is hidden
// too, or its numbers could be worked out as 15 - 8 - 2.
const teams: TeamBreakdownRow[] = suppressGroups(
  [
    { key: 'group:default/checkout', n: 8 },
    { key: 'group:default/platform', n: 5 },
    { key: 'none', n: 2 },
  ],
  5,
).map(({ key, visible, reason }) => {
  const team = key === 'none' ? null : key;
  return visible
    ? { team, visible: true, summary: teamSummaries[key] }
    : { team, visible: false, reason: reason! };
});

function results(overrides: Partial<CampaignResults> = {}): CampaignResults {
  return {
    campaign,
    summary: overall,
    distribution: [1, 0, 1, 0, 0, 1, 0, 2, 3, 4, 3],
    participation: { respondents: 15, eligible: 40, rate: 15 / 40 },
    minGroupSize: 5,
    teams,
    batching: { campaignOpen: false, k: 5 },
    ...overrides,
  };
}

function teamRow(name: string): HTMLElement {
  const table = screen.getByRole('table', { name: 'NPS by team' });
  const row = within(table)
    .getAllByRole('row')
    .find(r => within(r).queryAllByRole('cell')[0]?.textContent === name);
  if (!row) throw new Error(`No row for team ${name}`);
  return row;
}

describe('ResultsCard', () => {
  it('shows the NPS with its sign and its 95% interval', async () => {
    await renderInTestApp(<ResultsCard results={results()} />);

    expect(screen.getByText(`Results: ${campaign.title}`)).toBeInTheDocument();
    expect(screen.getByText('+27')).toBeInTheDocument();
    expect(
      screen.getByText(
        `95% interval ${minus(overall.interval.low)} to ${minus(
          overall.interval.high,
        )}`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('7 / 5 / 3')).toBeInTheDocument();
    expect(
      screen.getByText(
        `${overall.promoterPercent}% / ${overall.passivePercent}% / ${overall.detractorPercent}%`,
      ),
    ).toBeInTheDocument();
  });

  it('shows a negative NPS with a minus sign', async () => {
    const negative = summary(2, 3, 10); // (2 - 10) / 15 = −53.3
    await renderInTestApp(
      <ResultsCard results={results({ summary: negative, teams: [] })} />,
    );

    expect(screen.getByText('−53')).toBeInTheDocument();
  });

  it('shows participation as respondents of eligible and a percentage', async () => {
    await renderInTestApp(<ResultsCard results={results()} />);

    expect(screen.getByText('15 of 40 developers')).toBeInTheDocument();
    // 15 / 40 = 37.5%, rounded to a whole percentage.
    expect(screen.getByText('38%')).toBeInTheDocument();
  });

  it('shows a dash for participation when nobody is eligible', async () => {
    await renderInTestApp(
      <ResultsCard
        results={results({
          participation: { respondents: 0, eligible: 0, rate: null },
        })}
      />,
    );

    expect(screen.getByText('0 of 0 developers')).toBeInTheDocument();
    expect(screen.getByText('—')).toBeInTheDocument();
    expect(screen.queryByText(/^\d+%$/)).not.toBeInTheDocument();
  });

  it('shows no numbers while the summary is hidden', async () => {
    await renderInTestApp(
      <ResultsCard
        results={results({
          summary: null,
          distribution: null,
          participation: { respondents: null, eligible: 40, rate: null },
          teams: [],
        })}
      />,
    );

    expect(
      screen.getByText('Shown once 5 answers are published'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('fewer than 5 of 40 developers'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/95% interval/)).not.toBeInTheDocument();
    expect(
      screen.queryByRole('list', { name: 'Answers per score' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('table', { name: 'NPS by team' }),
    ).not.toBeInTheDocument();
  });

  it('explains, while the survey is open, why a new answer does not move the numbers', async () => {
    await renderInTestApp(
      <ResultsCard
        results={results({
          campaign: { ...campaign, status: 'open' },
          batching: { campaignOpen: true, k: 5 },
        })}
      />,
    );
    expect(
      screen.getByText(
        /a team's answers appear once 10 of them have come in, and 5 are always held back until the survey closes/,
      ),
    ).toBeInTheDocument();
  });

  it('does not explain batching once the survey has closed', async () => {
    await renderInTestApp(<ResultsCard results={results()} />);
    expect(screen.queryByText(/published in batches/)).not.toBeInTheDocument();
  });

  it('shows how many answered each score', async () => {
    await renderInTestApp(<ResultsCard results={results()} />);

    const list = screen.getByRole('list', { name: 'Answers per score' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(11);
    expect(items[0]).toHaveAccessibleName('1 answered 0');
    expect(items[9]).toHaveAccessibleName('4 answered 9');
    expect(items[10]).toHaveAccessibleName('3 answered 10');
  });

  it('shows a visible team with its numbers, named without the ref prefix', async () => {
    await renderInTestApp(<ResultsCard results={results()} />);

    const cells = within(teamRow('checkout')).getAllByRole('cell');
    expect(cells.map(c => c.textContent)).toEqual([
      'checkout',
      '8',
      '+25',
      `${minus(checkout.interval.low)} to ${minus(checkout.interval.high)}`,
      '50% / 25% / 25%',
    ]);
  });

  it('hides a team with too few answers, without any of its numbers', async () => {
    await renderInTestApp(<ResultsCard results={results()} />);

    const row = teamRow('No team');
    const cells = within(row).getAllByRole('cell');
    expect(cells.map(c => c.textContent)).toEqual([
      'No team',
      'Hidden: fewer than 5 answers',
    ]);
  });

  it('uses the configured minimum group size in the too-few-answers reason', async () => {
    await renderInTestApp(
      <ResultsCard
        results={results({
          minGroupSize: 8,
          teams: [
            {
              team: 'group:default/search',
              visible: false,
              reason: 'too-few-answers',
            },
          ],
        })}
      />,
    );

    expect(within(teamRow('search')).getAllByRole('cell')[1]).toHaveTextContent(
      /^Hidden: fewer than 8 answers$/,
    );
  });

  it('hides a complementary team, without any of its numbers', async () => {
    await renderInTestApp(<ResultsCard results={results()} />);

    const row = teamRow('platform');
    const cells = within(row).getAllByRole('cell');
    expect(cells.map(c => c.textContent)).toEqual([
      'platform',
      'Hidden: its numbers could be worked out from the other teams',
    ]);
    expect(row.textContent).not.toMatch(/\d/);
  });

  it('labels the row of people without a team "No team"', async () => {
    const noTeam = summary(3, 2, 1);
    await renderInTestApp(
      <ResultsCard
        results={results({
          teams: [
            {
              team: 'group:default/checkout',
              visible: true,
              summary: checkout,
            },
            { team: null, visible: true, summary: noTeam },
          ],
        })}
      />,
    );

    const cells = within(teamRow('No team')).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent(/^No team$/);
    expect(cells[1]).toHaveTextContent(/^6$/);
    expect(cells[2]).toHaveTextContent(/^\+33$/);
  });
});
