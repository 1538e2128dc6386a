/**
 * Golden paths backend: run recording, catalog first-seen scanning and
 * adoption computed in SQL.
 *
 * @packageDocumentation
 */
export { goldenPathsPlugin as default } from './plugin';
export * from './extensions';
export { GoldenPathsStore } from './database/GoldenPathsStore';
export type { RunRecord } from './database/GoldenPathsStore';
