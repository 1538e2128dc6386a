import { screen, waitFor } from '@testing-library/react';
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

describe('OkrSection', () => {
  it('shows progress from the live metric and the check-in history; read-only without the permission', async () => {
    await renderHealth(<OkrSection targets={TARGETS} view="monthly" />, {
      apis: withOkrs(),
    });
    expect(
      await screen.findByRole('heading', {
        name: 'Golden paths are the easy way',
      }),
    ).toBeInTheDocument();
    // Adoption is 70% live: two thirds of the way from 60% to 75%.
    await waitFor(() =>
      expect(
        screen.getByRole('progressbar', {
          name: 'Adoption reaches 75%: 67% of the way',
        }),
      ).toBeInTheDocument(),
    );
    // The monthly view opens the check-ins.
    expect(
      screen.getByText(/2026-11-01: 66%, Data team pairing started/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', {
        name: 'Six teams on CI v2: 0% of the way',
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New objective' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Check in/ })).toBeNull();
  });
});
