import { screen, within } from '@testing-library/react';
import {
  fakeGoldenPathsApi,
  makeByTeam,
  renderGoldenPaths,
  team,
} from '../../__testUtils__/fixtures';
import { TeamAdoptionTable, byRateAscending } from './TeamAdoptionTable';

describe('TeamAdoptionTable', () => {
  it('orders lowest rate first, ties by name, teams without a rate last', () => {
    const teams = [
      team('group:default/b', 4, 4),
      { ...team('group:default/none', 0, 0), adoption: null },
      team('group:default/c', 10, 5),
      team('group:default/a', 2, 1),
    ].sort(byRateAscending);
    expect(teams.map(t => t.team)).toEqual([
      'group:default/a',
      'group:default/c',
      'group:default/b',
      'group:default/none',
    ]);
  });

  it('marks only the teams below the goal; exactly 80% meets it', async () => {
    await renderGoldenPaths(
      <TeamAdoptionTable
        byTeam={makeByTeam([
          team('group:default/at-goal', 5, 4),
          team('group:default/just-below', 10, 7),
        ])}
      />,
      { api: fakeGoldenPathsApi() },
    );
    const table = screen.getByRole('table', { name: 'Adoption by team' });
    const [, below, atGoal] = within(table).getAllByRole('row');
    expect(below).toHaveTextContent('just-below');
    expect(within(below).getByText('Below goal')).toBeInTheDocument();
    expect(atGoal).toHaveTextContent('at-goal');
    expect(within(atGoal).queryByText('Below goal')).toBeNull();
  });
});
