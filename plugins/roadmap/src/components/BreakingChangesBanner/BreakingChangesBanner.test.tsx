import { screen, within } from '@testing-library/react';
import {
  fakeRoadmapApi,
  makeItem,
  renderRoadmap,
} from '../../__testUtils__/fixtures';
import { isoDay } from '../format';
import { BreakingChangesBanner } from './BreakingChangesBanner';

const inDays = (days: number) => {
  const now = new Date();
  return isoDay(
    new Date(now.getFullYear(), now.getMonth(), now.getDate() + days),
  );
};

const breaking = (title: string, days: number) =>
  makeItem({
    title,
    breakingChange: { notice: `${title} notice`, effectiveDate: inDays(days) },
  });

describe('BreakingChangesBanner', () => {
  it('lists only breaking changes within the next 30 days, soonest first', async () => {
    const items = [
      breaking('In 20 days', 20),
      breaking('Today', 0),
      breaking('In 30 days', 30),
      breaking('In 31 days', 31),
      breaking('Yesterday', -1),
      makeItem({ title: 'Not breaking' }),
    ];
    await renderRoadmap(<BreakingChangesBanner />, {
      api: fakeRoadmapApi(items),
    });
    const alert = await screen.findByRole('alert');
    const links = within(alert).getAllByRole('link');
    expect(links.map(l => l.textContent)).toEqual([
      'Today',
      'In 20 days',
      'In 30 days',
    ]);
    expect(links[0]).toHaveAttribute('href', `/roadmap/items/${items[1].id}`);
    expect(alert).toHaveTextContent('In 20 days notice');
    expect(alert).not.toHaveTextContent('In 31 days');
    expect(alert).not.toHaveTextContent('Yesterday');
  });

  it('renders nothing without upcoming breaking changes', async () => {
    const api = fakeRoadmapApi([breaking('Later', 45), makeItem()]);
    await renderRoadmap(<BreakingChangesBanner />, { api });
    expect(api.listItems).toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renders nothing on error', async () => {
    const api = fakeRoadmapApi([], {
      listItems: jest.fn().mockRejectedValue(new Error('boom')),
    });
    await renderRoadmap(<BreakingChangesBanner />, { api });
    expect(api.listItems).toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/boom/)).toBeNull();
  });
});
