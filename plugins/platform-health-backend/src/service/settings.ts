import { Config } from '@backstage/config';
import {
  DORA_BAND_ORDER,
  DoraBand,
  HealthTargets,
  NumericTarget,
} from '@paved/plugin-platform-health-common';

const DORA_TARGETED = [
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recoveryTime',
] as const;

function numeric(
  section: Config | undefined,
  key: string,
  fallback: NumericTarget | null,
): NumericTarget | null {
  const target = section?.getOptionalConfig(key);
  if (!target) return fallback;
  const value = target.getNumber('value');
  const atRiskWithin =
    target.getOptionalNumber('atRiskWithin') ??
    fallback?.atRiskWithin ??
    Math.abs(value) / 10;
  if (!Number.isFinite(value) || !(atRiskWithin >= 0)) {
    throw new Error(
      `platformHealth.targets.${key} needs a number value and a non-negative atRiskWithin`,
    );
  }
  return { value, atRiskWithin };
}

/** Reads and validates `platformHealth.targets`: the one place they are read. */
export function readHealthTargets(config: Config): HealthTargets {
  const section = config.getOptionalConfig('platformHealth.targets');
  const npsAtRiskWithin = section?.getOptionalNumber('npsAtRiskWithin') ?? 5;
  if (!(npsAtRiskWithin >= 0)) {
    throw new Error('platformHealth.targets.npsAtRiskWithin must be 0 or more');
  }
  const doraBands = {} as HealthTargets['doraBands'];
  for (const metric of DORA_TARGETED) {
    const band =
      section?.getOptionalString(`doraBands.${metric}`) ?? ('high' as const);
    if (!(DORA_BAND_ORDER as readonly string[]).includes(band)) {
      throw new Error(
        `platformHealth.targets.doraBands.${metric} must be one of ${DORA_BAND_ORDER.join(
          ', ',
        )}`,
      );
    }
    doraBands[metric] = band as DoraBand;
  }
  return {
    npsAtRiskWithin,
    participation: numeric(section, 'participation', null),
    adoption: numeric(section, 'adoption', { value: 80, atRiskWithin: 10 })!,
    onboarding: numeric(section, 'onboarding', { value: 14, atRiskWithin: 7 })!,
    doraBands,
    reworkRate: numeric(section, 'reworkRate', null),
  };
}
