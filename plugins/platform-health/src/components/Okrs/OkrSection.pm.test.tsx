import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Objective } from '@paved/plugin-platform-health-common';
import { TARGETS, fakeApis, renderHealth } from '../../__testUtils__/fixtures';
import { OkrSection } from './OkrSection';

const objective: Objective = {
  id: 'o1',
  quarter: '2026-Q4',
  title: 'Golden paths are the easy way',
  description: 'Most new services start from a golden path.',
  version: 3,
  createdBy: 'user:default/priya.raman',
  updatedBy: 'user:default/priya.raman',
  updatedAt: '2026-11-01T00:00:00Z',
  keyResults: [
    {
      id: 'k1',
      title: 'Adoption reaches 75%',
      metric: 'adoption',
      unit: null,
      start: 60,
      target: 75,
      due: '2026-12-31',
      checkIns: [
        {
          id: 'c1',
          keyResultId: 'k1',
          value: 66,
          note: 'Data team pairing started',
          createdBy: 'user:default/priya.raman',
          createdAt: '2026-11-01T00:00:00Z',
        },
      ],
    },
    {
      id: 'k2',
      title: 'Six teams on CI v2',
      metric: 'manual',
      unit: 'teams',
      start: 2,
      target: 6,
      due: '2026-12-31',
      checkIns: [],
    },
  ],
};

const withOkrs = () =>
  fakeApis({
    health: {
      getOkrs: jest
        .fn()
        .mockResolvedValue({ quarter: '2026-Q4', objectives: [objective] }),
      createObjective: jest.fn().mockResolvedValue(objective),
      checkIn: jest.fn().mockResolvedValue({}),
    },
  });

// A separate file: usePermission caches its answer across the tests of a file.
describe('OkrSection for a platform PM', () => {
  it('lets a platform PM write an objective and check in', async () => {
    const apis = withOkrs();
    await renderHealth(<OkrSection targets={TARGETS} view="quarterly" />, {
      apis,
      pm: true,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: 'New objective' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Objective/ }),
      'Developers recommend the platform',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Key result/ }),
      'Adoption to 80%',
    );
    await userEvent.type(
      within(dialog).getByRole('spinbutton', { name: /Start/ }),
      '70',
    );
    await userEvent.type(
      within(dialog).getByRole('spinbutton', { name: /Target/ }),
      '80',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(apis.health.createObjective).toHaveBeenCalledWith({
        quarter: '2026-Q4',
        title: 'Developers recommend the platform',
        description: '',
        keyResults: [
          {
            title: 'Adoption to 80%',
            metric: 'adoption',
            unit: null,
            start: 70,
            target: 80,
            due: '2026-12-31',
          },
        ],
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Check in on Six teams on CI v2',
      }),
    );
    const checkIn = await screen.findByRole('dialog');
    await userEvent.type(
      within(checkIn).getByRole('spinbutton', { name: /Value/ }),
      '3',
    );
    await userEvent.type(
      within(checkIn).getByRole('textbox', { name: 'Note' }),
      'Fleet migrated',
    );
    await userEvent.click(
      within(checkIn).getByRole('button', { name: 'Check in' }),
    );
    await waitFor(() =>
      expect(apis.health.checkIn).toHaveBeenCalledWith('k2', {
        value: 3,
        note: 'Fleet migrated',
      }),
    );
  });

  it('shows the server’s refusal in the editor', async () => {
    const apis = withOkrs();
    apis.health.updateObjective = jest
      .fn()
      .mockRejectedValue(
        new Error(
          'The objective was changed by priya.raman since you opened it',
        ),
      );
    await renderHealth(<OkrSection targets={TARGETS} view="quarterly" />, {
      apis,
      pm: true,
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Edit Golden paths are the easy way',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText(/changed by priya.raman/),
    ).toBeInTheDocument();
    expect(apis.health.updateObjective).toHaveBeenCalledWith(
      'o1',
      expect.objectContaining({ version: 3 }),
    );
  });
});
