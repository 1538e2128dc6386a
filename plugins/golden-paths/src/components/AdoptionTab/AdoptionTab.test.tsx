import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addQuarters, quarterOf } from '@paved/common';
import {
  fakeGoldenPathsApi,
  makeByTeam,
  makeOffPath,
  makeTrend,
  quarter,
  renderGoldenPaths,
  team,
} from '../../__testUtils__/fixtures';
import { AdoptionTab } from './AdoptionTab';

const trend = makeTrend([
  quarter('2026-Q1', 10, 7),
  quarter('2026-Q2', 0, 0),
  quarter('2026-Q3', 10, 2),
  quarter('2026-Q4', 13, 8),
]);

function rows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      [...row.querySelectorAll('th, td')].map(cell => cell.textContent ?? ''),
    );
}

async function renderTab(overrides = {}) {
  const api = fakeGoldenPathsApi([], {
    getAdoption: jest.fn().mockResolvedValue(trend),
    ...overrides,
  });
  await renderGoldenPaths(<AdoptionTab />, { api });
  return api;
}

const region = (name: string) => screen.getByRole('region', { name });

describe('AdoptionTab', () => {
  it("heads with this quarter's rate, its interval and n", async () => {
    await renderTab();
    const headline = region('This quarter');
    expect(
      await within(headline).findByText(
        '62% of 13 new components (95% interval 36–82%)',
      ),
    ).toBeInTheDocument();
    expect(headline).toHaveTextContent('against the 80% goal');
  });

  it('asks for the last 8 quarters up to the current one, and 4 or 12 on request', async () => {
    const api = await renderTab();
    const current = quarterOf(new Date());
    expect(api.getAdoption).toHaveBeenCalledWith({
      from: addQuarters(current, -7),
      to: current,
    });
    const select = screen.getByRole('combobox', { name: 'Window' });
    expect(select).toHaveValue('8');
    await userEvent.selectOptions(select, 'Last 12 quarters');
    await waitFor(() =>
      expect(api.getAdoption).toHaveBeenLastCalledWith({
        from: addQuarters(current, -11),
        to: current,
      }),
    );
    await userEvent.selectOptions(select, 'Last 4 quarters');
    await waitFor(() =>
      expect(api.getAdoption).toHaveBeenLastCalledWith({
        from: addQuarters(current, -3),
        to: current,
      }),
    );
  });

  it('draws the trend chart and offers the same figures as a table, gaps included', async () => {
    await renderTab();
    const trendRegion = region('Adoption per quarter');
    expect(
      await within(trendRegion).findByRole('img', {
        name: /Chart of golden-path adoption per quarter, Q1 2026 to Q4 2026, against the 80% goal/,
      }),
    ).toBeInTheDocument();
    const toggle = within(trendRegion).getByRole('button', {
      name: 'Show as table',
    });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const table = within(trendRegion).getByRole('table', {
      name: 'Adoption per quarter',
    });
    expect(rows(table)).toEqual([
      ['Q1 2026', '10', '7', '70%', '40–89%', 'Below goal'],
      ['Q2 2026', '0', '0', 'No new components', '—', '—'],
      ['Q3 2026', '10', '2', '20%', '6–51%', 'Below goal'],
      ['Q4 2026', '13', '8', '62%', '36–82%', 'Below goal'],
    ]);
    expect(within(trendRegion).queryByRole('img')).toBeNull();
  });

  it('says so when no quarter had new components', async () => {
    await renderTab({
      getAdoption: jest
        .fn()
        .mockResolvedValue(
          makeTrend([quarter('2026-Q3', 0, 0), quarter('2026-Q4', 0, 0)]),
        ),
    });
    expect(
      await within(region('Adoption per quarter')).findByText(
        'No new components in these quarters.',
      ),
    ).toBeInTheDocument();
  });

  it('lists teams lowest rate first, marking those below the goal', async () => {
    await renderTab({
      getTeamAdoption: jest
        .fn()
        .mockResolvedValue(
          makeByTeam([
            team('group:default/payments', 5, 5),
            team('group:default/search', 10, 2),
            team('group:ops/sre', 4, 3),
          ]),
        ),
    });
    const teams = region('Adoption by team');
    const table = await within(teams).findByRole('table', {
      name: 'Adoption by team',
    });
    expect(teams).toHaveTextContent('Q1 2026 to Q4 2026, lowest first');
    expect(rows(table)).toEqual([
      ['search', '10', '2', '20%', '6–51%', 'Below goal'],
      ['ops/sre', '4', '3', '75%', '30–95%', 'Below goal'],
      ['payments', '5', '5', '100%', '57–100%', ''],
    ]);
    expect(
      within(table).getByRole('link', { name: 'ops/sre' }),
    ).toHaveAttribute('href', '/catalog/ops/group/sre');
  });

  it('lists the new services off the golden paths with owner, date and template', async () => {
    const api = await renderTab({
      listOffPathServices: jest.fn().mockResolvedValue([
        makeOffPath(),
        makeOffPath({
          entityRef: 'component:default/quick-hack',
          title: '',
          owner: null,
          sourceTemplate: null,
          firstSeenAt: '2026-10-15T12:00:00Z',
        }),
      ]),
    });
    expect(api.listOffPathServices).toHaveBeenCalledWith({ limit: 20 });
    const table = await within(
      region('New services off the golden paths'),
    ).findByRole('table', { name: 'New services off the golden paths' });
    expect(rows(table)).toEqual([
      ['Legacy billing', 'billing-team', '2 Nov 2026', 'old-node-service'],
      ['quick-hack', 'No owner', '15 Oct 2026', 'No template'],
    ]);
    expect(
      within(table).getByRole('link', { name: 'Legacy billing' }),
    ).toHaveAttribute('href', '/catalog/default/component/legacy-billing');
    expect(
      within(table).getByRole('link', { name: 'billing-team' }),
    ).toHaveAttribute('href', '/catalog/default/group/billing-team');
  });

  it('says so when teams and off-path services are empty', async () => {
    await renderTab();
    expect(
      await within(region('Adoption by team')).findByText(
        'No team registered a new component in these quarters.',
      ),
    ).toBeInTheDocument();
    expect(
      await within(region('New services off the golden paths')).findByText(
        'No new services off the golden paths.',
      ),
    ).toBeInTheDocument();
  });

  it('shows each section’s error on its own', async () => {
    await renderTab({
      getAdoption: jest.fn().mockRejectedValue(new Error('Adoption is down')),
      getTeamAdoption: jest.fn().mockRejectedValue(new Error('Teams are down')),
      listOffPathServices: jest
        .fn()
        .mockRejectedValue(new Error('Off-path list is down')),
    });
    for (const [name, message] of [
      ['This quarter', /Adoption is down/],
      ['Adoption per quarter', /Adoption is down/],
      ['Adoption by team', /Teams are down/],
      ['New services off the golden paths', /Off-path list is down/],
    ] as const) {
      expect(
        (await within(region(name)).findAllByText(message)).length,
      ).toBeGreaterThan(0);
    }
  });
});
