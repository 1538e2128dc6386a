import { ConfigReader } from '@backstage/config';
import { readPlatformMetricsSettings } from './settings';

const read = (platformMetrics: object) =>
  readPlatformMetricsSettings(new ConfigReader({ platformMetrics }));

describe('readPlatformMetricsSettings', () => {
  it('keeps DORA reports 60 seconds by default, 0 turns it off', () => {
    expect(read({}).doraCacheMs).toBe(60_000);
    expect(read({ dora: { cacheSeconds: 0 } }).doraCacheMs).toBe(0);
    expect(read({ dora: { cacheSeconds: 300 } }).doraCacheMs).toBe(300_000);
  });

  it('refuses a cache time out of range, naming the key', () => {
    for (const cacheSeconds of [-1, 301]) {
      expect(() => read({ dora: { cacheSeconds } })).toThrow(
        `platformMetrics.dora.cacheSeconds must be a number of seconds from 0 (off) to 300, got ${cacheSeconds}`,
      );
    }
  });

  it('refuses a catalog sync frequency that is not a whole number of seconds', () => {
    expect(read({}).catalogSyncSeconds).toBe(300);
    expect(() => read({ catalogSync: { frequencySeconds: 0.5 } })).toThrow(
      'platformMetrics.catalogSync.frequencySeconds',
    );
  });
});
