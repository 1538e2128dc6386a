import { ConfigReader } from '@backstage/config';
import { readHealthTargets } from './settings';

describe('readHealthTargets', () => {
  it('has the product defaults', () => {
    expect(readHealthTargets(new ConfigReader({}))).toEqual({
      npsAtRiskWithin: 5,
      participation: null,
      adoption: { value: 80, atRiskWithin: 10 },
      onboarding: { value: 14, atRiskWithin: 7 },
      doraBands: {
        deploymentFrequency: 'high',
        leadTime: 'high',
        changeFailureRate: 'high',
        recoveryTime: 'high',
      },
      reworkRate: null,
    });
  });

  it('reads what is configured', () => {
    const targets = readHealthTargets(
      new ConfigReader({
        platformHealth: {
          targets: {
            participation: { value: 60 },
            onboarding: { value: 10, atRiskWithin: 3 },
            doraBands: { leadTime: 'elite' },
          },
        },
      }),
    );
    expect(targets.participation).toEqual({ value: 60, atRiskWithin: 6 });
    expect(targets.onboarding).toEqual({ value: 10, atRiskWithin: 3 });
    expect(targets.doraBands.leadTime).toBe('elite');
  });

  it('refuses an unknown band', () => {
    expect(() =>
      readHealthTargets(
        new ConfigReader({
          platformHealth: { targets: { doraBands: { leadTime: 'great' } } },
        }),
      ),
    ).toThrow(/doraBands.leadTime must be one of elite, high, medium, low/);
  });
});
