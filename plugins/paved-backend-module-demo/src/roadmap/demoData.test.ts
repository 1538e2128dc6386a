import { mockServices } from '@backstage/backend-test-utils';
import { pavedTestDatabases } from '@paved/backend-test-utils';
import { RoadmapStore } from '@paved/plugin-roadmap-backend';
import { loadRoadmapDemoData } from './demoData';

const databases = pavedTestDatabases();
const people = Array.from({ length: 40 }, (_, i) => `user:default/person-${i}`);

describe.each(databases.eachSupportedId())('roadmap demo data on %p', id => {
  it('is a believable 6-month roadmap, loaded once', async () => {
    const knex = await databases.init(id);
    const store = await RoadmapStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const now = new Date('2026-11-24T12:00:00Z');
    expect(await loadRoadmapDemoData({ store, people, now })).toBe(true);
    expect(await loadRoadmapDemoData({ store, people, now })).toBe(false);

    const items = await store.listItems('user:default/person-3');
    expect(items.length).toBeGreaterThanOrEqual(15);
    expect(items.length).toBeLessThanOrEqual(25);
    expect(new Set(items.map(i => i.horizon))).toEqual(
      new Set(['now', 'next', 'later']),
    );
    expect(new Set(items.map(i => i.status)).size).toBe(7);

    const declined = items.filter(i => i.status === 'declined');
    expect(declined).toHaveLength(3);
    expect(declined.every(i => (i.declineReason ?? '').length > 20)).toBe(true);

    // Shipped last quarter (2026-Q3: July to September).
    const shipped = items.filter(i => i.status === 'generally-available');
    expect(shipped).toHaveLength(2);
    for (const item of shipped) {
      expect(item.shippedAt! >= '2026-07-01').toBe(true);
      expect(item.shippedAt! < '2026-10-01').toBe(true);
    }

    const ahead = items.filter(i => i.breakingChange);
    expect(ahead).toHaveLength(1);
    expect(ahead[0].breakingChange!.effectiveDate).toBe('2026-12-15');

    expect(items.reduce((sum, i) => sum + i.votes, 0)).toBeGreaterThan(100);
    expect(items.some(i => i.votedByMe)).toBe(true);
    const faster = items.find(i => i.title === 'Faster CI for monorepos')!;
    expect(await store.themes(faster.id)).toEqual(['ci speed']);
  });
});
