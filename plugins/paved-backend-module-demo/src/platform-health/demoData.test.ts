import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { OkrService, OkrStore } from '@paved/plugin-platform-health-backend';
import { loadPlatformHealthDemoData } from './demoData';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('platform-health demo data', () => {
  it('writes this quarter’s OKRs with check-ins once, and last quarter’s', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await OkrStore.create(
      mockServices.database({ knex, migrations: { skip: false } }),
    );
    const now = new Date('2026-11-30T10:00:00Z');
    const service = new OkrService(store, () => now);
    expect(await loadPlatformHealthDemoData({ store, service }, now)).toBe(
      true,
    );
    expect(await loadPlatformHealthDemoData({ store, service }, now)).toBe(
      false,
    );
    const { objectives } = await service.list('2026-Q4');
    expect(objectives).toHaveLength(2);
    const adoption = objectives.find(
      o => o.title === 'Golden paths are the easy way',
    )!.keyResults[0];
    expect(adoption).toMatchObject({ metric: 'adoption', due: '2026-12-31' });
    expect(adoption.checkIns.map(c => c.value)).toEqual([66, 62]);
    expect((await service.list('2026-Q3')).objectives).toHaveLength(1);
  });
});
