import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  DEFAULT_NEW_JOINER_MONTHS,
  DEFAULT_START_DATE_ANNOTATION,
  PARTICIPANT_GOAL,
} from '@paved/plugin-research-common';

/** The research settings, from `research.*` and `paved.platformGroup`. */
export interface ResearchSettings {
  scheduleEnabled: boolean;
  scheduleGoal: number;
  startDateAnnotation: string;
  newJoinerMonths: number;
  extraThemes: string[];
  gaCheckMinutes: number;
  platformGroup: string;
}

const wholeNumber = (
  value: number,
  name: string,
  min: number,
  max: number,
): number => {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number, ${min} to ${max}`);
  }
  return value;
};

/** Reads and checks the research settings; a bad value stops the plugin with its name. */
export function readResearchSettings(config: Config): ResearchSettings {
  const research = config.getOptionalConfig('research');
  const platformGroup =
    config.getOptionalString('paved.platformGroup') ??
    'group:default/platform-team';
  return {
    scheduleEnabled: research?.getOptionalBoolean('schedule.enabled') ?? true,
    scheduleGoal: wholeNumber(
      research?.getOptionalNumber('schedule.goal') ?? PARTICIPANT_GOAL.default,
      'research.schedule.goal',
      PARTICIPANT_GOAL.min,
      PARTICIPANT_GOAL.max,
    ),
    startDateAnnotation:
      research?.getOptionalString('recruiting.startDateAnnotation') ??
      DEFAULT_START_DATE_ANNOTATION,
    newJoinerMonths: wholeNumber(
      research?.getOptionalNumber('recruiting.newJoinerMonths') ??
        DEFAULT_NEW_JOINER_MONTHS,
      'research.recruiting.newJoinerMonths',
      1,
      36,
    ),
    extraThemes: research?.getOptionalStringArray('extraThemes') ?? [],
    gaCheckMinutes: wholeNumber(
      research?.getOptionalNumber('previews.generalAvailabilityCheckMinutes') ??
        5,
      'research.previews.generalAvailabilityCheckMinutes',
      1,
      1440,
    ),
    platformGroup: stringifyEntityRef(
      parseEntityRef(platformGroup, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    ),
  };
}
