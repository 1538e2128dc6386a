import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  Objective,
  ObjectiveHistory,
} from '@paved/plugin-platform-health-common';
import { TARGETS, fakeApis, renderHealth } from '../../__testUtils__/fixtures';
import { OkrSection } from './OkrSection';
import { describeChange } from './ObjectiveHistory';

const PM = 'user:default/priya.raman';
const objective: Objective = {
  id: 'o1',
  quarter: '2026-Q4',
  title: 'Golden paths are the easy way',
  description: '',
  version: 2,
  createdBy: PM,
  updatedBy: 'user:default/sam.okafor',
  updatedAt: '2026-11-20T09:30:00Z',
  keyResults: [
    {
      id: 'k1',
      title: 'Adoption reaches 80%',
      metric: 'adoption',
      unit: null,
      start: 60,
      target: 80,
      due: '2027-01-15',
      checkIns: [],
    },
  ],
};

const edited: ObjectiveHistory = {
  objectiveId: 'o1',
  createdBy: PM,
  createdAt: '2026-10-02T08:00:00.000Z',
  revisions: [
    {
      version: 2,
      changedBy: 'user:default/sam.okafor',
      changedAt: '2026-11-20T09:30:00.000Z',
      changes: [
        {
          field: 'target',
          keyResultId: 'k1',
          keyResultTitle: 'Adoption reaches 80%',
          before: 75,
          after: 80,
        },
        {
          field: 'metric',
          keyResultId: 'k1',
          keyResultTitle: 'Adoption reaches 80%',
          before: 'manual',
          after: 'adoption',
        },
        {
          field: 'keyResult',
          keyResultId: 'k9',
          keyResultTitle: 'Old one',
          before: 'Old one',
          after: null,
        },
      ],
    },
  ],
};

function render(getObjectiveHistory: jest.Mock) {
  return renderHealth(<OkrSection targets={TARGETS} view="quarterly" />, {
    apis: fakeApis({
      health: {
        getOkrs: jest
          .fn()
          .mockResolvedValue({ quarter: '2026-Q4', objectives: [objective] }),
        getObjectiveHistory,
      },
    }),
  });
}

const historyButton = () =>
  screen.findByRole('button', {
    name: /edit history of Golden paths are the easy way/,
  });

describe('ObjectiveHistory', () => {
  it('opens from the keyboard and lists each edit with who, when, before and after', async () => {
    const getObjectiveHistory = jest.fn().mockResolvedValue(edited);
    await render(getObjectiveHistory);
    const button = await historyButton();
    expect(button).toHaveAttribute('aria-expanded', 'false');
    // Nothing is read until someone opens it.
    expect(getObjectiveHistory).not.toHaveBeenCalled();

    await userEvent.tab();
    while (document.activeElement !== button) await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const region = screen.getByRole('region', { name: 'Edit history' });
    expect(button).toHaveAttribute('aria-controls', region.id);
    expect(getObjectiveHistory).toHaveBeenCalledWith('o1');

    expect(
      await within(region).findByText('2026-11-20 09:30 UTC'),
    ).toBeInTheDocument();
    expect(region).toHaveTextContent('sam.okafor (version 2)');
    expect(region).toHaveTextContent(
      'target of "Adoption reaches 80%": 75 → 80',
    );
    expect(region).toHaveTextContent(
      'metric of "Adoption reaches 80%": entered by hand → Golden-path adoption',
    );
    expect(region).toHaveTextContent('removed key result "Old one"');
    expect(region).toHaveTextContent(
      'Created by priya.raman on 2026-10-02 08:00 UTC.',
    );

    await userEvent.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('region', { name: 'Edit history' })).toBeNull();
  });

  it('says so when the objective was never edited', async () => {
    await render(jest.fn().mockResolvedValue({ ...edited, revisions: [] }));
    await userEvent.click(await historyButton());
    const region = screen.getByRole('region', { name: 'Edit history' });
    expect(
      await within(region).findByText('Not edited since it was created.'),
    ).toBeInTheDocument();
  });

  it('shows progress while loading and the error when the history cannot be read', async () => {
    let fail: (e: Error) => void = () => {};
    await render(
      jest.fn().mockReturnValue(
        new Promise((_, reject) => {
          fail = reject;
        }),
      ),
    );
    await userEvent.click(await historyButton());
    const region = screen.getByRole('region', { name: 'Edit history' });
    expect(within(region).getByTestId('progress')).toBeInTheDocument();
    fail(new Error('backend down'));
    await waitFor(() => expect(region).toHaveTextContent(/backend down/));
    expect(within(region).queryByTestId('progress')).toBeNull();
  });

  it('words additions, removals and empty values', () => {
    expect(
      describeChange({
        field: 'keyResult',
        keyResultId: 'k2',
        keyResultTitle: 'New',
        before: null,
        after: 'New',
      }),
    ).toBe('added key result "New"');
    expect(
      describeChange({
        field: 'description',
        keyResultId: null,
        keyResultTitle: null,
        before: '',
        after: 'why',
      }),
    ).toBe('description: none → why');
    expect(
      describeChange({
        field: 'due',
        keyResultId: 'k1',
        keyResultTitle: 'A',
        before: '2026-12-31',
        after: '2027-01-15',
      }),
    ).toBe('due date of "A": 2026-12-31 → 2027-01-15');
  });
});
