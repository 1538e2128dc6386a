export {
  DEFAULT_MIN_GROUP_SIZE,
  MIN_GROUP_SIZE_FLOOR,
  effectiveMinGroupSize,
  suppressGroups,
} from '@paved/common';
export type {
  GroupSize,
  GroupVisibility,
  SuppressionReason,
} from '@paved/common';

/** Free-text comments identify people more easily than scores, so their groups must be larger. */
export const DEFAULT_MIN_COMMENT_GROUP_SIZE = 10;
