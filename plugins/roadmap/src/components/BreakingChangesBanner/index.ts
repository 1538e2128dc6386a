export {
  BreakingChangesBanner,
  breakingChangesWithin,
} from './BreakingChangesBanner';
