import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderMetrics } from '../../__testUtils__/fixtures';
import { DeliveryPage } from './DeliveryPage';

// Apart from the developer tests: the permission hook caches its answer per page load.
jest.setTimeout(60_000);

const release = {
  id: 'marker:1',
  kind: 'marker' as const,
  title: 'Mesh',
  releasedAt: '2026-10-01T00:00:00Z',
  description: null,
};

describe('DeliveryPage for a platform PM', () => {
  it('lets a platform PM mark a release', async () => {
    const marker = {
      ...release,
      id: 'marker:1',
      kind: 'marker' as const,
      title: 'Mesh',
    };
    const api = fakeApi({
      addReleaseMarker: jest.fn().mockResolvedValue(marker),
    });
    await renderMetrics(<DeliveryPage />, { api, pm: true });
    const add = await screen.findByRole(
      'button',
      { name: 'Add marker' },
      { timeout: 20_000 },
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Release' }),
      'Mesh',
    );
    await userEvent.type(screen.getByLabelText(/Released on/), '2026-10-01');
    await userEvent.click(add);
    expect(api.addReleaseMarker).toHaveBeenCalledWith({
      title: 'Mesh',
      releasedAt: '2026-10-01',
    });
  });
});
