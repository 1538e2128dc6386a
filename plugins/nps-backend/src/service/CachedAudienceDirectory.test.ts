import { mockServices } from '@backstage/backend-test-utils';
import { CachedAudienceDirectory } from './CachedAudienceDirectory';

describe('CachedAudienceDirectory', () => {
  it('asks the catalog once per audience within the time to live', async () => {
    const eligibleCount = jest.fn(async audience =>
      audience.type === 'all' ? 40 : audience.groups.length * 7,
    );
    const directory = new CachedAudienceDirectory(
      { eligibleCount },
      mockServices.cache.mock({
        // A real in-memory cache behind the mock's interface.
        ...(() => {
          const values = new Map<string, unknown>();
          return {
            get: async (key: string) => values.get(key) as any,
            set: async (key: string, value: unknown) => {
              values.set(key, value);
            },
          };
        })(),
      }),
    );
    const groups = (...g: string[]) => ({ type: 'groups' as const, groups: g });
    expect(await directory.eligibleCount({ type: 'all' })).toBe(40);
    expect(await directory.eligibleCount({ type: 'all' })).toBe(40);
    expect(
      await directory.eligibleCount(
        groups('group:default/checkout', 'group:default/routing'),
      ),
    ).toBe(14);
    // The same groups in another order and case are the same audience.
    expect(
      await directory.eligibleCount(
        groups('group:default/Routing', 'group:default/checkout'),
      ),
    ).toBe(14);
    expect(eligibleCount).toHaveBeenCalledTimes(2);
  });
});
